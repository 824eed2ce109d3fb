"""Question banks in the bundled department's house style, of any size, for benchmarks and tests.

Every generated question is a bundled question mutated: some of its Chinese phrases and English
words are swapped for others the bundled bank uses, so the texts share the bank's phrasing ("请讲一次
...的经历", "Tell me about a time ...") and its vocabulary, as a real bank grown by copying and
editing does. That is the case where the near-duplicate rule (CS209) has real work: many
questions share most of their common tokens. Seeded, so the same call gives the same bank.

    python benchmarks/house_style.py 15000 questions.yaml
"""

from __future__ import annotations

import random
import re
import sys
from functools import cache
from pathlib import Path

import yaml

_PHRASE = re.compile(r"[\u3400-\u9fff]{2,6}")
_WORD = re.compile(r"[A-Za-z]{3,}")


@cache
def bundled_questions() -> tuple[tuple[str, str, str, str, tuple[str, ...]], ...]:
    """(id, type, zh, en, competencies) of every bundled question, in file order."""
    from cs_team.repo import bundled_root

    found = []
    for path in sorted((bundled_root() / "questions").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for question in data["questions"]:
            if question["type"] == "knock-out":  # pass/fail, no rubric or competencies to copy
                continue
            text = question["text"]
            found.append((question["id"], question["type"], text["zh"], text["en"],
                          tuple(question["competencies"])))
    return tuple(found)


@cache
def _vocabulary() -> tuple[list[str], list[str]]:
    phrases, words = set(), set()
    for _, _, zh, en, _ in bundled_questions():
        phrases.update(_PHRASE.findall(zh))
        words.update(w.lower() for w in _WORD.findall(en))
    return sorted(phrases), sorted(words)


def mutate(zh: str, en: str, rng: random.Random, strength: float) -> tuple[str, str]:
    """``zh`` and ``en`` with about ``strength`` of their phrases and words replaced."""
    phrases, words = _vocabulary()
    zh = _PHRASE.sub(lambda m: rng.choice(phrases) if rng.random() < strength else m.group(), zh)
    en = _WORD.sub(lambda m: rng.choice(words) if rng.random() < strength else m.group(), en)
    return zh, en


def house_texts(count: int, seed: int = 14, strength: float = 0.5
                ) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """``count`` (type, zh, en, competencies): bundled questions, then mutated copies of them (a
    copy keeps what its original assesses, so the bank spreads over competencies as the bundled
    one does)."""
    rng = random.Random(seed)
    base = bundled_questions()
    texts = []
    for n in range(count):
        _, kind, zh, en, competencies = base[n % len(base)]
        if n >= len(base):
            zh, en = mutate(zh, en, rng, strength)
        texts.append((kind, zh, en, competencies))
    return texts


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def bank_yaml(bank_id: str, texts: list[tuple[str, str, str, tuple[str, ...]]], first: int = 0) -> str:
    """A question-bank document holding ``texts``, with ids numbered from ``first``."""
    lines = ["kind: question-bank", "format: 1", f"id: {bank_id}", "questions:"]
    for n, (kind, zh, en, competencies) in enumerate(texts, first):
        kind = "situational" if kind == "role-play" else kind  # a role-play needs a scenario too
        lines += [
            f"  - id: hq{n:05d}",
            f"    type: {kind}",
            f"    text: {{zh: {_quoted(zh)}, en: {_quoted(en)}}}",
            f"    competencies: [{', '.join(competencies)}]",
            "    minutes: 5",
            "    rubric:",
            f"      poor: {{zh: 没有具体例子{n}, en: No real example {n}}}",
            f"      fair: {{zh: 有例子但缺少结果{n}, en: An example without a result {n}}}",
            f"      strong: {{zh: 有例子也有结果{n}, en: An example with its result {n}}}",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    Path(sys.argv[2]).write_text(bank_yaml("house", house_texts(int(sys.argv[1]))), encoding="utf-8")
