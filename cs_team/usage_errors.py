"""Typer's own usage errors (an unknown option, a missing argument, a value it cannot convert),
worded in the reader's language.

Typer words them in English, with no catalogue to translate from. In English they are left
exactly as Typer words them; in Chinese each is rebuilt from what the error carries (the
option, the parameter, the value), and the reasons Typer and pydantic give for a bad value are
recognised by their English shape. A reason not recognised is kept as written rather than lost.
"""

from __future__ import annotations

import re
from typing import Any

from cs_team.wording import Phrase, phrase

_REASONS: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"^'(?P<value>.*)' is not one of (?P<choices>.*)\.$", re.S),
     lambda m: phrase("cli.not_one_of", value=m["value"], choices=_listed(m["choices"]))),
    (re.compile(r"^(?P<kind>path|file|directory) '(?P<path>.*)' does not exist\.$", re.S | re.I),
     lambda m: phrase("cli.path_missing", kind=phrase(f"cli.path_kind.{m['kind'].lower()}"), path=m["path"])),
    (re.compile(r"^Input should be a valid integer", re.S), lambda m: phrase("cli.not_a_number")),
    (re.compile(r"^Input should be a valid number", re.S), lambda m: phrase("cli.not_a_decimal")),
]
_CHOICES = re.compile(r"Choose from:\s*(.*)$", re.S)
_MESSAGES: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"^Got unexpected extra arguments? \((?P<arguments>.*)\)$", re.S),
     lambda m: phrase("cli.extra_arguments", arguments=m["arguments"])),
    (re.compile(r"^Missing command\.$"), lambda m: phrase("cli.missing_command")),
    (re.compile(r"^No such command '(?P<command>.*)'\.$", re.S),
     lambda m: phrase("cli.no_such_command", command=m["command"])),
    (re.compile(r"^No such command '(?P<command>.*)'\. Did you mean (?P<choices>.*)\?$", re.S),
     lambda m: phrase("cli.suggested", said=phrase("cli.no_such_command", command=m["command"]),
                      hint=phrase("cli.did_you_mean", choices=_listed(m["choices"])))),
    (re.compile(r"^Option '(?P<option>.*)' requires (an argument|\d+ arguments)\.$", re.S),
     lambda m: phrase("cli.needs_value", option=m["option"])),
    (re.compile(r"^Option '(?P<option>.*)' does not take a value\.$", re.S),
     lambda m: phrase("cli.takes_no_value", option=m["option"])),
]


def worded(error: Any, lang: str) -> str:
    """The message of Typer's usage ``error`` in ``lang``, without the "see --help" tail."""
    if lang == "en":
        # Typer lists choices one per line; pydantic puts "Value error, " before a validator's words
        return error.format_message().replace("\n\t", " ").replace(": Value error, ", ": ")
    built = _built(error)
    return built.word(lang) if built is not None else error.format_message()


def _built(error: Any) -> Phrase | None:
    kind = type(error).__name__
    if kind == "NoSuchOption":
        said = phrase("cli.no_such_option", option=error.option_name)
        if error.possibilities:
            return phrase("cli.suggested", said=said,
                          hint=phrase("cli.did_you_mean", choices="、".join(sorted(error.possibilities))))
        return said
    if kind == "MissingParameter":
        hint = _hint(error)
        param_type = error.param_type or (error.param.param_type_name if error.param is not None else "")
        if hint is None:
            return phrase("cli.missing_parameter", name=error.param.name if error.param else "")
        missing = phrase({"option": "cli.missing_option", "argument": "cli.missing_argument"}
                         .get(param_type, "cli.missing_parameter"), name=hint)
        choices = _CHOICES.search(error.format_message())
        if choices:
            return phrase("cli.suggested", said=missing, hint=phrase(
                "cli.choose_from", choices=_listed(choices[1])))
        return missing
    if kind == "BadParameter":
        message = error.message.removeprefix("Value error, ")  # pydantic's prefix for a validator's words
        reason = _match(_REASONS, message) or message
        hint = _hint(error)
        argument = error.param is not None and error.param.param_type_name == "argument"
        if isinstance(reason, Phrase) and argument:
            return reason  # 路径“x”不存在 names the value itself; "paths 的值无效" adds an English name
        if hint is None:
            return phrase("cli.invalid", reason=reason)
        return phrase("cli.invalid_value", name=hint, reason=reason)
    return _match(_MESSAGES, error.format_message())


def _hint(error: Any) -> str | None:
    hint = error.param_hint if error.param_hint is not None else (
        error.param.get_error_hint() if error.param is not None else None)
    if hint is None:
        return None
    return _bare(" / ".join(hint) if isinstance(hint, (list, tuple)) else str(hint))


def _bare(text: str) -> str:
    """Typer's names without its ASCII quotes: a Chinese sentence names an option bare
    (``--channel 的值无效``), as the catalogue's own sentences do."""
    return re.sub(r"'([^']*)'", r"\1", text)


def _listed(choices: str) -> str:
    """Typer's ``'a', 'b'`` as a Chinese list: ``a、b``."""
    return "、".join(_bare(choice.strip()) for choice in choices.split(","))


def _match(table: list[tuple[re.Pattern[str], Any]], message: str) -> Phrase | None:
    for pattern, make in table:
        found = pattern.match(message)
        if found:
            return make(found)
    return None
