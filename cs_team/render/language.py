"""Which languages a document shows, and labels from the message catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from cs_team.model.common import Text
from cs_team.wording import fill

MODES = ("zh", "en", "zh-en")


@cache
def catalogue() -> dict[str, dict[str, str]]:
    import yaml

    text = (resources.files(__package__) / "messages.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@dataclass(frozen=True)
class Language:
    mode: str
    """zh, en or zh-en."""
    default: str
    """The repository's default language: what a plain string is written in."""

    @property
    def languages(self) -> tuple[str, ...]:
        return ("zh", "en") if self.mode == "zh-en" else (self.mode,)

    @property
    def primary(self) -> str:
        return self.languages[0]

    @property
    def marks(self) -> dict[str, str]:
        """Punctuation that follows the text before it: full-width in a zh document; in zh-en
        every text and label ends in English, so its marks stay ASCII."""
        if self.mode == "zh":
            return {"open": "（", "close": "）", "colon": "：", "comma": "、", "semicolon": "；"}
        return {"open": " (", "close": ")", "colon": ": ", "comma": ", ", "semicolon": "; "}

    def weekday_names(self) -> list[str]:
        """Monday first, in the languages shown ("周一 Mon" for zh-en)."""
        names = catalogue()["weekday_names"]
        return [" ".join(day) for day in zip(*(names[lang] for lang in self.languages), strict=True)]

    def label(self, key: str, **values: object) -> str:
        """A catalogue label as plain text ("入职 / Onboarding" for zh-en), for files that are not
        documents (calendar entries)."""
        entry = catalogue()
        for part in key.split("."):
            entry = entry[part]
        texts = [fill(entry[code], {k: v.best(code, self.default) if isinstance(v, Text) else v
                                    for k, v in values.items()}, spaced=code == "zh")
                 for code in self.languages]
        return " / ".join(dict.fromkeys(texts))

    def plain(self, value: Text | str | None) -> str:
        """A playbook text as one plain string in the languages shown."""
        return " / ".join(text for _, text in self.text(value))

    def text(self, value: Text | str | None) -> list[tuple[str, str]]:
        """A playbook text in each language shown (falling back when one is not written); a plain
        string (a person's name) as it is."""
        if value is None:
            return []
        if isinstance(value, str):
            return [(self.primary, value)]
        found = [(lang, value.get(lang, self.default)) for lang in self.languages]
        written = [(lang, text) for lang, text in found if text]
        if written:
            # zh-en of a text written once: show it once, not twice
            return list(dict((text, (lang, text)) for lang, text in written).values())
        return [(self.primary, value.best(self.primary, self.default))]
