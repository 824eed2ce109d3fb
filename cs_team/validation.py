"""Validate parsed data against its kind's model; turn pydantic errors into located findings."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from cs_team.findings import Finding
from cs_team.model.common import ID_PATTERN, describe
from cs_team.node_path import dotted, find_node, node_span
from cs_team.source import ParsedFile, finding
from cs_team.wording import Phrase, did_you_mean, enumerated, phrase

_TYPE_NAMES = {
    "int_type": "int", "float_type": "float", "string_type": "text", "bool_type": "bool",
    "list_type": "list", "dict_type": "mapping", "model_type": "mapping",
    "model_attributes_type": "mapping", "date_type": "date", "int_from_float": "int",
    "float_parsing": "float", "int_parsing": "int",
}
# pydantic's constraint errors, worded from their context (the limit) in the reader's language
_LIMITS = {"greater_than": "gt", "greater_than_equal": "ge", "less_than": "lt", "less_than_equal": "le",
           "too_short": "min_length", "too_long": "max_length", "string_too_short": "min_length"}


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


def describe_value(value: Any) -> Phrase:
    """A value as a message names it: `text 'abc'`, `a list`, `true`, `42`."""
    if isinstance(value, bool):
        return phrase("value.literal", value=str(value).lower())
    if isinstance(value, dict):
        return phrase("value.mapping")
    if isinstance(value, list):
        return phrase("value.list")
    if value is None:
        return phrase("value.null")
    if isinstance(value, str):
        return phrase("value.text", text=value) if len(value) <= 40 else phrase("value.long_text")
    return phrase("value.literal", value=describe(value))


def _problem(error: dict, model: type[BaseModel]) -> tuple[str, Phrase | str]:
    kind, loc, value = error["type"], error["loc"], error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "CS101", phrase("schema.missing", key=str(loc[-1]))
    if kind == "extra_forbidden":
        key = str(loc[-1])
        known = fields_at(model, loc[:-1])
        hint = did_you_mean(key, known) or (phrase("hint.keys_here", keys=enumerated(known)) if known else "")
        return "CS102", phrase("schema.unknown_key", key=key, hint=hint)
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        hint = did_you_mean(str(value), allowed) or phrase("hint.use_one_of", choices=enumerated(allowed))
        return "CS104", phrase("schema.not_allowed", value=describe_value(value), hint=hint)
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        return "CS104", phrase("schema.bad_id", value=describe_value(value))
    if kind in _TYPE_NAMES:
        return "CS103", phrase("schema.expected", expected=phrase(f"type.{_TYPE_NAMES[kind]}"),
                               value=describe_value(value))
    if kind == "text_type" and "lang" in ctx:
        return "CS103", phrase("schema.text_type", lang=str(ctx["lang"]),
                               value=describe_value(ctx.get("value")))
    if kind == "text_type":
        return "CS103", phrase("schema.text_shape", value=describe_value(value))
    if kind == "empty_text":
        return "CS104", phrase("schema.empty_text")
    if kind == "text_languages":
        return "CS104", phrase("schema.text_languages", example=str(ctx.get("example", "{zh: ..., en: ...}")))
    if kind == "text_language_key" and "lang" in ctx:
        return "CS104", phrase("schema.text_language_key", key=str(ctx["lang"]))
    if kind == "finite_number":  # .inf or .nan: no playbook figure is either
        return "CS104", phrase("schema.finite_number", value=describe_value(value))
    if kind in _LIMITS and _LIMITS[kind] in ctx:
        return "CS104", phrase(f"schema.{kind}", limit=ctx[_LIMITS[kind]],
                               value=describe_value(value))
    raised = ctx.get("error")
    if isinstance(raised, ValueError) and raised.args and isinstance(raised.args[0], Phrase):
        return "CS104", raised.args[0]  # a model's own check, worded in the catalogue
    message = error["msg"].removeprefix("Value error, ")
    if kind not in ("value_error", "assertion_error", "text_language_key"):
        message = f"{message}, got {describe(value)}"
    return "CS104", message


def _message(error: dict, model: type[BaseModel]) -> tuple[str, Phrase | str]:
    kind, loc = error["type"], error["loc"]
    where = dotted([s for s in loc[:-1]]) if kind in ("missing", "extra_forbidden") else dotted(loc)
    code, message = _problem(error, model)
    if not where:
        return code, message
    if isinstance(message, Phrase):
        return code, phrase("schema.at", where=where, message=message)
    return code, f"{where}: {message}"


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
