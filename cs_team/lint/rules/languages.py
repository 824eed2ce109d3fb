"""CS208: every text is written in every language `cs-team.yaml` requires."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.lint.texts import DocumentTexts
from cs_team.playbook import Playbook, Site
from cs_team.wording import phrase


def check(playbook: Playbook) -> Iterator[Report]:
    required = list(playbook.config.languages)
    needed = frozenset(required)
    default = playbook.default_language
    plain_suffices = needed <= {default}
    walked = playbook.index(DocumentTexts)
    for document in playbook.repo.documents:
        texts = walked.texts(document)
        # Most texts have every language: find the few that lack one before any path is built.
        lacking = [i for i, text in enumerate(texts)
                   if not (plain_suffices if text.plain else needed <= text.written)]
        if not lacking:
            continue
        paths = walked.paths(document)
        for i in lacking:
            text = texts[i]
            written = text.languages(default)
            missing = [lang for lang in required if lang not in written]
            if text.plain:
                how = phrase("rules.text_plain", default=default,
                             mapping="{" + ", ".join(f"{lang}: ..." for lang in required) + "}")
            else:
                how = phrase("rules.text_add", keys=", ".join(f"`{lang}:`" for lang in missing))
            yield Report(Site(document, paths[i]), phrase("rules.text_missing_language",
                                                          missing=", ".join(missing), how=how))
