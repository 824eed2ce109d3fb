"""Print several HTML documents to PDF in one browser session (a cohort's plans).

One Chromium launch costs seconds; a cohort of fifty would pay it fifty times. This drives one
browser over its DevTools pipe (``--remote-debugging-pipe``: JSON messages ending in NUL on file
descriptors 3 and 4), sealed exactly as ``pdf.print_pdf`` seals a single print: the same flags,
the same script-blocking profile (and scripts off in every tab besides), the same
Content-Security-Policy, one time limit for the lot. Several tabs print at once, so layout and
PDF output of one document overlap another's on a machine with more than one core.
"""

from __future__ import annotations

import base64
import fcntl
import os
import subprocess
import tempfile
import time
from pathlib import Path

from cs_team.errors import InputError
from cs_team.render.devtools import Pipe, Tab
from cs_team.render.pdf import FLAGS, PREFERENCES, SECONDS, _end, find_browser, sealed
from cs_team.render.print_fonts import fontconfig_env
from cs_team.wording import phrase

PRINT = {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False}


def tab_count(pages: int) -> int:
    """Tabs printing at once: one per core and one more (a tab waits on the pipe part of the time)."""
    return max(1, min(pages, (os.cpu_count() or 1) + 1, 6))


def print_pdfs(pages: list[str], seconds: float = SECONDS, tagged: list[bool] | None = None) -> list[bytes]:
    """Each HTML page as PDF bytes, in order, from one browser.

    ``tagged[n]`` False prints page n without the tag tree screen readers use: for a table of
    ninety pages that takes a third of the time and a twenty-fifth of the bytes (22.5 MB tagged,
    0.9 MB not). Tagged unless said otherwise, as ``pdf.print_pdf`` prints a single document."""
    browser = find_browser()
    if browser is None:
        raise InputError(phrase("pdf.no_browser"))
    if not pages:
        return []
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for n, html in enumerate(pages):
            page = Path(folder) / f"document-{n}.html"
            page.write_text(sealed(html), encoding="utf-8")
            files.append(page)
        (fonts := Path(folder) / "fonts").mkdir()
        deadline = time.monotonic() + seconds
        process, pipe = _launch(browser, Path(folder) / "profile", deadline, fontconfig_env(pages, fonts))
        try:
            return _print_all(pipe, files, [len(html) for html in pages], tagged or [True] * len(pages))
        except TimeoutError:
            raise InputError(phrase("pdf.timeout_many", browser=browser, count=len(pages),
                                    seconds=float(seconds))) from None
        finally:
            pipe.close()
            _end(process)


def _launch(browser: str, profile: Path, deadline: float,
            env: dict[str, str] | None) -> tuple[subprocess.Popen, Pipe]:
    (profile / "Default").mkdir(parents=True)
    (profile / "Default" / "Preferences").write_text(PREFERENCES, encoding="utf-8")
    to_browser, commands = os.pipe()
    answers, from_browser = os.pipe()
    # --no-pdf-header-footer belongs to --print-to-pdf: with the pipe it kills the renderer
    flags = [*(f for f in FLAGS if f != "--no-pdf-header-footer"), f"--user-data-dir={profile}",
             "--remote-debugging-pipe"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox

    def wire() -> None:  # the browser reads commands on fd 3 and writes answers on fd 4 (kept open)
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser, from_browser)]
        os.dup2(high[0], 3)
        os.dup2(high[1], 4)

    process = subprocess.Popen([browser, *flags, "about:blank"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, pass_fds=(3, 4), preexec_fn=wire,
                               start_new_session=True, env=env)
    os.close(to_browser)
    os.close(from_browser)
    return process, Pipe(commands, answers, deadline)


def _print_all(pipe: Pipe, files: list[Path], sizes: list[int], tagged: list[bool]) -> list[bytes]:
    """Every file printed by whichever tab is free; the largest first, so no tab is left with a
    long document at the end while the others idle."""
    waiting = sorted(range(len(files)), key=lambda n: -sizes[n])
    tabs = [Tab.open(pipe) for _ in range(tab_count(len(files)))]
    printed: list[bytes | None] = [None] * len(files)
    busy = {}  # request id -> the tab and document it answers for

    def feed(tab: Tab) -> None:
        if waiting:
            tab.document = waiting.pop(0)
            tab.navigate(files[tab.document].as_uri())

    for tab in tabs:
        feed(tab)
    while any(data is None for data in printed):
        message = pipe.receive()
        for tab in tabs:
            if tab.loaded(message):
                options = dict(PRINT, generateTaggedPDF=tagged[tab.document])
                busy[pipe.send("Page.printToPDF", tab.session, **options)] = tab
        if (tab := busy.pop(message.get("id"), None)) is not None:
            printed[tab.document] = base64.b64decode(message["result"]["data"])
            feed(tab)
    return [data for data in printed if data is not None]
