"""Read one YAML file safely: encoding, size, syntax, duplicate keys, alias bombs.

libyaml composes the node tree; the constructor builds plain data from it and
checks, on the way, what PyYAML would otherwise let pass silently. The tree of a
small file is then let go: positions are needed only where something is
reported, and a file with a finding is composed again (libyaml alone) on first
use. Holding every small file's tree cost a 2,000-file repository a tenth of its
lint time in memory traffic and freeing. A large file (a bank of hundreds of
questions) keeps its tree: it nearly always has some finding, and composing it
again cost a 15,000-question repository an eighth of its lint time.
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cs_team.alias_guard import MAX_EXPANDED_CHARS, MAX_EXPANDED_NODES, AliasBomb, loader_for
from cs_team.constructor import MAX_DIGITS, NumberTooLong
from cs_team.controls import bidi_offsets, has_bidi
from cs_team.findings import Finding, Span
from cs_team.node_path import compose, mark_span, node_span
from cs_team.prescan import excess_structure
from cs_team.readfile import MAX_PLAYBOOK_BYTES, FileTooLarge, NotRegularFile, read_playbook
from cs_team.rulebook import make_finding
from cs_team.wording import Phrase, phrase

MAX_BYTES = MAX_PLAYBOOK_BYTES

KEEP_TREE_CHARS = 64 * 1024
"""A file this long keeps its node tree after parsing (see the module's docstring)."""

_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass
class ParsedFile:
    """A file read and parsed: ``has_document`` is False when there is no usable document."""

    path: Path
    display: str
    text: str | None = None
    data: Any = None
    has_document: bool = False
    unquoted_time: bool = False
    """A plain scalar in it reads as a date or a time of day in YAML 1.1 (see CS223)."""
    findings: list[Finding] = field(default_factory=list)
    _node: yaml.Node | None = field(default=None, repr=False, compare=False)

    @property
    def node(self) -> yaml.Node | None:
        """The document's node tree, for positions (composed again on first use)."""
        if self._node is None and self.has_document:
            self._node = compose(self.text or "")
        return self._node


def finding(parsed: ParsedFile, code: str, span: Span, message: str | Phrase) -> Finding:
    return make_finding(parsed.display, span, code, message)


def _name_not_utf8(parsed: ParsedFile, name: bytes) -> Finding:
    try:
        hint: Phrase = phrase("file.name_reads_as", name=name.decode("gb18030"))
    except UnicodeDecodeError:
        hint = phrase("file.name_rename")
    return finding(parsed, "CS014", Span(), phrase("file.name_not_utf8", hint=hint))


def _too_large(parsed: ParsedFile, size: int) -> Finding:
    return finding(parsed, "CS005", Span(), phrase(
        "file.too_large", size=f"{size / (1024 * 1024):.1f}", limit=MAX_BYTES // (1024 * 1024)))


def decode(raw: bytes, parsed: ParsedFile) -> str | None:
    """UTF-8 text of the file, or None with a finding saying why it is not usable."""
    if len(raw) > MAX_BYTES:
        parsed.findings.append(_too_large(parsed, len(raw)))
        return None
    if raw.startswith(_UTF16_32_BOMS):
        parsed.findings.append(finding(parsed, "CS003", Span(), phrase("file.utf16")))
        return None
    if b"\x00" in raw:
        parsed.findings.append(finding(parsed, "CS005", Span.at_offset(raw, raw.index(b"\x00")),
                                       phrase("file.binary")))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        span = Span.at_offset(raw, error.start)
        hint = phrase("file.save_utf8")
        try:
            raw.decode("gb18030")
            hint = phrase("file.looks_gbk")
        except UnicodeDecodeError:
            pass
        parsed.findings.append(finding(parsed, "CS003", span, phrase(
            "file.not_utf8", byte=f"{raw[error.start]:02X}", hint=hint)))
        return None


def parse_text(text: str, parsed: ParsedFile) -> None:
    """Parse ``text`` into ``parsed.data``, recording findings."""
    parsed.text = text
    excess = excess_structure(text)
    if excess is not None:
        offset, message = excess
        parsed.findings.append(finding(parsed, "CS001", Span.at_offset(text, offset), message))
        return

    def report(code: str, node: yaml.Node, message: str | Phrase) -> None:
        parsed.findings.append(finding(parsed, code, node_span(node), message))

    loader = loader_for(text, report)
    try:
        node = loader.get_single_node()
        if node is None:
            parsed.findings.append(finding(parsed, "CS004", Span(), phrase("file.empty")))
            return
        data = loader.construct_data(node)
    except AliasBomb as bomb:
        limit = f"{MAX_EXPANDED_CHARS // (1024 * 1024)}" if bomb.chars else f"{MAX_EXPANDED_NODES:,}"
        parsed.findings.append(finding(parsed, "CS006", node_span(bomb.node), phrase(
            "file.alias_text" if bomb.chars else "file.alias_bomb", limit=limit)))
        return
    except NumberTooLong as number:
        parsed.findings.append(finding(parsed, "CS013", node_span(number.node), phrase(
            "file.number_too_long", digits=f"{number.digits:,}", limit=MAX_DIGITS)))
        return
    except yaml.MarkedYAMLError as error:
        parsed.findings.append(_syntax_finding(parsed, error, text))
        return
    except yaml.reader.ReaderError as error:  # a control character: it carries an offset only
        parsed.findings.append(finding(parsed, "CS001", Span.at_offset(text, error.position), phrase(
            "file.control_character", code=f"{error.character:04X}")))
        return
    except RecursionError:
        parsed.findings.append(finding(parsed, "CS001", Span(), phrase("file.nesting_unreadable")))
        return
    finally:
        loader.dispose()
    parsed.data, parsed.has_document, parsed.unquoted_time = data, True, loader.unquoted_time
    if loader.walked and len(text) >= KEEP_TREE_CHARS:
        parsed._node = node
    if has_bidi(text):
        _report_bidi(parsed, text)


def _report_bidi(parsed: ParsedFile, text: str) -> None:
    """CS015 at every bidirectional control: the text would read differently from what it says."""
    for offset in bidi_offsets(text):
        char = text[offset]
        parsed.findings.append(finding(parsed, "CS015", Span.at_offset(text, offset), phrase(
            "file.bidi", code=f"{ord(char):04X}", name=unicodedata.name(char).lower())))


def _char_at(text: str, mark: yaml.Mark) -> str:
    lines = text.split("\n", mark.line + 1)
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""


def _syntax_finding(parsed: ParsedFile, error: yaml.MarkedYAMLError, text: str) -> Finding:
    mark = error.problem_mark or error.context_mark
    span = mark_span(mark) if mark else Span()
    raw_problem = error.problem or ""
    if "expected a single document" in (error.context or ""):
        return finding(parsed, "CS008", span, phrase("file.second_document"))
    problem: Phrase | str = _libyaml_words(raw_problem) if raw_problem else phrase("yaml.invalid")
    if mark and (_char_at(text, mark) == "\t" or "tab character" in raw_problem):
        problem = phrase("file.syntax_tab", problem=problem)
    context: Phrase | str = ""
    if error.context and error.context not in raw_problem:
        words = _libyaml_words(error.context)
        if error.context_mark and error.context_mark.line != (mark.line if mark else -1):
            context = phrase("file.context_from", context=words, line=error.context_mark.line + 1)
        else:
            context = phrase("file.context", context=words)
    return finding(parsed, "CS001", span, phrase("file.syntax", problem=problem, context=context))


# libyaml's words for what went wrong, as the catalogue says them in each language
_LIBYAML = {
    "mapping values are not allowed in this context": "yaml.mapping_values",
    "did not find expected ',' or '}'": "yaml.expected_flow_mapping_end",
    "did not find expected ',' or ']'": "yaml.expected_flow_sequence_end",
    "did not find expected key": "yaml.expected_key",
    "could not find expected ':'": "yaml.expected_colon",
    "did not find expected '-' indicator": "yaml.expected_entry",
    "found character that cannot start any token": "yaml.bad_character",
    "found a tab character that violates indentation": "yaml.tab_indentation",
    "found a tab character where an indentation space is expected": "yaml.tab_space_expected",
    "found unexpected end of stream": "yaml.stream_end",
    "found undefined alias": "yaml.undefined_alias",
    "second occurrence": "yaml.second_occurrence",
    "did not find expected <document start>": "yaml.document_start",
    "did not find expected comment or line break": "yaml.comment_or_break",
    "while parsing a flow mapping": "yaml.while_flow_mapping",
    "while parsing a flow sequence": "yaml.while_flow_sequence",
    "while parsing a block mapping": "yaml.while_block_mapping",
    "while parsing a block collection": "yaml.while_block_collection",
    "while scanning for the next token": "yaml.while_next_token",
    "while scanning a simple key": "yaml.while_simple_key",
    "while scanning a quoted scalar": "yaml.while_quoted",
    "while scanning a plain scalar": "yaml.while_plain",
    "while scanning a block scalar": "yaml.while_block_scalar",
    "while parsing a node": "yaml.while_node",
    "found duplicate anchor; first occurrence": "yaml.duplicate_anchor",
}


def _libyaml_words(text: str) -> Phrase | str:
    """libyaml's English as a catalogue phrase where the catalogue knows it, else as it is."""
    key = _LIBYAML.get(text)
    return Phrase(key) if key else text


def parse_file(path: Path, display: str, read: Callable[[Path], bytes] = read_playbook) -> ParsedFile:
    """``path`` parsed; ``read`` gives its bytes (a Snapshot's, when they were read already)."""
    parsed = ParsedFile(path, display)
    name = os.fsencode(path.name)
    try:
        name.decode("utf-8")
    except UnicodeDecodeError:
        parsed.findings.append(_name_not_utf8(parsed, name))
    try:
        raw = read(path)
    except FileTooLarge as error:
        parsed.findings.append(_too_large(parsed, error.size))
        return parsed
    except NotRegularFile as error:
        parsed.findings.append(finding(parsed, "CS005", Span(), phrase(
            "file.not_regular", kind=phrase(f"file.kinds.{error.kind}"))))
        return parsed
    except OSError as error:
        reason = error.strerror or str(error)
        parsed.findings.append(finding(parsed, "CS005", Span(), phrase("file.unreadable", reason=reason)))
        return parsed
    text = decode(raw, parsed)
    if text is not None:
        parse_text(text, parsed)
    return parsed
