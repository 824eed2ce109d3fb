"""Print an HTML document to PDF with a Chromium, Chrome or Edge found on the machine.

A user template can put anything into the page, so the browser prints it sealed: scripts off
(by the profile's preferences and by the policy); every request refused but the page itself (a
Content-Security-Policy meta tag ahead of the document allows inline style and data: images
only, and a dead proxy, loopback included, catches whatever the policy would not); a fresh
temporary profile; and a time limit that ends in a one-line error rather than a hung command.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from cs_team.errors import InputError
from cs_team.wording import phrase

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge",
            "microsoft-edge-stable", "msedge")
FLAGS = ["--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
         # sealed: no network (port 9 is "discard": nothing listens there), no name resolution
         "--proxy-server=http://127.0.0.1:9",
         "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND",
         "--disable-extensions", "--disable-default-apps", "--no-default-browser-check"]
POLICY = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
          'style-src \'unsafe-inline\'; img-src data:; font-src data:">')
PREFERENCES = '{"profile": {"default_content_setting_values": {"javascript": 2}}}'
"""The fresh profile blocks JavaScript (--blink-settings=scriptEnabled=false stops printing too)."""
SECONDS = 120


def find_browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def cjk_font_missing() -> bool:
    """True when fontconfig lists no font for Chinese (None known: assume present)."""
    if not shutil.which("fc-list"):
        return False
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False)
    return listed.returncode == 0 and not listed.stdout.strip()


def sealed(html: str) -> str:
    """``html`` with the policy first: after a doctype, before anything a template wrote."""
    doctype = re.match(r"\s*<!DOCTYPE[^>]*>", html, re.IGNORECASE)
    end = doctype.end() if doctype else 0
    return f"{html[:end]}{POLICY}{html[end:]}"


def print_pdf(html: str, seconds: float = SECONDS) -> bytes:
    browser = find_browser()
    if browser is None:
        raise InputError(phrase("pdf.no_browser"))
    with tempfile.TemporaryDirectory() as folder:
        page, pdf = Path(folder) / "document.html", Path(folder) / "document.pdf"
        page.write_text(sealed(html), encoding="utf-8")
        profile = Path(folder) / "profile"
        (profile / "Default").mkdir(parents=True)
        (profile / "Default" / "Preferences").write_text(PREFERENCES, encoding="utf-8")
        flags = [*FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            flags.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
        process = subprocess.Popen([browser, *flags, page.as_uri()], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            _, stderr = process.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            _end(process)
            raise InputError(phrase("pdf.timeout", browser=browser, seconds=float(seconds))) from None
        if process.returncode != 0 or not pdf.is_file():
            last = (stderr.strip().splitlines() or ["no output"])[-1]
            raise InputError(phrase("pdf.failed", browser=browser, reason=last))
        return pdf.read_bytes()


def _end(process: subprocess.Popen) -> None:
    """Stop the browser and every process it started (they share its session)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (OSError, AttributeError):
        process.kill()
    process.communicate()
