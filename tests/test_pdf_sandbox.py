"""`--format pdf` prints a page a user template may have written: sealed from files, network and
scripts, and never longer than its time limit."""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from cs_team.errors import InputError
from cs_team.render import pdf


def test_the_policy_comes_before_anything_the_template_wrote() -> None:
    assert pdf.sealed("<!DOCTYPE html>\n<iframe src=x>").startswith(f"<!DOCTYPE html>{pdf.POLICY}\n<iframe")
    assert pdf.sealed("<iframe src=x>").startswith(f"{pdf.POLICY}<iframe")


@pytest.mark.skipif(shutil.which("chromium") is None or shutil.which("pdftotext") is None,
                    reason="needs chromium and pdftotext (apt-get install chromium poppler-utils)")
def test_a_hostile_page_reads_no_file_reaches_no_listener_runs_no_script(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT\n", encoding="utf-8")
    requests: list[str] = []

    class Listener(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"LISTENER-CONTENT")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Listener)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    html = f"""<!DOCTYPE html><html><head><link rel="stylesheet" href="{url}/css"></head><body>
<p style="color: red">VISIBLE-TEXT</p>
<iframe src="{secret.as_uri()}" width="600" height="200"></iframe>
<object data="{secret.as_uri()}" width="600" height="200"></object>
<iframe src="{url}/frame"></iframe><img src="{url}/img">
<script>document.write("SCRIPT-RAN"); fetch("{url}/fetch");</script>
<noscript>SCRIPTS-ARE-OFF</noscript>
</body></html>"""
    try:
        data = pdf.print_pdf(html)
    finally:
        server.shutdown()
    (tmp_path / "out.pdf").write_bytes(data)
    text = subprocess.run(["pdftotext", str(tmp_path / "out.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "VISIBLE-TEXT" in text and "SCRIPTS-ARE-OFF" in text
    assert "SECRET-CONTENT" not in text and "LISTENER-CONTENT" not in text and "SCRIPT-RAN" not in text
    assert requests == []


def test_a_browser_that_does_not_finish_is_stopped_with_one_line(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    browser = tmp_path / "slow-browser"
    marker = tmp_path / "child.pid"
    browser.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {marker}\nwait\n", encoding="utf-8")
    browser.chmod(0o755)
    monkeypatch.setattr(pdf, "find_browser", lambda: str(browser))
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        pdf.print_pdf("<p>x</p>", seconds=1)
    assert time.monotonic() - started < 30
    assert str(caught.value) == (f"{browser} did not finish printing the PDF within 1 s (a template too "
                                 "large or that never ends?); no PDF was written")
    child = int(marker.read_text(encoding="utf-8"))
    assert _gone(child)  # the browser's own children went with it


def _gone(pid: int) -> bool:
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False
