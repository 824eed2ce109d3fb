"""The HTML kit in a real browser: printed to PDF, Chinese drawn with a CJK font, not blank.

Runs against Debian's Chromium through Playwright's ``executable_path`` (never a downloaded
browser). `.ci/run` installs chromium and fonts-noto-cjk, so in CI a missing browser is a
failure; elsewhere the test is skipped with a reason that says what to install.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import cs_team

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

if CHROMIUM is None:
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI must install Debian's chromium and fonts-noto-cjk (see .ci/run)")
    pytest.skip("SKIPPED LOUDLY: no Chromium here; apt-get install chromium fonts-noto-cjk to run the browser "
                "test", allow_module_level=True)

playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def kit_page(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("browser")
    result = cs_team("interview-kit", "agent-1", "--format", "html", "--lang", "zh-en", "--out", "kit.html",
                     cwd=folder)
    assert result.returncode == 0, result.stderr
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 1400})
        page.goto((folder / "kit.html").as_uri())
        yield page, folder
        browser.close()


def test_prints_to_a_sane_number_of_a4_pages(kit_page) -> None:
    page, folder = kit_page
    pdf = page.pdf(format="A4", print_background=True)
    (folder / "kit.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    # six stages, thirteen questions with rubrics, the scorecard: more than a leaflet, less than a book
    assert 6 <= pages <= 40, pages


def test_chinese_headings_are_drawn_with_a_cjk_font(kit_page) -> None:
    page, _ = kit_page
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    document = session.send("DOM.getDocument")
    heading = session.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": "h1 .first"})
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": heading["nodeId"]})["fonts"]
    used = {font["familyName"]: font["glyphCount"] for font in fonts}
    cjk = {name: count for name, count in used.items() if re.search(r"CJK|Han|Hei|Song|Kai|Ming|WenQuanYi", name)}
    assert cjk and sum(cjk.values()) >= len("结构化面试题本"), used


def test_the_page_is_not_blank(kit_page) -> None:
    page, folder = kit_page
    shot = page.screenshot(full_page=False)
    (folder / "kit.png").write_bytes(shot)
    assert len(shot) > 30_000  # a blank white page compresses to a few kilobytes
    text = page.inner_text("body")
    assert "结构化面试题本" in text and "Structured interview kit" in text
    assert page.locator(".question").count() >= 10


def test_pdf_format_prints_through_the_browser(tmp_path: Path) -> None:
    result = cs_team("eval-sheet", "scorecard", "--role", "agent-1", "--format", "pdf", "--out", "sc.pdf",
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "sc.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and len(re.findall(rb"/Type\s*/Page\b", data)) >= 1


def test_pdf_without_a_browser_says_what_to_install(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path)}  # no browser on this PATH
    result = subprocess.run([sys.executable, "-m", "cs_team", "interview-kit", "agent-1", "--format", "pdf",
                             "--out", "kit.pdf"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "needs Chromium, Google Chrome or Microsoft Edge" in result.stderr
    assert "apt-get install chromium fonts-noto-cjk" in result.stderr
    assert not (tmp_path / "kit.pdf").exists()


def test_onboarding_plan_draws_its_gantt_and_fits_the_page(kit_page, tmp_path: Path) -> None:
    result = cs_team("onboarding-plan", "agent-1", "--start", "2026-09-28", "--name", "王芳", "--format", "html",
                     "--lang", "zh-en", "--out", "plan.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    context = kit_page[0].context.browser.new_context(viewport={"width": 900, "height": 1200})
    page = context.new_page()  # in the module's browser: one Playwright at a time
    page.goto((tmp_path / "plan.html").as_uri())
    box = page.locator("svg").first.bounding_box()
    assert box is not None and box["width"] > 500 and box["height"] > 150
    assert page.locator("svg rect").count() > 15  # the bars and the shaded days off
    # nothing wider than the page: the agenda tables wrap instead of overflowing
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    pdf = page.pdf(format="A4", print_background=True)
    context.close()
    assert 3 <= len(re.findall(rb"/Type\s*/Page\b", pdf)) <= 30
