"""Validate parsed data against its kind's model; turn pydantic errors into located findings."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from cs_team.findings import Finding
from cs_team.locate import dotted, find_node
from cs_team.model.common import ID_PATTERN, describe
from cs_team.source import ParsedFile, finding, node_span

_TYPE_NAMES = {
    "int_type": "a whole number", "float_type": "a number", "string_type": "text",
    "bool_type": "true or false", "list_type": "a list", "dict_type": "a mapping",
    "model_type": "a mapping", "model_attributes_type": "a mapping", "date_type": "a date (YYYY-MM-DD)",
    "int_from_float": "a whole number", "float_parsing": "a number", "int_parsing": "a whole number",
}


def suggest(word: str, choices: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation may hold (through Optional, Annotated, unions)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def fields_at(model: type[BaseModel], path: tuple) -> list[str]:
    """Field names of the model found at ``path`` inside ``model`` (empty when unknown)."""
    candidates: list[Any] = [model]
    for segment in path:
        following: list[Any] = []
        for candidate in candidates:
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                field = candidate.model_fields.get(str(segment))
                if field is not None:
                    following += _unwrap(field.annotation)
            elif typing.get_origin(candidate) in (list, dict):
                following += _unwrap(typing.get_args(candidate)[-1])
        if following:
            candidates = following
        # else: a union tag segment; stay where we are
    return sorted({name for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)
                   for name in c.model_fields})


def _message(error: dict, model: type[BaseModel]) -> tuple[str, str]:
    kind, loc, value = error["type"], error["loc"], error.get("input")
    where = dotted([s for s in loc[:-1]]) if kind in ("missing", "extra_forbidden") else dotted(loc)
    prefix = f"{where}: " if where else ""
    if kind == "missing":
        return "CS101", f"{prefix}missing required key '{loc[-1]}'; add `{loc[-1]}:` here"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        known = fields_at(model, loc[:-1])
        hint = suggest(key, known) or (f"; remove it (keys here: {', '.join(known)})" if known else "")
        return "CS102", f"{prefix}unknown key '{key}'{hint}"
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", error.get("ctx", {}).get("expected", ""))
        hint = suggest(str(value), allowed) or f"; use one of: {', '.join(allowed)}"
        return "CS104", f"{prefix}{describe(value)} is not allowed{hint}"
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == ID_PATTERN:
        return "CS104", (f"{prefix}{describe(value)} is not a valid id: use lower-case letters, "
                         "digits, '-', '_' and '.', starting with a letter or digit")
    if kind in _TYPE_NAMES:
        return "CS103", f"{prefix}expected {_TYPE_NAMES[kind]}, got {describe(value)}"
    if kind in ("text_type", "empty_text", "text_languages", "text_language_key"):
        return "CS103" if kind == "text_type" else "CS104", f"{prefix}{error['msg']}"
    message = error["msg"].removeprefix("Value error, ")
    if kind not in ("value_error", "assertion_error"):
        message = f"{message}, got {describe(value)}"
    return "CS104", prefix + message


def schema_findings(parsed: ParsedFile, error: ValidationError, model: type[BaseModel],
                    base: tuple = ()) -> list[Finding]:
    """One finding per distinct problem, pointing at the offending key or value."""
    found: dict[tuple, Finding] = {}
    for item in error.errors(include_url=False):
        loc = base + tuple(item["loc"])
        item = {**item, "loc": loc}
        code, message = _message(item, model)
        node = find_node(parsed.node, loc, key=item["type"] == "extra_forbidden")
        result = finding(parsed, code, node_span(node), message)
        # A union reports once per member: keep the first of findings saying the same at one place.
        found.setdefault((code, result.span, item["type"]), result)
    return list(found.values())
