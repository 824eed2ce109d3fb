"""The DevTools protocol over a browser's debugging pipe: requests, answers, events, tabs.

Messages are JSON ending in NUL. Several tabs work at once, so an answer or event that arrives
while one request is awaited is kept, in order, for whoever reads next.
"""

from __future__ import annotations

import json
import os
import select
import time

from cs_team.errors import InputError
from cs_team.wording import phrase


class Pipe:
    """Requests to the browser and what it sends back."""

    def __init__(self, write: int, read: int, deadline: float) -> None:
        self.write, self.read, self.deadline = write, read, deadline
        self.buffer, self.next_id, self.kept = b"", 0, []

    def send(self, method: str, session: str | None = None, **params: object) -> int:
        """Send a request; its answer comes later through ``receive``. Returns the request's id."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.write, json.dumps(message).encode() + b"\0")
        return self.next_id

    def call(self, method: str, session: str | None = None, **params: object) -> dict:
        """Send a request and wait for its answer, keeping whatever else arrives meanwhile."""
        wanted, seen = self.send(method, session, **params), []
        while (message := self._read()).get("id") != wanted:
            seen.append(message)
        self.kept.extend(seen)
        return message.get("result", {})

    def receive(self) -> dict:
        """The next answer or event, oldest first."""
        return self.kept.pop(0) if self.kept else self._read()

    def close(self) -> None:
        os.close(self.write)
        os.close(self.read)

    def _read(self) -> dict:
        while b"\0" not in self.buffer:
            left = self.deadline - time.monotonic()
            ready, _, _ = select.select([self.read], [], [], max(0, left))
            if not ready:
                raise TimeoutError
            chunk = os.read(self.read, 1 << 20)
            if not chunk:
                raise InputError(phrase("pdf.closed"))
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        message = json.loads(raw)
        if "error" in message:
            reason = message["error"].get("message")
            raise InputError(phrase("pdf.refused", reason=str(reason)))
        return message


class Tab:
    """A page of the browser, scripts off, that says when a document it was sent to has loaded."""

    def __init__(self, pipe: Pipe, session: str) -> None:
        self.pipe, self.session, self.loader, self.document = pipe, session, None, -1

    @classmethod
    def open(cls, pipe: Pipe) -> Tab:
        target = pipe.call("Target.createTarget", url="about:blank")["targetId"]
        session = pipe.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        pipe.call("Emulation.setScriptExecutionDisabled", session, value=True)
        pipe.call("Page.enable", session)
        pipe.call("Page.setLifecycleEventsEnabled", session, enabled=True)
        return cls(pipe, session)

    def navigate(self, url: str) -> None:
        answer = self.pipe.call("Page.navigate", self.session, url=url)
        if answer.get("errorText") or not answer.get("loaderId"):
            raise InputError(phrase("pdf.cannot_open", reason=str(answer.get("errorText"))))
        self.loader = answer["loaderId"]

    def loaded(self, message: dict) -> bool:
        """True when ``message`` says this tab's current document has finished loading."""
        params = message.get("params", {})
        done = (message.get("method") == "Page.lifecycleEvent" and message.get("sessionId") == self.session
                and params.get("name") == "load" and params.get("loaderId") == self.loader)
        if done:
            self.loader = None  # once: the next load this tab reports is the next document's
        return done
