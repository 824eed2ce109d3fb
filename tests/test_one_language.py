"""Every document and report cs-team renders in zh reads in Chinese: no English sentence, no id
where a name belongs. Rendered from the bundled department, the way its users run them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cs_team.repo import bundled_root
from tests.test_cli import invoke

QA_FILLED = Path(__file__).parent / "fixtures" / "qa-results" / "bundled" / "voice.csv"
KPI_EXPORT = Path(__file__).parent / "fixtures" / "training-needs" / "bundled-kpi.csv"
QUARTER = Path(__file__).parent.parent / "examples" / "quarter"
EFFECT = ("training-effect", "--results", str(QUARTER / "training-results.csv"), "--kpi", str(QUARTER / "kpi-export.csv"),
          "--qa", str(QUARTER / "qa"), "--survey", str(QUARTER / "survey.csv"), "--cost", "complaint-handling=24000")
CJK = re.compile(r"[\u4e00-\u9fff]")
# Two or more English words in a row (hyphenated ids such as `structured-interview` count).
ENGLISH_RUN = re.compile(r"(?<![\w.-])[A-Za-z]{2,}(?:(?:[ -]|, )[A-Za-z]{2,})+(?![\w-])")
# What a Chinese document may show as written: product and unit words the playbook text uses,
# acronyms (CSAT, FCR), the program's name, e-mail-like and file-like tokens.
ALLOWED = re.compile(r"\bcs-team\b|\bWi-Fi\b|\bApp\b|\b[A-Z][A-Z0-9]+\b|\S+\.(?:csv|yaml|ics|md|html)\b")


def prose(text: str, html: bool) -> str:
    """The words a reader sees: markup, code, link targets and id tags left out."""
    if html:
        text = re.sub(r"<(style|script)\b.*?</\1>", " ", text, flags=re.S)
        text = re.sub(r'<(code|span class="tag")[^>]*>.*?</(code|span)>', " ", text, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # Markdown link targets
    text = re.sub(r"<br>", " ", text)
    text = re.sub(r"\b[0-9a-f]{12}\b", " ", text)  # the footer's fingerprint
    return ALLOWED.sub(" ", text)


def english_in(text: str, html: bool) -> list[str]:
    return sorted(set(ENGLISH_RUN.findall(prose(text, html))))


@pytest.fixture(scope="module")
def department(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dept") / "playbooks"
    shutil.copytree(bundled_root(), root)
    return root


def _rendered(department: Path, *args: str) -> str:
    code, out, err = invoke(department, *args)
    assert code == 0, err
    return out


def test_the_built_site_in_zh_is_chinese(department: Path, tmp_path: Path) -> None:
    code, _, err = invoke(department, "build", "--out", str(tmp_path / "site"), "--lang", "zh")
    assert code == 0, err
    pages = sorted(p for p in (tmp_path / "site").rglob("*") if p.suffix in (".md", ".html"))
    assert len(pages) > 40
    found = {p.relative_to(tmp_path).as_posix(): english_in(p.read_text(encoding="utf-8"), p.suffix == ".html")
             for p in pages}
    assert {page: words for page, words in found.items() if words} == {}


@pytest.mark.parametrize("args", [
    ("onboarding-plan", "agent-1", "--start", "2026-09-28", "--format", "md"),
    ("onboarding-plan", "agent-1", "--start", "2026-09-28", "--format", "html"),
    ("plan-hiring", "--as-of", "2026-09-01", "--format", "md"),
    ("plan-hiring", "--as-of", "2026-09-01", "--format", "html"),
    ("trace", "agent-1", "--format", "md"),
    ("eval-sheet", "scorecard", "--role", "agent-1", "--format", "yaml"),
    ("eval-sheet", "qa", "--channel", "voice", "--format", "md"),
    ("eval-sheet", "qa", "--channel", "chat", "--format", "html"),
    ("eval-sheet", "qa", "--channel", "voice", "--format", "csv"),
    ("qa-results", str(QA_FILLED), "--format", "md"),
    ("qa-results", str(QA_FILLED), "--format", "html"),
    ("qa-results", str(QA_FILLED), "--format", "csv"),
    ("training-needs", "--kpi", str(KPI_EXPORT), "--qa", str(QA_FILLED), "--format", "md"),
    ("training-needs", "--kpi", str(KPI_EXPORT), "--qa", str(QA_FILLED), "--format", "html"),
    ("training-needs", "--kpi", str(KPI_EXPORT), "--format", "csv"),
    ("eval-sheet", "survey", "--format", "md"),
    ("eval-sheet", "survey", "--format", "html"),
    ("eval-sheet", "survey", "--format", "csv"),
    (*EFFECT, "--format", "md"),
    (*EFFECT, "--format", "html"),
    (*EFFECT, "--format", "csv"),
    ("list", "roles"),
    ("rules", "CS203"),
], ids=lambda a: " ".join(a))
def test_each_document_in_zh_is_chinese(department: Path, args: tuple[str, ...]) -> None:
    out = _rendered(department, *args, "--lang", "zh")
    if args[-1] == "yaml":  # a form to fill: its comments are what people read
        out = "\n".join(line for line in out.splitlines() if line.lstrip().startswith("#"))
    if args[0] == "list":  # the first column is the ids
        out = "\n".join(line.split(" ", 1)[-1] for line in out.splitlines())
    if args[0] == "rules":  # the bad and good examples are YAML, indented
        out = "\n".join(line for line in out.splitlines() if not line.startswith("    "))
    assert CJK.search(out)
    assert english_in(out, args[-1] == "html") == []


def test_results_reports_in_zh_are_chinese(department: Path) -> None:
    """Scores, training results and the promotion ranking, from files filled the way HR fills them."""
    form = _rendered(department, "eval-sheet", "scorecard", "--role", "agent-1", "--format", "yaml",
                     "--candidate", "王芳", "--interviewer", "李雷")
    (department / "wangfang.yaml").write_text(
        form.replace("    rating:\n", "    rating: 4\n").replace('recommendation: ""', "recommendation: yes"),
        encoding="utf-8")
    for args in (("score", "wangfang.yaml", "--format", "md"), ("score", "wangfang.yaml", "--format", "html")):
        out = _rendered(department, *args, "--lang", "zh")
        assert english_in(out, args[-1] == "html") == [], args
