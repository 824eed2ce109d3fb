"""CS209: no two questions say nearly the same thing (the comparison is ``cs_team.similarity``)."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.forking import Child, Reply
from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.similarity import similar_texts
from cs_team.wording import phrase


class SimilarQuestions:
    """The playbook's questions and the texts compared, in their default language."""

    def __init__(self, playbook: Playbook) -> None:
        default = playbook.default_language
        self.questions = list(playbook.questions.values())
        self.texts = [question.text.best(default, default) for question in self.questions]
        self.reply: Reply | None = None

    def pairs(self) -> list[tuple[int, int, float]]:
        """The similar pairs: a worker's answer when it gave one, else computed here."""
        answer = self.reply.result() if self.reply is not None else None
        return answer if answer is not None else similar_texts(self.texts)


def offload(playbook: Playbook, worker: Child) -> None:
    """Let ``worker`` compare the texts while the other rules run (the result is the same)."""
    similar = playbook.index(SimilarQuestions)
    similar.reply = worker.ask(similar_texts, similar.texts)


def check(playbook: Playbook) -> Iterator[Report]:
    similar = playbook.index(SimilarQuestions)
    for i, j, similarity in similar.pairs():
        first, second = similar.questions[i], similar.questions[j]
        yield Report(playbook.site(second).at("text"), phrase(
            "rules.near_duplicate", second=second.id, similarity=f"{similarity * 100:.0f}",
            first=first.id, where=playbook.site(first).where()))
