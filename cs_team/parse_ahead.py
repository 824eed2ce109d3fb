"""Parsing the back of a large repository in a child process while the parent imports the rest.

A cold lint first imports its models and rules (pydantic builds a validator per model: about a
quarter of a second) and then parses every file. Neither needs the other, so the parent forks a
child before importing them; the child parses the files at the back of the list and sends them
back parsed (text, data, findings; the node tree is composed again where a finding needs it),
while the parent imports and then parses the front. The child starts first, so it takes more.
A file the child did not return is parsed by the parent: the result is the same either way.
The child then stays as the lint's worker (``worker``): the rules hand it pure work, such as
comparing every question's text (CS209), while the parent runs the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from cs_team import forking
from cs_team.readfile import read_playbook
from cs_team.repo import display_paths, playbook_files
from cs_team.similarity import tokenise_ahead
from cs_team.source import KEEP_TREE_CHARS, ParsedFile, parse_file

Read = Callable[[Path], bytes]

MIN_BYTES = 3 * 1024 * 1024
"""Below this much YAML in the repository a lint takes too little time for a fork to pay."""

CHILD_SHARE = 0.65
"""The part of the bytes the child parses: it starts while the parent still imports."""


class ParseAhead:
    """The files a child is parsing, and the parse of any list of files using them."""

    def __init__(self, child: forking.Child | None = None, back: list[Path] | None = None,
                 displays: list[str] | None = None, paths: list[Path] | None = None) -> None:
        self.child = child
        self.paths = paths
        """Every YAML file below the root when a child was started (the loader filters this list
        rather than walk the folders again)."""
        self.owned = dict(zip(back or [], displays or [], strict=True))
        """Path -> display name, of each file the child parses."""

    def parse(self, paths: list[Path], displays: list[str], read: Read) -> list[ParsedFile]:
        """``parse_file`` of each path, the child's where it parsed the same file."""
        mine = {path: parse_file(path, display, read)
                for path, display in zip(paths, displays, strict=True) if path not in self.owned}
        theirs = self._theirs()
        parsed = []
        for path, display in zip(paths, displays, strict=True):
            done = mine.get(path) or theirs.get(path)
            parsed.append(done if done is not None and done.display == display
                          else parse_file(path, display, read))
        return parsed

    def _theirs(self) -> dict[Path, ParsedFile]:
        results = self.child.result() if self.child is not None else None
        if results is None or len(results) != len(self.owned):
            return {}
        theirs = {}
        for (path, display), (text, data, has_document, findings, unquoted_time) in zip(
                self.owned.items(), results, strict=True):
            theirs[path] = ParsedFile(path, display, text=text, data=data, has_document=has_document,
                                      findings=findings, unquoted_time=unquoted_time)
        return theirs

    @property
    def worker(self) -> forking.Child | None:
        """The child, for more work once its parse was read (None: there is no child)."""
        return self.child if self.child is not None and not self.child.broken else None

    def close(self) -> None:
        if self.child is not None:
            self.child.close()


def question_texts(data: Any) -> Iterator[str]:
    """Every string a question bank's raw data holds as a question's text (in any language)."""
    if not isinstance(data, dict) or data.get("kind") != "question-bank":
        return
    for question in data.get("questions") or ():
        text = question.get("text") if isinstance(question, dict) else None
        if isinstance(text, str):
            yield text
        elif isinstance(text, dict):
            yield from (value for value in text.values() if isinstance(value, str))


def start(root: Path, cwd: Path, read: Read = read_playbook, among: list[Path] | None = None,
          jobs: str = "auto") -> ParseAhead:
    """A child parsing the back of ``root``'s YAML files, when the repository is large enough.

    ``jobs``: "1" never forks, "2" forks whatever the load, "auto" when a CPU is free now.
    """
    if jobs == "1" or not forking.can_fork(only_to_a_free_cpu=jobs == "auto"):
        return ParseAhead()
    paths = playbook_files(root, [], [], among)
    sizes = []
    for path in paths:
        try:
            sizes.append(os.stat(path).st_size)
        except OSError:
            sizes.append(0)
    total = sum(sizes)
    # From the back, files small enough to be let go of their tree (a large one keeps it: sending
    # a tree would cost more than parsing the file), until the child has its share of the bytes.
    back, running = [], 0
    for path, size in zip(reversed(paths), reversed(sizes), strict=True):
        if running >= CHILD_SHARE * total:
            break
        if size < KEEP_TREE_CHARS:
            back.append(path)
            running += size
    if total < MIN_BYTES:
        return ParseAhead()  # the child's share (even none, of large banks) leaves it a worker
    back.reverse()
    displays = display_paths(root, back, cwd)

    parsed: list[tuple] = []

    def work() -> list[tuple]:
        # plain tuples in the order of ``back``: pickling the dataclasses and paths cost a third more;
        # the node tree is not sent (composed again where a finding needs it)
        for path, display in zip(back, displays, strict=True):
            file = parse_file(path, display, read)
            parsed.append((file.text, file.data, file.has_document, file.findings, file.unquoted_time))
        return parsed

    def meanwhile() -> None:  # while the parent validates: the question texts CS209 will send
        tokenise_ahead([text for _, data, *_ in parsed for text in question_texts(data)])

    child = forking.start(work, serve=True, meanwhile=meanwhile)
    return ParseAhead(child, back, displays, paths) if child is not None else ParseAhead()
