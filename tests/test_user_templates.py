"""A repository's own templates: read only from inside it, and a render that ends, and ends small."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from cs_team.render import limits
from tests.conftest import RepoCopy
from tests.test_cli import invoke


def _with_templates(repo: RepoCopy, folder: str = "templates") -> None:
    repo.edit("cs-team.yaml", "default_language: zh\n", f"default_language: zh\ntemplates: {folder}\n")


def _scorecard(repo: RepoCopy) -> tuple[int, str, str]:
    return invoke(repo, "eval-sheet", "scorecard", "--role", "agent")


@pytest.mark.parametrize("folder", ["../outside", "ABSOLUTE"])
def test_a_templates_folder_outside_the_repository_is_refused(repo: RepoCopy, tmp_path: Path, folder: str) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "scorecard.md.j2").write_text("RUNNER-FILE\n", encoding="utf-8")
    _with_templates(repo, str(outside) if folder == "ABSOLUTE" else folder)
    code, out, err = _scorecard(repo)
    shown = str(outside) if folder == "ABSOLUTE" else folder
    assert (code, out) == (2, "")
    assert err == (f"cs-team: error: cs-team.yaml:5:12: templates: '{shown}' leads outside the repository "
                   f"(to {outside}); keep your templates in a folder inside it\n")


def test_a_linked_templates_folder_or_template_leading_out_is_refused(repo: RepoCopy, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("RUNNER-SECRET\n", encoding="utf-8")
    _with_templates(repo)
    (repo.root / "templates").mkdir()
    (repo.root / "templates" / "scorecard.md.j2").symlink_to(secret)
    code, out, err = _scorecard(repo)
    assert (code, out) == (1, "") and "RUNNER-SECRET" not in err
    assert err == (f"cs-team: error: template scorecard.md.j2: scorecard.md.j2 in the templates folder leads "
                   f"outside it (a link to {secret}): templates must be files inside the repository\n")
    (repo.root / "templates" / "scorecard.md.j2").unlink()
    (repo.root / "templates").rmdir()
    (repo.root / "templates").symlink_to(tmp_path)
    code, _, err = _scorecard(repo)
    assert code == 2 and "leads outside the repository" in err
    inside = repo.root / "mine"
    inside.mkdir()
    (inside / "scorecard.md.j2").write_text("OWN {{ role.id }}\n", encoding="utf-8")
    (repo.root / "templates").unlink()
    (repo.root / "templates").symlink_to(inside)  # a link that stays inside is fine
    assert _scorecard(repo)[:2] == (0, "OWN agent\n")


@pytest.mark.parametrize(("template", "message"), [
    ("ok\n{% set r = range(100000) %}{% for a in r %}{% for b in r %}{% endfor %}{% endfor %}\n",
     "templates/scorecard.md.j2:2: the render took longer than 0.5 s"),
    ("ok\n\n{{ 'x' * 10**10 }}\n", "templates/scorecard.md.j2:3: a value multiplied past 20,000 characters"),
    ("{% for i in range(100) %}\n{{ 'y' * 1000 }}\n{% endfor %}\n",
     "templates/scorecard.md.j2:2: the output passed 20,000 characters"),
    # one call can grow a string as surely as a multiplication: each is refused before it runs
    ("ok\n{{ 'x'.center(10**9) }}\n", "templates/scorecard.md.j2:2: str.center asked for more than 20,000 characters"),
    ("{{ 'x'['ljust'](10**9) }}\n", "templates/scorecard.md.j2:1: str.ljust asked for more than 20,000 characters"),
    ("{{ 'x'|center(10**9) }}\n", "templates/scorecard.md.j2:1: the center filter asked for more than 20,000 characters"),
    ("{{ '%.999999999f' % 1 }}\n", "templates/scorecard.md.j2:1: a % format asked for more than 20,000 characters"),
    ("{{ '%*s' % (10**9, 'a') }}\n", "templates/scorecard.md.j2:1: a % format asked for more than 20,000 characters"),
    ("{{ '%0999999d'|format(1) }}\n", "templates/scorecard.md.j2:1: the format filter asked for more than 20,000 characters"),
    ("{{ '{:>999999}'.format(1) }}\n", "templates/scorecard.md.j2:1: a format asked for more than 20,000 characters"),
    ("{% set s = range(10000)|join('y' * 100) %}\n", "templates/scorecard.md.j2:1: the join filter asked for more "
                                                      "than 20,000 characters"),
    ("{% set s = ('a' * 100)|replace('a', 'b' * 1000) %}\n", "templates/scorecard.md.j2:1: the replace filter asked "
                                                              "for more than 20,000 characters"),
    ("{{ 'ab'|indent(10**6) }}\n", "templates/scorecard.md.j2:1: the indent filter asked for more than 20,000 "
                                    "characters"),
    ("{{ ('a' * 1000)|wordwrap(1, wrapstring='z' * 100) }}\n", "templates/scorecard.md.j2:1: the wordwrap filter "
                                                                "asked for more than 20,000 characters"),
])
def test_a_render_is_bounded_in_time_and_size(repo: RepoCopy, monkeypatch: pytest.MonkeyPatch, template: str,
                                              message: str) -> None:
    monkeypatch.setattr(limits, "SECONDS", 0.5)
    monkeypatch.setattr(limits, "LARGEST_OUTPUT", 20_000)
    _with_templates(repo)
    repo.write("templates/scorecard.md.j2", template)
    code, out, err = _scorecard(repo)
    assert (code, out) == (1, "")
    assert err.endswith(f"{message}; a template must end, and end small\n") and err.count("\n") == 1
    assert err.startswith("cs-team: error: template ")


def test_small_padding_joining_and_formatting_still_work(repo: RepoCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "LARGEST_OUTPUT", 20_000)
    _with_templates(repo)
    repo.write("templates/scorecard.md.j2", "{{ 'x'.center(5, '0') }}|{{ 'a'|indent(2) }}|{{ [1, 2]|join(', ') }}|"
               "{{ '%05.1f' % 3.14159 }}|{{ '{:0>4}'.format(7) }}|{{ 'ab'|replace('a', 'c') }}|"
               "{{ '%s-%s'|format(1, 2) }}|{{ 'a b c'|wordwrap(2) }}|{{ 'a\tb'.expandtabs(2) }}\n")
    assert _scorecard(repo)[:2] == (0, "00x00|a|1, 2|003.1|0007|cb|1-2|a\nb\nc|a b\n")


def test_filler_text_is_not_on_offer(repo: RepoCopy) -> None:
    _with_templates(repo)
    repo.write("templates/scorecard.md.j2", "{{ lipsum(10**6) }}\n")
    code, out, err = _scorecard(repo)
    assert (code, out) == (1, "") and "'lipsum' is undefined" in err


def test_a_loop_is_stopped_off_the_main_thread_too(repo: RepoCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "SECONDS", 0.5)
    _with_templates(repo)
    repo.write("templates/scorecard.md.j2", "{% for a in range(100000) %}{% for b in range(100000) %}"
                                            "{% endfor %}{% endfor %}\n")
    from cs_team.documents.output import render
    from tests.test_build import playbook_of

    playbook = playbook_of(repo)
    caught: list[BaseException] = []

    def work() -> None:
        try:
            render(playbook, "scorecard", "md", None)
        except BaseException as error:  # collected for the assertion
            caught.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive() and "took longer than 0.5 s" in str(caught[0])


def test_a_template_calling_itself_is_one_line(repo: RepoCopy) -> None:
    _with_templates(repo)
    repo.write("templates/scorecard.md.j2", "{% macro f() %}{{ f() }}{% endmacro %}\n{{ f() }}\n")
    code, _, err = _scorecard(repo)
    assert code == 1 and err.count("\n") == 1 and "calls itself without end (recursion too deep)" in err


def test_lint_finds_a_templates_folder_outside_the_repository(repo: RepoCopy) -> None:
    _with_templates(repo, "../elsewhere")
    found = [(f.path, f.line, f.column, f.code, f.message) for f in repo.lint()]
    assert found == [("cs-team.yaml", 5, 12, "CS104", "templates: '../elsewhere' leads outside the repository; keep "
                      "your templates in a folder inside it (a CI rendering a pull request would publish the "
                      "runner's files)")]
    repo.edit("cs-team.yaml", "templates: ../elsewhere", "templates: sub/../own")
    assert repo.lint() == []
