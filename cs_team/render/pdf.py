"""Print an HTML document to PDF with a Chromium, Chrome or Edge found on the machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from cs_team.errors import InputError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge",
            "microsoft-edge-stable", "msedge")
FLAGS = ["--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-pdf-header-footer"]
INSTALL = "install one (Debian/Ubuntu: apt-get install chromium fonts-noto-cjk)"


def find_browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def cjk_font_missing() -> bool:
    """True when fontconfig lists no font for Chinese (None known: assume present)."""
    if not shutil.which("fc-list"):
        return False
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False)
    return listed.returncode == 0 and not listed.stdout.strip()


def print_pdf(html: str) -> bytes:
    browser = find_browser()
    if browser is None:
        raise InputError(f"--format pdf needs Chromium, Google Chrome or Microsoft Edge, and none is on "
                         f"PATH: {INSTALL}")
    with tempfile.TemporaryDirectory() as folder:
        page, pdf = Path(folder) / "document.html", Path(folder) / "document.pdf"
        page.write_text(html, encoding="utf-8")
        flags = [*FLAGS, f"--user-data-dir={folder}/profile", f"--print-to-pdf={pdf}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            flags.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
        result = subprocess.run([browser, *flags, page.as_uri()], capture_output=True, text=True,
                                timeout=120, check=False)
        if result.returncode != 0 or not pdf.is_file():
            last = (result.stderr.strip().splitlines() or ["no output"])[-1]
            raise InputError(f"{browser} could not print the document: {last}")
        return pdf.read_bytes()
