"""`cs-team list`, `schema` and `init`: what a repository holds, its schema, a new one."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cs_team.commands.base import RepoOption, app, note, open_playbook
from cs_team.commands.formats import format_option, formats
from cs_team.errors import UsageError
from cs_team.wording import did_you_mean, enumerated, phrase

ListFormat = formats("ListFormat", "table", "json")


@app.command("list")
def list_items(
    kind: Annotated[str, typer.Argument(
        help="roles, competencies, questions, modules, curricula, onboarding-templates, rating-scales, "
             "families, grades, evaluation-rules, hiring-inputs, work-calendars, qa-forms or surveys.")],
    output_format: format_option(ListFormat) = ListFormat.table,
    lang: Annotated[str | None, typer.Option(
        help="Language of titles (default: the repository's default language).")] = None,
    repo: RepoOption = None,
) -> None:
    """List what the playbooks define.

    [bold]Examples[/bold]

      cs-team list roles

      cs-team list questions --format json --lang en
    """
    import json

    from cs_team.listing import ALIASES, LISTERS, rows, table
    if ALIASES.get(kind, kind) not in LISTERS:
        hint = did_you_mean(kind, LISTERS) or phrase("command.one_of_colon", choices=enumerated(LISTERS))
        raise UsageError(phrase("command.unknown_kind", kind=kind, hint=hint))
    playbook = open_playbook(repo)
    language = lang or playbook.default_language
    found = rows(playbook, kind, language)
    if output_format is ListFormat.json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    headers, cells = table(playbook, found, language)
    shown = Table(box=None, header_style="bold", pad_edge=False)
    for header in headers:
        shown.add_column(header, no_wrap=header not in ("title", "名称"), overflow="fold")
    for row in cells:
        shown.add_row(*row)
    # Off a terminal rich assumes 80 columns and would fold every path: give it room.
    Console(width=None if sys.stdout.isatty() else 200).print(shown)


@app.command()
def schema(
    kind: Annotated[str | None, typer.Argument(
        help="Print the schema of this kind (or 'cs-team' for cs-team.yaml) to stdout.")] = None,
    out: Annotated[Path | None, typer.Option(
        help="Write every schema into this folder, one <kind>.schema.json each.")] = None,
) -> None:
    """JSON Schema of the playbook format, for editors (yaml-language-server) and SchemaStore.

    Generated from the same models the linter validates with. Point a YAML file at one with a
    first line such as  # yaml-language-server: $schema=schemas/role.schema.json

    [bold]Examples[/bold]

      cs-team schema --out schemas

      cs-team schema role
    """
    from cs_team import atomic
    from cs_team.schema import CONFIG_SCHEMA, file_name, render, schemas

    found = schemas()
    if out is None and kind is None:
        raise UsageError(phrase("command.schema_what"))
    if kind is not None:
        name = CONFIG_SCHEMA if kind in ("cs-team", "cs-team.yaml", "config") else file_name(kind)
        if name not in found:
            kinds = [n.removesuffix(".schema.json") for n in found]
            hint = did_you_mean(kind, kinds) or phrase("command.one_of", choices=enumerated(kinds))
            raise UsageError(phrase("command.unknown_kind", kind=kind, hint=hint))
        sys.stdout.write(render(found[name]))
        return
    for name, content in found.items():
        atomic.write_text(out / name, render(content))
    note(phrase("done.wrote_schemas", count=len(found), folder=str(out)))


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Where to create the repository (new or empty).")],
    install: Annotated[str | None, typer.Option(
        "--install", metavar="SPEC", help="What the GitHub workflow pip-installs cs-team from, such as "
        "'cs-team @ git+https://github.com/OWNER/cs-team@v0.1.0' (default: the repository variable "
        "CS_TEAM_INSTALL).")] = None,
) -> None:
    """Start a playbook repository from the bundled department, with editor and CI set-up.

    Copies the example playbooks and their JSON Schemas, and adds .editorconfig, VS Code
    settings, a pre-commit configuration and a GitHub Actions workflow. Refuses to overwrite
    any existing file.

    [bold]Examples[/bold]

      cs-team init my-service-playbooks

      cs-team init my-service-playbooks --install "cs-team @ git+https://github.com/OWNER/cs-team@v0.1.0"
    """
    from cs_team.init import init as create

    written = create(folder, install)
    note(phrase("done.created", count=len(written), folder=str(folder)))
    if install is None:
        note(phrase("done.workflow_install"))
