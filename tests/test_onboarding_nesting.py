"""A nesting stage's load and lighter target, from the template, in every format of the plan."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from cs_team.repo import bundled_root
from tests.test_cli import invoke

TEMPLATE = yaml.safe_load((bundled_root() / "onboarding/frontline-3w.yaml").read_text(encoding="utf-8"))
NESTING = next(stage for stage in TEMPLATE["stages"] if "nesting" in stage)


def plan(tmp_path: Path, output: str, lang: str) -> str:
    code, out, err = invoke(tmp_path, "onboarding-plan", "agent-1", "--repo", str(bundled_root()), "--start",
                            "2027-03-01", "--name", "王芳", "--format", output, "--lang", lang)
    assert code == 0, err
    return out


def test_the_bundled_nesting_stage_is_what_the_plan_shows() -> None:
    assert NESTING["id"] == "nesting" and NESTING["days"] == 5
    assert NESTING["nesting"]["load_percent"] == 50 and NESTING["nesting"]["hires_per_mentor"] == 3


def test_markdown_shows_the_load_and_target_in_the_stage_and_on_each_of_its_days(tmp_path: Path) -> None:
    zh, en = plan(tmp_path, "md", "zh"), plan(tmp_path, "md", "en")
    target = NESTING["nesting"]["target"]
    row = next(line for line in zh.splitlines() if line.startswith("| 4 | 第四周：跟岗 |"))
    assert f"<br>*跟岗*：接待量为熟练员工的 50%，每位导师带 3 人<br>*跟岗期目标*：{target['zh']} |" in row
    assert (f"<br>*Nesting*: 50% of a tenured agent's contacts, 3 hires beside each mentor<br>"
            f"*Target while nesting*: {target['en']} |") in en
    # the five nesting days (2027-03-22 to 03-26) say their load; no classroom day does
    assert re.findall(r"^#### (\S+) .* · 跟岗接待量 50%$", zh, re.M) == [f"2027-03-{d}" for d in range(22, 27)]
    assert len(re.findall(r" · nesting at 50% load$", en, re.M)) == 5
    assert zh.count("跟岗期目标") == 1


def test_html_and_json_carry_it_too(tmp_path: Path) -> None:
    html = plan(tmp_path, "html", "zh")
    assert "跟岗期目标" in html and html.count("跟岗接待量 50%") == 5
    assert "跟岗：接待量为熟练员工的 50%，每位导师带 3 人" in re.sub(r"<[^>]+>", "", html)
    stages = json.loads(plan(tmp_path, "json", "zh"))["stages"]
    assert [s["nesting"] for s in stages[:3]] == [None, None, None]
    assert stages[3]["nesting"] == {"load_percent": 50, "hires_per_mentor": 3, "target": NESTING["nesting"]["target"]}
