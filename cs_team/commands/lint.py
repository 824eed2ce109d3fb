"""`cs-team lint` and `cs-team rules`: checking playbooks and explaining the rules."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cs_team.commands.base import DocLang, MessageLang, app, colour_wanted, note, say
from cs_team.commands.formats import format_option, formats
from cs_team.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from cs_team.wording import did_you_mean, phrase

LintFormat = formats("LintFormat", "auto", "text", "parsable", "github", "json", "sarif")


class Jobs(str, Enum):
    """What ``parse_ahead.start`` takes as ``jobs``."""

    auto = "auto"
    one = "1"
    two = "2"


def _codes(values: list[str] | None, option: str) -> set[str]:
    if not values:
        return set()
    from cs_team.rulebook import resolve_codes  # reads the rule catalogue: only when asked

    codes, unknown = resolve_codes(v for value in values or [] for v in value.split(","))
    if unknown:
        raise UsageError(phrase("command.unknown_rules", option=option, codes=", ".join(unknown)))
    return codes


@app.command()
def lint(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Files or folders to check (default: the repository around the current folder).",
        show_default=False)] = None,
    output_format: format_option(LintFormat, "auto (github inside GitHub Actions, else text), text, "
                                             "parsable, github, json or sarif.") = LintFormat.auto,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Only these rules (codes, names or prefixes such as CS2; repeatable).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Skip these rules (codes, names or prefixes; repeatable).")] = None,
    cache: Annotated[bool | None, typer.Option(
        "--cache/--no-cache", help="Reuse the findings of an unchanged repository "
        "(kept in .cs-team-cache/ at its root); default: on, except where CI is set.",
        show_default=False)] = None,
    lang: Annotated[MessageLang | None, typer.Option(
        "--lang", help="Language of the messages: zh or en (default: CS_TEAM_LANG, else the "
        "repository's default language).", show_default=False)] = None,
    jobs: Annotated[Jobs, typer.Option(
        "--jobs", "-j", help="Processes for a large repository: 2 (a second one parses files and "
        "compares the questions meanwhile), 1, or auto (2 when a CPU is free at the start). The "
        "findings are the same.")] = Jobs.auto,
) -> None:
    """Check playbooks: YAML, schema and cross-file rules.

    Exit 0 when clean, 1 when there are errors (or warnings with --strict), 2 on a usage error.
    Files outside any playbook repository are skipped (pre-commit passes every changed file).

    [bold]Examples[/bold]

      cs-team lint

      cs-team lint roles/agent-1.yaml questions/ --format json

      cs-team lint --strict --ignore CS209

      cs-team lint --format sarif > cs-team.sarif
    """
    from cs_team import reporters
    from cs_team.findings import Severity
    from cs_team.reader import current_language, environment_language
    from cs_team.workspace import lint_paths

    selected = _codes(select, "--select") if select else None
    result = lint_paths(list(paths or []), selected, _codes(ignore, "--ignore"), use_cache=cache,
                        jobs=jobs.value)
    chosen = reporters.resolve_format(output_format.value)
    # the reader's order (cs_team.reader), with the linted repository's language in the place of
    # the current folder's: --lang, CS_TEAM_LANG, default_language, the locale
    language = (lang.value if lang is not None else
                environment_language() or result.language or current_language())
    if chosen == "text":
        for said in result.notes:
            note(said)
        sys.stdout.write(reporters.text(result.findings, colour=colour_wanted(), lang=language))
        say(reporters.summary(result.findings, result.files_checked, language))
    else:
        sys.stdout.write(reporters.MACHINE_FORMATS[chosen](result.findings, language))
    failing = {Severity.ERROR} | ({Severity.WARNING} if strict else set())
    raise typer.Exit(EXIT_FINDINGS if any(f.severity in failing for f in result.findings) else EXIT_OK)


@app.command()
def rules(
    code: Annotated[str | None, typer.Argument(help="A rule code or name to explain in full.")] = None,
    lang: Annotated[DocLang, typer.Option(help="Language of the explanation.")] = DocLang.zh_en,
) -> None:
    """List the lint rules, or explain one with a bad and a good example.

    [bold]Examples[/bold]

      cs-team rules

      cs-team rules CS204

      cs-team rules marital-status --lang en
    """
    from cs_team.rulebook import RULES, level_word, resolve_codes

    languages = ["zh", "en"] if lang is DocLang.zh_en else [lang.value]
    if code is None:
        for rule in RULES.values():
            summary = " / ".join(rule.summaries[x] for x in languages if x in rule.summaries)
            level = level_word(rule.severity.value, languages[0] if len(languages) == 1 else "en")
            typer.echo(f"{rule.code}  {rule.name:<26} {level:<8} {summary}")
        return
    codes, _ = resolve_codes([code])
    if len(codes) != 1:
        names = [*RULES, *(r.name for r in RULES.values())]
        raise UsageError(phrase("command.unknown_rule", code=code, hint=did_you_mean(code, names)))
    typer.echo(RULES[codes.pop()].describe(languages), nl=False)
