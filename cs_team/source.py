"""Read one YAML file safely: encoding, size, syntax, duplicate keys, alias bombs.

libyaml composes the node tree; the constructor builds plain data from it and
checks, on the way, what PyYAML would otherwise let pass silently. The tree is
then let go: positions are needed only where something is reported, and a file
with a finding is composed again (libyaml alone, a fraction of the parse) on
first use. Holding every file's tree cost a 2,000-file repository a tenth of
its lint time in memory traffic and freeing.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cs_team.constructor import MAX_DIGITS, MAX_EXPANDED_NODES, AliasBomb, NumberTooLong, compose, loader_for
from cs_team.findings import Finding, Span
from cs_team.rulebook import make_finding
from cs_team.wording import Phrase

MAX_BYTES = 5 * 1024 * 1024
"""Largest file read. Playbooks are small; a larger file is almost surely not one."""

_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass
class ParsedFile:
    """A file read and parsed: ``has_document`` is False when there is no usable document."""

    path: Path
    display: str
    text: str | None = None
    data: Any = None
    has_document: bool = False
    findings: list[Finding] = field(default_factory=list)
    _node: yaml.Node | None = field(default=None, repr=False, compare=False)

    @property
    def node(self) -> yaml.Node | None:
        """The document's node tree, for positions (composed again on first use)."""
        if self._node is None and self.has_document:
            self._node = compose(self.text or "")
        return self._node


def mark_span(start: yaml.Mark, end: yaml.Mark | None = None) -> Span:
    end = end or start
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def node_span(node: yaml.Node) -> Span:
    if isinstance(node, yaml.ScalarNode):
        return mark_span(node.start_mark, node.end_mark)
    # A whole collection would light up many lines in an editor: point at its start.
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    return Span(line, column, line, column + 1)


def finding(parsed: ParsedFile, code: str, span: Span, message: str | Phrase) -> Finding:
    return make_finding(parsed.display, span, code, message)


def _byte_position(raw: bytes, offset: int) -> Span:
    line = raw.count(b"\n", 0, offset) + 1
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Span(line, column, line, column + 1)


def decode(raw: bytes, parsed: ParsedFile) -> str | None:
    """UTF-8 text of the file, or None with a finding saying why it is not usable."""
    if len(raw) > MAX_BYTES:
        size = len(raw) / (1024 * 1024)
        parsed.findings.append(finding(parsed, "CS005", Span(), (
            f"file is {size:.1f} MiB; playbook files are read up to {MAX_BYTES // (1024 * 1024)} MiB: "
            "split it into several files")))
        return None
    if raw.startswith(_UTF16_32_BOMS):
        parsed.findings.append(finding(parsed, "CS003", Span(), (
            "file is UTF-16/UTF-32 encoded; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)")))
        return None
    if b"\x00" in raw:
        parsed.findings.append(finding(parsed, "CS005", _byte_position(raw, raw.index(b"\x00")),
                                       "file is binary (it contains NUL bytes), not YAML text"))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        span = _byte_position(raw, error.start)
        hint = "save it as UTF-8"
        try:
            raw.decode("gb18030")
            hint = ("it looks like GBK/GB18030: convert it with "
                    "`iconv -f GB18030 -t UTF-8`, or re-save it as UTF-8 in your editor")
        except UnicodeDecodeError:
            pass
        parsed.findings.append(finding(parsed, "CS003", span, (
            f"file is not UTF-8 (byte 0x{raw[error.start]:02X} cannot be decoded); {hint}")))
        return None


MAX_DEPTH = 1000
"""Deepest nesting read. libyaml's composer recurses in C and crashes the process
somewhere past 20,000 levels, so depth is checked on the text before parsing."""

_BRACKETS = re.compile(r"[\[\]{}]")
_INLINE_NESTING = re.compile(rf"(?:[-?][ \t]+){{{MAX_DEPTH // 10},}}")
_INLINE_MIN_CHARS = 2 * (MAX_DEPTH // 10)


def _excess_nesting(text: str) -> int | None:
    """Offset where nesting gets deeper than MAX_DEPTH, or None. Cheap when there is none."""
    if text.count("[") + text.count("{") > MAX_DEPTH:
        depth = 0
        for match in _BRACKETS.finditer(text):
            depth += 1 if match.group() in "[{" else -1
            if depth > MAX_DEPTH:
                return match.start()
    # Nesting deeper than the bracket count needs `- - - ...` on one line (on several lines the
    # indentation grows with depth, so 5 MiB cannot hold a crashing depth): a long line.
    if max(map(len, text.split("\n"))) < _INLINE_MIN_CHARS:
        return None
    inline = _INLINE_NESTING.search(text)
    return inline.start() if inline else None


def parse_text(text: str, parsed: ParsedFile) -> None:
    """Parse ``text`` into ``parsed.data``, recording findings."""
    parsed.text = text
    too_deep = _excess_nesting(text)
    if too_deep is not None:
        line = text.count("\n", 0, too_deep) + 1
        column = too_deep - (text.rfind("\n", 0, too_deep) + 1) + 1
        parsed.findings.append(finding(parsed, "CS001", Span(line, column, line, column + 1), (
            f"collections are nested more than {MAX_DEPTH} levels deep here; "
            "playbooks never need this: flatten the structure")))
        return
    def report(code: str, node: yaml.Node, message: str | Phrase) -> None:
        parsed.findings.append(finding(parsed, code, node_span(node), message))

    loader = loader_for(text, report)
    try:
        node = loader.get_single_node()
        if node is None:
            parsed.findings.append(finding(parsed, "CS004", Span(), (
                "file holds no YAML document (it is empty or only comments)")))
            return
        data = loader.construct_data(node)
    except AliasBomb as bomb:
        parsed.findings.append(finding(parsed, "CS006", node_span(bomb.node), (
            f"aliases expand this document beyond {MAX_EXPANDED_NODES:,} values; "
            "write the content out instead of repeating anchors")))
        return
    except NumberTooLong as number:
        parsed.findings.append(finding(parsed, "CS013", node_span(number.node), (
            f"this number has {number.digits:,} digits, far out of any range (at most {MAX_DIGITS} "
            "are read); write the value the field needs")))
        return
    except yaml.MarkedYAMLError as error:
        parsed.findings.append(_syntax_finding(parsed, error, text))
        return
    except yaml.reader.ReaderError as error:  # a control character: it carries an offset only
        offset = error.position
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        parsed.findings.append(finding(parsed, "CS001", Span(line, column, line, column + 1), (
            f"control character U+{error.character:04X} is not allowed in YAML; delete it")))
        return
    except RecursionError:
        parsed.findings.append(finding(parsed, "CS001", Span(), "YAML nesting is too deep to read"))
        return
    finally:
        loader.dispose()
    parsed.data, parsed.has_document = data, True


def _char_at(text: str, mark: yaml.Mark) -> str:
    lines = text.split("\n", mark.line + 1)
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""


def _syntax_finding(parsed: ParsedFile, error: yaml.MarkedYAMLError, text: str) -> Finding:
    mark = error.problem_mark or error.context_mark
    span = mark_span(mark) if mark else Span()
    problem = error.problem or "invalid YAML"
    if "expected a single document" in (error.context or ""):
        return finding(parsed, "CS008", span, (
            "a second YAML document starts here (after ---); keep one document per file"))
    if mark and (_char_at(text, mark) == "\t" or "tab character" in problem):
        problem += " (indent with spaces, not tabs)"
    context = f" {error.context}" if error.context and error.context not in problem else ""
    if context and error.context_mark and error.context_mark.line != (mark.line if mark else -1):
        context += f" that started on line {error.context_mark.line + 1}"
    return finding(parsed, "CS001", span, f"YAML syntax error: {problem}{context}")


def parse_file(path: Path, display: str, read: Callable[[Path], bytes] = Path.read_bytes) -> ParsedFile:
    """``path`` parsed; ``read`` gives its bytes (a Snapshot's, when they were read already)."""
    parsed = ParsedFile(path, display)
    try:
        raw = read(path)
    except OSError as error:
        reason = error.strerror or str(error)
        parsed.findings.append(finding(parsed, "CS005", Span(), f"cannot read the file: {reason}"))
        return parsed
    text = decode(raw, parsed)
    if text is not None:
        parse_text(text, parsed)
    return parsed
