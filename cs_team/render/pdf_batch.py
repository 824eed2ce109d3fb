"""Print several HTML documents to PDF in one browser session (a cohort's plans).

One Chromium launch costs seconds; a cohort of fifty would pay it fifty times. This drives one
browser over its DevTools pipe (``--remote-debugging-pipe``: JSON messages ending in NUL on file
descriptors 3 and 4), sealed exactly as ``pdf.print_pdf`` seals a single print: the same flags,
the same script-blocking profile, the same Content-Security-Policy, one time limit for the lot.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import subprocess
import tempfile
import time
from pathlib import Path

from cs_team.errors import InputError
from cs_team.render.pdf import FLAGS, INSTALL, PREFERENCES, SECONDS, _end, find_browser, sealed

PRINT = {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False}


class _Pipe:
    """Requests to the browser and their answers, over its debugging pipe."""

    def __init__(self, process: subprocess.Popen, write: int, read: int, deadline: float) -> None:
        self.process, self.write, self.read, self.deadline = process, write, read, deadline
        self.buffer, self.next_id, self.events = b"", 0, []

    def call(self, method: str, session: str | None = None, **params: object) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.write, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._message()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    reason = answer["error"].get("message")
                    raise InputError(f"the browser could not print the documents: {reason}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, method: str, session: str) -> None:
        def seen(event: dict) -> bool:
            return event.get("method") == method and event.get("sessionId") == session

        while not any(seen(e) for e in self.events):
            self.events.append(self._message())
        self.events = [e for e in self.events if not seen(e)]

    def _message(self) -> dict:
        while b"\0" not in self.buffer:
            left = self.deadline - time.monotonic()
            ready, _, _ = select.select([self.read], [], [], max(0, left))
            if not ready:
                raise TimeoutError
            chunk = os.read(self.read, 1 << 20)
            if not chunk:
                raise InputError("the browser closed while printing the documents; no PDF was written")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)


def print_pdfs(pages: list[str], seconds: float = SECONDS) -> list[bytes]:
    """Each HTML page as PDF bytes, in order, from one browser."""
    browser = find_browser()
    if browser is None:
        raise InputError(f"--format pdf needs Chromium, Google Chrome or Microsoft Edge, and none is on "
                         f"PATH: {INSTALL}")
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for n, html in enumerate(pages):
            page = Path(folder) / f"document-{n}.html"
            page.write_text(sealed(html), encoding="utf-8")
            files.append(page)
        profile = Path(folder) / "profile"
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
                                   stderr=subprocess.DEVNULL, pass_fds=(3, 4),
                                   preexec_fn=wire, start_new_session=True)
        os.close(to_browser)
        os.close(from_browser)
        pipe = _Pipe(process, commands, answers, time.monotonic() + seconds)
        try:
            target = pipe.call("Target.createTarget", url="about:blank")["targetId"]
            session = pipe.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            pipe.call("Page.enable", session)
            printed = []
            for page in files:
                pipe.call("Page.navigate", session, url=page.as_uri())
                pipe.wait_for("Page.loadEventFired", session)
                printed.append(base64.b64decode(pipe.call("Page.printToPDF", session, **PRINT)["data"]))
            return printed
        except TimeoutError:
            raise InputError(f"{browser} did not finish printing {len(pages)} PDFs within {seconds:g} s (a "
                             "template too large or that never ends?); no PDF was written") from None
        finally:
            os.close(commands)
            os.close(answers)
            _end(process)
