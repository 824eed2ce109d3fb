"""Interview kits and scorecards: golden files, escaping, templates that users override."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from cs_team.documents import kit as kits
from cs_team.documents.common import stamp
from cs_team.documents.output import render
from cs_team.errors import InputError
from cs_team.loader import load_repository
from cs_team.playbook import Playbook
from tests.conftest import RepoCopy, assert_golden
from tests.test_cli import invoke


def playbook_of(repo: RepoCopy) -> Playbook:
    return Playbook(load_repository(repo.root, cwd=repo.root))


def kit_text(repo: RepoCopy, output: str, lang: str, **header: object) -> str:
    playbook = playbook_of(repo)
    view = kits.kit(playbook, "agent", header=kits.Header(**header))
    return render(playbook, "interview-kit", output, lang, kit=view, header=view.header, stamp=view.stamp,
                  opening_key=kits.opening_key)


@pytest.mark.parametrize("output", ["md", "html"])
@pytest.mark.parametrize("lang", ["zh", "en", "zh-en"])
def test_interview_kit_golden(repo: RepoCopy, output: str, lang: str) -> None:
    import datetime as dt

    text = kit_text(repo, output, lang, candidate="王芳", interviewer="Li Lei", date=dt.date(2026, 12, 1))
    assert_golden(f"documents/interview-kit.{lang}.{output}", text)


@pytest.mark.parametrize("output", ["md", "html"])
@pytest.mark.parametrize("lang", ["zh", "en", "zh-en"])
def test_scorecard_golden(repo: RepoCopy, output: str, lang: str) -> None:
    playbook = playbook_of(repo)
    role = playbook.roles["agent"]
    text = render(playbook, "scorecard", output, lang, role=role, scorecard=kits.scorecard(playbook, role),
                  header=kits.Header(), stamp=stamp(playbook))
    assert_golden(f"documents/scorecard.{lang}.{output}", text)


HOSTILE = "<script>alert(1)</script> {{ 7*7 }} [click](https://evil.example) # not a heading | x"


def _hostile(repo: RepoCopy) -> None:
    repo.edit("questions/bank.yaml",
              "{zh: 讲一次你弄清别人真正需要什么的经历, en: Tell me about a time you found out what someone really needed}",
              '{zh: "' + HOSTILE + '", en: "' + HOSTILE + '"}')


def test_html_shows_playbook_text_as_text(repo: RepoCopy) -> None:
    _hostile(repo)
    html = kit_text(repo, "html", "zh-en")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in html
    assert 'href="https://evil' not in html


def test_markdown_shows_playbook_text_as_text(repo: RepoCopy) -> None:
    _hostile(repo)
    markdown = kit_text(repo, "md", "en")
    assert "{{ 7*7 }}" not in markdown and "49" not in markdown  # escaped, and never evaluated
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<script" not in rendered and "<a " not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} [click](https://evil.example) # not a heading | x" in rendered
    assert rendered.count("<h1>") == 1  # only the document's own title


def test_the_same_playbooks_give_the_same_bytes(repo: RepoCopy) -> None:
    assert kit_text(repo, "html", "zh-en") == kit_text(repo, "html", "zh-en")


def test_the_footer_stamp_changes_only_with_the_files(repo: RepoCopy) -> None:
    first = stamp(playbook_of(repo)).fingerprint
    assert stamp(playbook_of(repo)).fingerprint == first
    repo.edit("role.yaml", "minutes: 30", "minutes: 35")
    assert stamp(playbook_of(repo)).fingerprint != first
    assert re.fullmatch(r"[0-9a-f]{12}", first)


def test_a_repository_template_overrides_the_built_in_one(repo: RepoCopy) -> None:
    repo.edit("cs-team.yaml", "default_language: zh\n", "default_language: zh\ntemplates: templates\n")
    repo.write("templates/interview-kit.md.j2", "{{ label('interview_kit') }}: {{ text(kit.role.title) }}\n")
    assert kit_text(repo, "md", "en") == "Structured interview kit: Service agent\n"
    assert repo.lint() == []  # the templates folder is not read as playbooks


def test_a_misspelt_variable_names_the_template_and_line(repo: RepoCopy) -> None:
    repo.edit("cs-team.yaml", "default_language: zh\n", "default_language: zh\ntemplates: templates\n")
    repo.write("templates/interview-kit.md.j2", "# Kit\n\n{{ kit.rol.title }}\n")
    with pytest.raises(InputError) as caught:
        kit_text(repo, "md", "en")
    assert re.search(r"interview-kit\.md\.j2:3: 'cs_team.documents.kit.Kit object' has no attribute 'rol'",
                     str(caught.value))


def test_user_templates_run_in_the_sandbox(repo: RepoCopy) -> None:
    repo.edit("cs-team.yaml", "default_language: zh\n", "default_language: zh\ntemplates: templates\n")
    repo.write("templates/interview-kit.md.j2", "{{ kit.__class__.__init__.__globals__ }}\n")
    with pytest.raises(InputError, match=r"unsafe|access to attribute"):
        kit_text(repo, "md", "en")


def test_a_kit_the_bank_cannot_fill(repo: RepoCopy) -> None:
    repo.edit("role.yaml", "{type: role-play, count: 1}", "{type: role-play, count: 2}")
    with pytest.raises(InputError) as caught:
        kits.kit(playbook_of(repo), "agent")
    assert "stage 'role-play' needs 1 more role-play question" in str(caught.value)


def test_cli_writes_the_kit_atomically(repo: RepoCopy) -> None:
    code, out, _ = invoke(repo, "interview-kit", "agent", "--format", "html", "--out", "site/kit.html",
                            "--lang", "en")
    assert (code, out) == (0, "")
    written = (repo.root / "site" / "kit.html").read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>") and "Structured interview kit" in written
    assert [p.name for p in (repo.root / "site").iterdir()] == ["kit.html"]


def test_cli_errors(repo: RepoCopy) -> None:
    code, _, err = invoke(repo, "interview-kit", "agnet")
    assert (code, err.strip()) == (2, "cs-team: error: no role 'agnet'; did you mean 'agent'?")
    code, _, err = invoke(repo, "interview-kit", "agent", "--date", "tomorrow")
    assert (code, err.strip()) == (2, "cs-team: error: --date 'tomorrow' is not a date: write YYYY-MM-DD")


@pytest.mark.parametrize("output", ["md", "html"])
@pytest.mark.parametrize("lang", ["zh", "en", "zh-en"])
@pytest.mark.parametrize("kind", ["training", "probation", "promotion"])
def test_evaluation_sheet_golden(repo: RepoCopy, kind: str, lang: str, output: str) -> None:
    from cs_team.documents import sheets

    playbook = playbook_of(repo)
    role = playbook.roles["agent"]
    view = {"training": lambda: {"modules": sheets.training(playbook, role)},
            "probation": lambda: {"sheet": sheets.probation(playbook, role)},
            "promotion": lambda: {"sheets": sheets.promotions(playbook, role)}}[kind]()
    text = render(playbook, kind, output, lang, role=role, header=kits.Header(), stamp=stamp(playbook), **view)
    assert_golden(f"documents/{kind}.{lang}.{output}", text)


def test_probation_expectations_by_hand(repo: RepoCopy) -> None:
    from cs_team.documents.sheets import expected, probation

    assert expected(85, 60, True) == 51  # 60 % of the way to a CSAT of 85
    assert expected(420, 60, False) == 700  # handle time: 420 s reached at 60 % allows 700 s
    repo.edit("evaluation.yaml", "  decisions:", "  reviews:\n    - {month: 1, focus: {zh: 上手, en: Settling in}, "
              "expected_percent_of_target: 80}\n  decisions:")
    sheet = probation(playbook_of(repo), playbook_of(repo).roles["agent"])
    # the role's own targets (csat 85, aht 400) win over the level's (csat 85, fcr 70)
    assert [(k.name, k.target, k.expected) for k in sheet.kpis] == [
        ("csat_percent", 85, [68.0]), ("fcr_percent", 70, [56.0]), ("aht_seconds", 400, [500.0])]


def test_markdown_keeps_decimals_readable() -> None:
    from cs_team.render.markdown import escape

    assert escape("0.5% of 72.25 s") == "0.5% of 72.25 s"
    assert escape("see https://x.example now") == "see https\\://x\\.example now"
