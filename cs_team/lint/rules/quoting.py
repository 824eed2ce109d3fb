"""CS223: dates and times of day are quoted, so YAML 1.1 and YAML 1.2 readers agree.

A YAML 1.1 reader (PyYAML, js-yaml, ajv-cli, editors' schema checks) reads an unquoted
2027-01-29 as a date object and 18:00 as the base-60 number 1080; a YAML 1.2 reader reads
both as text. cs-team reads them as meant, but a file should mean one thing to every tool.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook, Site
from cs_team.wording import Phrase, phrase

# The YAML 1.1 resolver PyYAML uses: what a 1.1 reader makes of a plain scalar.
_RESOLVER = yaml.resolver.Resolver()
_MISREAD = {"tag:yaml.org,2002:timestamp": "law.as_date",
            "tag:yaml.org,2002:int": "law.as_base60", "tag:yaml.org,2002:float": "law.as_base60"}
# An explicit tag (`!!str 18:00`) keeps a plain value from the parser's resolver, which tells
# the rest (ParsedFile.unquoted_time): a file with a tag and either form has its tree walked.
_CANDIDATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]|[0-9]:[0-5]?[0-9]")


def _plain_scalars(node: yaml.Node, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(node, yaml.ScalarNode):
        if not node.style:  # plain: None from PyYAML's composer, '' from libyaml's
            yield path, node.value
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _plain_scalars(item, (*path, i))
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield from _plain_scalars(value, (*path, key.value))


def misread(value: str) -> Phrase | None:
    """What a YAML 1.1 reader makes of this unquoted value, when it is not text (a phrase: its
    English is ``str()``)."""
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    if tag == "tag:yaml.org,2002:timestamp" or (tag in _MISREAD and ":" in value):
        return phrase(_MISREAD[tag])
    return None  # text, or a number that is meant as one


def check(playbook: Playbook) -> Iterator[Report]:
    for document in playbook.repo.documents:
        parsed = document.parsed
        text = parsed.text or ""
        if not parsed.has_document or not (
                parsed.unquoted_time or ("!" in text and _CANDIDATE.search(text))):
            continue
        for path, value in _plain_scalars(parsed.node):
            if as_what := misread(value):
                yield Report(Site(document, path, in_model=False), phrase(
                    "law.quote", value=value, as_what=as_what))
