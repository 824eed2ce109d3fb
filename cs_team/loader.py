"""Load a playbook repository: parse every file, check kind and format, validate the models."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cs_team.collector import collector_paused
from cs_team.findings import Finding
from cs_team.fingerprint import Snapshot
from cs_team.model import FORMAT_VERSION, ITEM_LISTS, KINDS, RESULT_KINDS, Config, Document
from cs_team.node_path import span_at
from cs_team.parse_ahead import ParseAhead
from cs_team.readfile import read_playbook
from cs_team.repo import CONFIG_NAME, display_path, display_paths, inside, playbook_files
from cs_team.rulebook import resolve_codes
from cs_team.source import ParsedFile, finding, parse_file
from cs_team.validation import schema_findings
from cs_team.wording import did_you_mean, phrase, quoted

FALLBACK_CONFIG = Config(format=FORMAT_VERSION, name="playbooks", languages=["zh"],
                         default_language="zh")


@dataclass
class LoadedDocument:
    parsed: ParsedFile
    kind: str | None = None
    model: Document | None = None
    """None when the document is invalid; may hold fewer items than the file when some were."""
    kept: dict[str, list[int]] = field(default_factory=dict)
    """For a list whose broken items were left out: the file's index of each item in the model's."""

    def file_path(self, path: tuple) -> tuple:
        """A path into the model as a path into the file (they differ after left-out items)."""
        if len(path) > 1 and path[0] in self.kept and isinstance(path[1], int):
            return (path[0], self.kept[path[0]][path[1]], *path[2:])
        return path

    @property
    def data(self) -> Any:
        return self.parsed.data

    @property
    def display(self) -> str:
        return self.parsed.display


@dataclass
class Repository:
    root: Path
    config: Config
    documents: list[LoadedDocument]
    findings: list[Finding] = field(default_factory=list)
    ignored: set[str] = field(default_factory=set)
    bundled: bool = False
    config_file: ParsedFile | None = None

    def models(self, kind: str) -> list[tuple[LoadedDocument, Any]]:
        return [(d, d.model) for d in self.documents if d.kind == kind and d.model is not None]


def _check_format(parsed: ParsedFile, data: dict) -> bool:
    """False when the document follows a format this version cannot read."""
    if "format" not in data:
        parsed.findings.append(finding(parsed, "CS010", span_at(parsed.node, ()),
                                       phrase("source.missing_format", version=FORMAT_VERSION)))
        data["format"] = FORMAT_VERSION
        return True
    value = data["format"]
    if value == FORMAT_VERSION and type(value) is int:
        return True
    newer = isinstance(value, int) and not isinstance(value, bool) and value > FORMAT_VERSION
    message = (phrase("source.newer_format", value=value, version=FORMAT_VERSION) if newer
               else phrase("source.wrong_format", version=FORMAT_VERSION, value=quoted(value)))
    parsed.findings.append(finding(parsed, "CS010", span_at(parsed.node, ("format",)), message))
    return False


def _validate(parsed: ParsedFile, model_class: type, data: dict, kind: str = "",
              kept: dict[str, list[int]] | None = None) -> Any:
    """The model, or None with findings; ``kept`` learns which items a salvaged model holds."""
    try:
        return model_class.model_validate(data)
    except ValidationError as error:
        parsed.findings.extend(schema_findings(parsed, error, model_class))
        salvageable = {field for field, _ in ITEM_LISTS.get(kind, ())}
        return _salvage(model_class, data, error, salvageable, kept) if salvageable else None


def _salvage(model_class: type, data: dict, error: ValidationError, fields: set[str],
             kept: dict[str, list[int]] | None) -> Any:
    """The document without its broken items, when only stand-alone items were broken.

    One bad question should not hide a whole bank from the cross-file rules
    (and flood the report with unresolved references to its good questions).
    A broken part of anything else (a role's criterion) leaves the whole
    document out, since what remains would be misleading (weights not 100).
    """
    broken: dict[str, set[int]] = {}
    for item in error.errors():
        loc = item["loc"]
        if len(loc) < 2 or loc[0] not in fields or not isinstance(loc[1], int):
            return None
        broken.setdefault(str(loc[0]), set()).add(loc[1])
    cleaned, positions = dict(data), {}
    for name, indexes in broken.items():
        positions[name] = [i for i in range(len(data[name])) if i not in indexes]
        cleaned[name] = [data[name][i] for i in positions[name]]
    try:
        model = model_class.model_validate(cleaned)
    except ValidationError:
        return None
    if kept is not None:
        kept.update(positions)
    return model


def load_document(parsed: ParsedFile) -> LoadedDocument:
    document = LoadedDocument(parsed)
    data = parsed.data
    if not parsed.has_document:
        return document
    if not isinstance(data, dict):
        parsed.findings.append(finding(parsed, "CS103", span_at(parsed.node, ()),
                                       phrase("source.not_a_mapping")))
        return document
    kind = data.get("kind")
    if isinstance(kind, str) and kind in RESULT_KINDS:  # a filled scorecard kept beside the playbooks
        # its reader takes a bare yes/no for what it is (the recommendation): no CS007 for it
        parsed.findings[:] = [f for f in parsed.findings if f.code != "CS007"]
        return document
    if not isinstance(kind, str) or kind not in KINDS:
        known = ", ".join(KINDS)
        if kind is None:
            message = phrase("source.missing_kind", known=known)
            span = span_at(parsed.node, ())
        else:
            hint = did_you_mean(str(kind), KINDS) or phrase("hint.use_one_of", choices=known)
            message = phrase("source.unknown_kind", kind=str(kind), hint=hint)
            span = span_at(parsed.node, ("kind",))
        parsed.findings.append(finding(parsed, "CS009", span, message))
        return document
    document.kind = kind
    data = dict(data)
    if _check_format(parsed, data):
        document.model = _validate(parsed, KINDS[kind], data, kind, document.kept)
    return document


def load_config(root: Path, cwd: Path | None, read: Callable[[Path], bytes] = read_playbook
                ) -> tuple[Config, ParsedFile, set[str]]:
    parsed = parse_file(root / CONFIG_NAME, display_path(root / CONFIG_NAME, cwd), read)
    config, ignored = FALLBACK_CONFIG, set()
    if parsed.has_document and not isinstance(parsed.data, dict):
        parsed.findings.append(finding(parsed, "CS103", span_at(parsed.node, ()),
                                       phrase("source.config_not_mapping", name=CONFIG_NAME)))
    elif parsed.has_document:
        data = dict(parsed.data)
        if _check_format(parsed, data):
            config = _validate(parsed, Config, data) or FALLBACK_CONFIG
        if config.templates and not inside(root, root / config.templates):
            parsed.findings.append(finding(parsed, "CS104", span_at(parsed.node, ("templates",)),
                                           phrase("source.config_templates", folder=config.templates)))
        ignored, unknown = resolve_codes(config.ignore)
        for name in unknown:
            index = config.ignore.index(name)
            parsed.findings.append(finding(parsed, "CS104", span_at(parsed.node, ("ignore", index)),
                                           phrase("source.config_ignore", name=name)))
    return config, parsed, ignored


def load_repository(root: Path, *, bundled: bool = False, cwd: Path | None = None,
                    snapshot: Snapshot | None = None, ahead: ParseAhead | None = None) -> Repository:
    """Every playbook file under ``root``, parsed and validated.

    ``snapshot``: the files' bytes, read already (with every YAML file under ``root`` and the config).
    ``ahead``: files a child process is parsing already.
    """
    with collector_paused():
        return _load_repository(root, bundled, cwd, snapshot, ahead or ParseAhead())


def _load_repository(root: Path, bundled: bool, cwd: Path | None, snapshot: Snapshot | None,
                     ahead: ParseAhead) -> Repository:
    read = snapshot.read if snapshot is not None else read_playbook
    config, config_file, ignored = load_config(root, cwd, read)
    skip = [root / config.templates] if config.templates else []
    walked = snapshot.paths if snapshot is not None else ahead.paths  # listed already, or None
    paths = playbook_files(root, config.exclude, skip, walked)
    parsed = ahead.parse(paths, display_paths(root, paths, cwd), read)
    documents = [load_document(file) for file in parsed]
    findings = list(config_file.findings)
    for document in documents:
        findings.extend(document.parsed.findings)
    return Repository(root, config, documents, findings, ignored, bundled, config_file)


