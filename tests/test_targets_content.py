"""Targets that make sense: one handle time (CS224), the KPIs of each role's work, Chinese norms."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from cs_team.documents.sheets import probation
from cs_team.lint.runner import run
from cs_team.loader import load_repository
from cs_team.playbook import Playbook
from cs_team.repo import bundled_root
from tests.conftest import position


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "playbooks"
    shutil.copytree(bundled_root(), root)
    return root


def _edit(root: Path, name: str, old: str, new: str) -> None:
    text = (root / name).read_text(encoding="utf-8")
    assert old in text
    (root / name).write_text(text.replace(old, new, 1), encoding="utf-8")


def _cs224(root: Path) -> list:
    return [f for f in run(load_repository(root, cwd=root), {"CS224"})]


def test_a_senior_role_slower_than_a_junior_one_of_its_family(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit(root, "roles/agent-3.yaml", "  fcr_percent: 80\n", "  fcr_percent: 80\n  aht_seconds: 480\n")
    # the forecast's 330 s is now below every voice role's target too
    finding, forecast = sorted(_cs224(root), key=lambda f: f.path, reverse=True)
    assert forecast.path == "hiring/inputs.yaml"
    text = (root / "roles/agent-3.yaml").read_text(encoding="utf-8")
    assert (finding.path, finding.line, finding.column) == ("roles/agent-3.yaml", *position(text, "480"))
    assert finding.message.startswith("role 'agent-3' (senior) is allowed an AHT of 480 s, longer than "
                                      "the 360 s of the more junior 'agent-2' in family 'frontline'")


def test_the_voice_forecast_outside_every_role_target(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit(root, "evaluation/rules.yaml", "      aht_seconds: 330\n", "      aht_seconds: 345\n")
    with (root / "forecasts/week.csv").open(encoding="utf-8") as rows:  # the mean, independently
        voice = [r for r in csv.DictReader(rows) if r["channel"] == "voice"]
    mean = sum(float(r["volume"]) * float(r["aht_seconds"]) for r in voice) / sum(
        float(r["volume"]) for r in voice)
    assert mean < 345
    (finding,) = _cs224(root)
    inputs = (root / "hiring/inputs.yaml").read_text(encoding="utf-8").splitlines()
    assert (finding.path, finding.line) == ("hiring/inputs.yaml", inputs.index("  - id: voice") + 1)
    assert f"at an average handle time of {mean:.0f} s, outside every AHT target" in finding.message
    assert "(call-centre-agent 390 s, agent-1 390 s, agent-2 360 s, agent-3 345 s)" in finding.message


def test_roles_without_contacts_measure_their_own_work() -> None:
    playbook = Playbook(load_repository(bundled_root(), bundled=True))
    sheets = {role: {k.name: k.target for k in probation(playbook, playbook.roles[role]).kpis}
              for role in ("complaints-specialist", "crm-specialist", "trainer-qa", "sales-service")}
    assert sheets["complaints-specialist"] == {"csat_percent": 90, "quality_percent": 94,
                                               "escalation_percent": 5, "closure_hours": 48,
                                               "reopen_percent": 5}
    assert sheets["crm-specialist"] == {"csat_percent": 92, "quality_percent": 92, "nps": 40}
    assert sheets["trainer-qa"] == {"csat_percent": 92, "quality_percent": 94, "calibration_variance": 3}
    assert sheets["sales-service"]["conversion_percent"] == 35


def test_bundled_targets_keep_chinese_norms() -> None:
    """CSAT 90-98 %, QA 90 or more, wherever the bundled department sets them."""
    playbook = Playbook(load_repository(bundled_root(), bundled=True))
    for role in playbook.roles.values():
        targets = playbook.probation_targets(role)
        assert 90 <= targets.get("csat_percent", 90) <= 98, role.id
        assert targets.get("quality_percent", 90) >= 90, role.id


def test_a_stage_assessing_what_the_scorecard_does_not_score(repo) -> None:
    repo.edit("role.yaml", "  - {competency: listening, weight: 60, minimum: 2}\n  - {competency: calm, weight: 40}\n",
              "  - {competency: listening, weight: 100, minimum: 2}\n")
    found = [(f.code, f.line, f.column, f.text("en")) for f in repo.lint({"CS226"})]
    text = repo.read("role.yaml")
    structured = position(text, "calm", before="competencies: [listening, ")
    role_play = position(text, "calm", before="competencies: [")
    assert found == [
        ("CS226", *structured, "stage 'structured' assesses 'calm', but the scorecard of role 'agent' "
         "(its hiring_criteria) has no row for it, so the evidence has nowhere to go: add it to "
         "hiring_criteria or remove it from the stage"),
        ("CS226", *role_play, "stage 'role-play' assesses 'calm', but the scorecard of role 'agent' "
         "(its hiring_criteria) has no row for it, so the evidence has nowhere to go: add it to "
         "hiring_criteria or remove it from the stage")]


def test_trace_lists_both_stage_gaps(repo) -> None:
    from cs_team.trace import trace

    repo.edit("role.yaml", "      - {type: behavioural, per_competency: 1}", "      - {type: behavioural, count: 1}")
    repo.edit("role.yaml", "  - {competency: listening, weight: 60, minimum: 2}\n  - {competency: calm, weight: 40}\n",
              "  - {competency: listening, weight: 100, minimum: 2}\n")
    playbook = Playbook(load_repository(repo.root, cwd=repo.root))
    gaps = [(g.kind, g.subject) for g in trace(playbook, playbook.roles["agent"]).gaps
            if g.kind.startswith("stage-")]
    # the one behavioural question picked is q-listen, so calm is listed but never asked
    assert gaps == [("stage-not-asked", "structured: calm"), ("stage-not-scored", "structured: calm"),
                    ("stage-not-scored", "role-play: calm")]
