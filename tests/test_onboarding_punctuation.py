"""A zh onboarding plan, cohort view and calendar punctuate Chinese full-width; en and zh-en
(whose texts end in English) keep ASCII marks."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from cs_team.repo import bundled_root
from tests.test_cli import invoke

CJK = "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
ASCII_NEXT_TO_CHINESE = re.compile(rf"{CJK}[ ]?[(),:;]|[(),:;][ ]?{CJK}")
HIRES = "name,start,mentor,role,pace\n王芳,2027-03-01,李静,agent-1,standard\n陈晨,2027-03-01,李静,agent-1,fast\n" \
        "周杰,2027-03-03,赵磊,agent-1,standard\n"


def prose(text: str) -> str:
    """The document's words: no markup, stylesheet, Gantt chart source (mermaid code) or a
    calendar's property names (``SUMMARY:``)."""
    if text.startswith("BEGIN:VCALENDAR"):
        lines = text.replace("\r\n ", "").splitlines()
        return "\n".join(line.partition(":")[2] for line in lines)
    text = re.sub(r"<style>.*?</style>|```mermaid.*?```", "", text, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


@pytest.fixture(scope="module")
def zh_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("zh")
    (folder / "hires.csv").write_text(HIRES, encoding="utf-8")
    repo = str(bundled_root())
    outputs = {}
    for output in ("md", "html", "ics"):
        code, _, err = invoke(folder, "onboarding-plan", "agent-1", "--repo", repo, "--cohort", "hires.csv",
                              "--lang", "zh", "--format", output, "--out", output)
        assert code == 0, err
        outputs.update({f"{p.name}": p.read_text(encoding="utf-8") for p in (folder / output).iterdir()})
    # a fast plan whose start is a day off: the notice and the planned-days note are shown
    code, out, err = invoke(folder, "onboarding-plan", "agent-1", "--repo", repo, "--start", "2026-10-03",
                            "--pace", "fast", "--lang", "zh")
    assert code == 0, err
    outputs["single.md"] = out
    return outputs


def test_zh_plans_and_the_cohort_view_have_no_ascii_marks_beside_chinese(zh_outputs: dict[str, str]) -> None:
    assert len(zh_outputs) == 4 * 3 + 1
    found = {name: sorted({m.group(0) for m in ASCII_NEXT_TO_CHINESE.finditer(prose(text))})
             for name, text in zh_outputs.items()}
    # playbook text is the repository's own writing and is printed as written
    assert {name: marks for name, marks in found.items() if marks} == {}


def test_zh_marks_are_full_width_where_they_were_ascii(zh_outputs: dict[str, str]) -> None:
    plan, cohort, calendar = (zh_outputs["2027-03-01-王芳.md"], zh_outputs["cohort.md"],
                              zh_outputs["cohort.ics"])
    assert re.search(r"产品知识基础（第 1/\d 部分）", plan)
    assert "| 王芳、陈晨" in cohort or "王芳、周杰" in cohort
    assert re.search(r"实践安排\s*：", prose(zh_outputs["2027-03-01-王芳.html"]))
    assert "理论、模拟 · 合格线" in plan
    assert "生成自剧本仓库：" in plan and re.search(r"生成自剧本仓库\s*：", prose(zh_outputs["cohort.html"]))
    assert "参加人员：" in calendar.replace("\r\n ", "")
    assert re.search(r"\| 9（计划 5 天） \|", plan)  # the first stage waits two days for the group
    assert "入职日期 2026-10-03 是休息日（国庆节）" in zh_outputs["single.md"]


@pytest.mark.parametrize("lang", ["en", "zh-en"])
def test_en_and_zh_en_keep_ascii_marks(tmp_path: Path, lang: str) -> None:
    code, out, err = invoke(tmp_path, "onboarding-plan", "agent-1", "--repo", str(bundled_root()), "--start",
                            "2027-03-01", "--lang", lang)
    assert code == 0, err
    assert "（第" not in out and "：" not in prose(out).split("## ")[0].split("\n")[-1]
    # the Gantt chart's names end at a colon: an English one becomes a dash, never a full-width colon
    assert "Week 1 – procedures and systems" in out and "Week 1：" not in out
    assert re.search(r" \((第 1/\d 部分 / )?part 1 of \d\)", out) and "Made from the playbook repository: " in out
