"""Every error a user can make from the command line is said in the reader's language: each case
below is run against the bundled department (default language zh) with no language asked for, and
again with CS_TEAM_LANG=en; the whole of stderr and the exit code are compared."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.test_cli import invoke
from tests.test_wording import CJK, ENGLISH_RUN, QUOTED

BUNDLED = Path(__file__).parent.parent / "playbooks"

# A cohort file with three broken hires and one listed twice (file:row in every line).
FILES = {
    "broken.csv": "name,start,pace,colour\n王芳,2026-03-02,quick,\n李静,1999-03-02,,\n周敏,2026-13-01,,\n",
    "twice.csv": "name,start\n王芳,2026-03-02\n王芳,2026-03-09\n",
    "good.csv": "name,start\n王芳,2026-03-02\n",
    "volume.csv": "interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,voice,-3,300\n",
    "results.csv": "hire,module,attempt,simulation\n李雷,m-nope,1,60\n",
    "hour.csv": "interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,voice,3,300\n",
}

CASES = [
    (["lint", "--select", "CS999"], 2,
     "cs-team：错误：--select：未知的规则 CS999；`cs-team rules` 会列出全部规则",
     "cs-team: error: --select: unknown rule CS999; `cs-team rules` lists them"),
    (["rules", "CS99"], 2,
     "cs-team：错误：未知的规则“CS99”；是不是想写“CS309”？",
     "cs-team: error: unknown rule 'CS99'; did you mean 'CS309'?"),
    (["schema"], 2,
     "cs-team：错误：请给出要打印的类别（KIND），或用 `--out DIR` 把全部写出",
     "cs-team: error: give a KIND to print, or --out DIR to write them all"),
    (["schema", "rol"], 2,
     "cs-team：错误：未知的类别“rol”；是不是想写“role”？",
     "cs-team: error: unknown kind 'rol'; did you mean 'role'?"),
    (["onboarding"], 2,
     "cs-team：错误：没有 onboarding 这个命令；是不是 onboarding-plan？（用法见 `cs-team --help`）",
     "cs-team: error: No such command 'onboarding'. Did you mean 'onboarding-plan'? (see `cs-team --help`)"),
    (["eval-sheet", "qa", "--format", "yaml"], 2,
     "cs-team：错误：`--format yaml` 生成的是空白面试评分表；qa 表只能生成 md、html、pdf、csv 或 xlsx",
     "cs-team: error: --format yaml makes a blank interview scorecard; the qa sheet comes as md, html, pdf, "
     "csv or xlsx"),
    (["eval-sheet", "training", "--format", "csv", "--role", "agent-1"], 2,
     "cs-team：错误：`--format csv` 生成的是待填写的空白评分表；training 表只能生成 md、html 或 pdf",
     "cs-team: error: --format csv makes a blank scorecard to fill in; the training sheet comes as md, html "
     "or pdf"),
    (["eval-sheet", "probation"], 2,
     "cs-team：错误：probation 表针对某一个岗位：请加上 `--role ROLE`",
     "cs-team: error: the probation sheet is made for one role: add --role ROLE"),
    (["erlang", "--volume", "100", "--aht", "300", "--interval", "1800", "--asa", "20", "--abandon", "5"], 2,
     "cs-team：错误：--abandon 需要同时给出 --patience：不设耐心时长，就没有人会挂断",
     "cs-team: error: --abandon needs --patience: without it nobody hangs up"),
    (["erlang", "--volume", "100", "--aht", "300", "--interval", "60", "--asa", "20"], 0,
     "cs-team：警告：时段（60 秒）短于平均处理时长（300 秒）：多数接待会跨出时段，结果只是粗略估计；"
     "请按 15 分钟或更长的时段规划",
     "cs-team: warning: the interval (60 s) is shorter than the average handle time (300 s): most contacts "
     "outlast it, so the figures are rough; plan on 15 minutes or more"),
    (["plan-hiring", "--scenario", "nope"], 2,
     "cs-team：错误：没有招聘情景“nope”",
     "cs-team: error: no hiring scenario 'nope'"),
    (["plan-hiring", "service-centre-202"], 2,
     "cs-team：错误：没有招聘规划参数“service-centre-202”；是不是想写“service-centre-2027”？",
     "cs-team: error: no hiring inputs 'service-centre-202'; did you mean 'service-centre-2027'?"),
    (["erlang", "--volume", "100", "--aht", "300", "--interval", "15x", "--asa", "20"], 2,
     "cs-team：错误：--interval“15x”不是时长：请写秒数（900、900s）、分钟数（15m）或小时数（1h）",
     "cs-team: error: --interval '15x' is not a duration: write seconds (900, 900s), minutes (15m) or hours (1h)"),
    (["erlang", "--volume", "100", "--aht", "300", "--interval", "900", "--target", "150", "--within", "20"], 2,
     "cs-team：错误：--target 150 超过了 100%",
     "cs-team: error: --target 150 is more than 100 %"),
    (["erlang", "--volume", "100", "--aht", "300", "--interval", "900"], 2,
     "cs-team：错误：请给出服务水平目标（--target 和 --within）或平均应答时间目标（--asa）",
     "cs-team: error: give a service-level target (target and within) or an ASA target"),
    (["plan-hiring", "--attrition", "200"], 2,
     "cs-team：错误：--attrition 200：请给出 0 到 100 之间的月流失率",
     "cs-team: error: --attrition 200: give a monthly rate between 0 and 100"),
    (["plan-hiring", "--volume", "ten"], 2,
     "cs-team：错误：--volume“ten”不是百分比变化：请写成 +10% 或 -5%",
     "cs-team: error: --volume 'ten' is not a change in percent: write it as +10% or -5%"),
    (["plan-hiring", "--forecast", "volume.csv"], 1,
     "cs-team：错误：volume.csv:2:3：volume -3 是负数",
     "cs-team: error: volume.csv:2:3: volume -3 is negative"),
    (["roster", "--forecast", "hour.csv"], 1,
     "cs-team：错误：hour.csv：需求预测只覆盖 0.04 天（2027-03-01 至 2027-03-01）；计划至少需要完整的一周，"
     "否则要估算 周二、周三、周四、周五、周六、周日",
     "cs-team: error: hour.csv: the forecast covers 0.04 days (2027-03-01 to 2027-03-01); a plan needs "
     "at least one whole week, and Tue, Wed, Thu, Fri, Sat, Sun would be guessed"),
    (["eval-sheet", "scorecard", "--role", "agnet-1"], 2,
     "cs-team：错误：没有岗位“agnet-1”；是不是想写“agent-1”？",
     "cs-team: error: no role 'agnet-1'; did you mean 'agent-1'?"),
    (["eval-sheet", "survey", "--survey", "nope"], 2,
     "cs-team：错误：--survey nope：没有这份问卷（现有：refresher-reaction）",
     "cs-team: error: --survey nope: no such survey (surveys: refresher-reaction)"),
    (["eval-sheet", "qa", "--channel", "email"], 2,
     "cs-team：错误：--channel email：仓库中没有这个渠道的质检表（已有：chat, voice）；请在 qa/ 下添加一份",
     "cs-team: error: --channel email: the repository has no qa-form for this channel (forms for: chat, voice); "
     "add one under qa/"),
    (["build", "--out", "."], 2,
     "cs-team：错误：--out . 包含了仓库本身：请生成到单独的文件夹，例如 site",
     "cs-team: error: --out . holds the repository: build into a folder of its own, such as site"),
    (["training-results", "results.csv"], 1,
     "results.csv:2:2: 没有课程模块“m-nope”\ncs-team：错误：1 处问题，未做任何评分",
     "results.csv:2:2: no module 'm-nope'\ncs-team: error: 1 problem in the results files; nothing was scored"),
    (["onboarding-plan", "agent-1"], 2,
     "cs-team：错误：请给出 `--start YYYY-MM-DD`（几名新人一起入职时用 `--cohort FILE`）",
     "cs-team: error: give --start YYYY-MM-DD (or --cohort FILE for several hires)"),
    (["onboarding-plan", "agent-1", "--start", "2026-03-02", "--cohort", "twice.csv"], 2,
     "cs-team：错误：--cohort 已给出每名新人的入职日期、姓名和导师：请去掉 --start、--name 和 --mentor",
     "cs-team: error: --cohort gives each hire's start, name and mentor; drop --start, --name and --mentor"),
    (["onboarding-plan", "agent-1", "--cohort", "twice.csv"], 2,
     "cs-team：错误：--cohort 为每名新人各写一个文件：请用 `--out FOLDER` 给出文件夹",
     "cs-team: error: --cohort writes one file per hire: give --out FOLDER"),
    (["onboarding-plan", "agent-1", "--start", "1999-03-01"], 2,
     "cs-team：错误：--start 1999-03-01 不在 2000-2100 年之间",
     "cs-team: error: --start 1999-03-01 is outside the years 2000-2100"),
    (["onboarding-plan", "agent-1", "--start", "2026-03-02", "--timezone", "Mars/Olympus"], 2,
     "cs-team：错误：未知的时区“Mars/Olympus”：请使用 IANA 时区名，例如 Asia/Shanghai",
     "cs-team: error: unknown time zone 'Mars/Olympus': use an IANA name such as Asia/Shanghai"),
    (["onboarding-plan", "agent-1", "--start", "2026-03-02", "--calendar", "nowhere.yaml"], 2,
     "cs-team：错误：--calendar nowhere.yaml：没有这个文件",
     "cs-team: error: --calendar nowhere.yaml: no such file"),
    (["onboarding-plan", "agent-1", "--start", "2026-03-02", "--out", "roles"], 2,
     "cs-team：错误：roles 是文件夹：请写出其中的文件名，例如 roles/document",
     "cs-team: error: roles is a folder: name a file in it, such as roles/document"),
    (["onboarding-plan", "agent-1", "--cohort", "good.csv", "--out", "plans", "--rooms", "3 楼"], 2,
     "cs-team：错误：--rooms“3 楼”：请写成 ROOM=SEATS，例如 `--rooms '3 楼培训室=12'`",
     "cs-team: error: --rooms '3 楼': write ROOM=SEATS, e.g. --rooms 'Room 3=12'"),
    (["onboarding-plan", "agent-1", "--cohort", "broken.csv", "--out", "plans"], 1,
     "broken.csv:2: 未知字段“colour”；一名新人可写的字段：name、start、mentor、role、pace\n"
     "broken.csv:3: 未知字段“colour”；一名新人可写的字段：name、start、mentor、role、pace\n"
     "broken.csv:4: 未知字段“colour”；一名新人可写的字段：name、start、mentor、role、pace\n"
     "cs-team：错误：输入文件有 3 处问题，未做任何计算",
     "broken.csv:2: unknown field 'colour'; a hire has name, start, mentor, role, pace\n"
     "broken.csv:3: unknown field 'colour'; a hire has name, start, mentor, role, pace\n"
     "broken.csv:4: unknown field 'colour'; a hire has name, start, mentor, role, pace\n"
     "cs-team: error: 3 problems in the input files; nothing was computed"),
    (["onboarding-plan", "agent-1", "--cohort", "twice.csv", "--out", "plans"], 1,
     "twice.csv:3: “王芳”出现了两次（第一次在 twice.csv:2）；每名新人的名字都要不同（可加上姓氏首字母）\n"
     "cs-team：错误：输入文件有 1 处问题，未做任何计算",
     "twice.csv:3: '王芳' is listed twice (first at twice.csv:2); each hire needs a name of their own "
     "(add a surname initial)\n"
     "cs-team: error: 1 problem in the input files; nothing was computed"),
]


@pytest.fixture(scope="module")
def department(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bundled") / "department"
    shutil.copytree(BUNDLED, root)
    for name, text in FILES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def chinese_only(line: str) -> bool:
    """No English words in a Chinese line, besides quoted values, `code`, paths, options and ids
    (kebab-case, as listed after 现有：)."""
    bare = re.sub(r"--[a-z-]+|\b[A-Z]+(?:[-=/][A-Z]+)*\b|[\w./-]+\.(?:csv|ya?ml|xlsx)(?::\d+)*"
                  r"|\b[a-z0-9]+(?:-[a-z0-9]+)+\b", "", QUOTED.sub("", line))
    return CJK.search(line) is not None and not ENGLISH_RUN.search(bare)


@pytest.mark.parametrize(("args", "code", "zh", "en"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_an_error_is_said_in_the_readers_language(department: Path, monkeypatch: pytest.MonkeyPatch,
                                                  args: list[str], code: int, zh: str, en: str) -> None:
    monkeypatch.delenv("CS_TEAM_LANG")  # the bundled department's default language: zh
    assert invoke(department, *args)[::2] == (code, zh + "\n")
    assert all(chinese_only(line) for line in zh.splitlines()), zh
    monkeypatch.setenv("CS_TEAM_LANG", "en")
    assert invoke(department, *args)[::2] == (code, en + "\n")
    assert not CJK.search(en.replace("王芳", "").replace("3 楼", ""))
    assert not list(department.glob("plans*"))  # an error writes nothing
