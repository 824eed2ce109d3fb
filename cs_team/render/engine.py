"""The Jinja environment documents are rendered with.

- Built-in templates ship in the package; a repository's ``templates:`` folder overrides any of
  them by name or adds its own. All run in Jinja's sandbox, so a user template cannot reach
  Python internals.
- ``StrictUndefined``: a misspelt variable is an error naming the template and line.
- Escaping is explicit, by format: ``*.html.j2`` autoescape HTML; ``*.md.j2`` escape every value
  the Markdown way (``markdown.escape``) before output. Playbook text is data: it is never
  rendered as a template, so ``{{ 7*7 }}`` in a question stays literally that.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError
from markupsafe import Markup, escape

from cs_team.controls import strip_bidi
from cs_team.errors import InputError
from cs_team.model.common import Text
from cs_team.render import limits, markdown
from cs_team.render.language import Language, catalogue
from cs_team.repo import bundled_templates
from cs_team.wording import fill, phrase, said

FORMATS = ("md", "html")


@dataclass(frozen=True)
class Term:
    """A catalogue key standing for its label, in whichever language the sentence around it is."""

    key: str

    def word(self, lang: str) -> str:
        entry: Any = catalogue()
        for part in self.key.split("."):
            entry = entry[part]
        return entry[lang]


CURRENCY_NAMES_ZH = {"CNY": "元", "RMB": "元", "HKD": "港元", "MOP": "澳门元", "TWD": "新台币",
                     "USD": "美元", "EUR": "欧元", "GBP": "英镑", "JPY": "日元", "SGD": "新加坡元"}


class Renderer:
    def __init__(self, language: Language, output: str, user_templates: Path | None = None) -> None:
        if output not in FORMATS:
            raise ValueError(output)
        self.language, self.output = language, output
        users = [ContainedLoader(user_templates)] if user_templates and user_templates.is_dir() else []
        self.env = limits.BoundedSandbox(
            loader=ChoiceLoader([*users, FileSystemLoader(str(bundled_templates()))]),
            autoescape=True,  # both formats; Markdown values are escaped by finalize first
            finalize=markdown.escape if output == "md" else _without_bidi,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.globals.update(label=self.label, term=self.term, text=self.text, lines=self.lines,
                                href=self.href, lang=language, colon=self.colon,
                                colon_space=self.colon_space, sep=self.sep,
                                comma=Markup(language.marks["comma"]),
                                semicolon=Markup(language.marks["semicolon"]), unit=self.unit,
                                paren=self.paren)

    # -- helpers the templates call; each returns markup already escaped for the format --------
    def _escape(self, value: str) -> Markup:
        return markdown.escape(value) if self.output == "md" else escape(value)

    def _join(self, parts: list[tuple[str, str]], block: bool) -> Markup:
        if self.output == "html":
            if len(parts) == 1 and parts[0][0] == self.language.primary:
                # the page's own language needs no span: one on every label and text was most of
                # a printed plan's tags (a fifth of its printing time)
                return escape(_without_bidi(parts[0][1]))
            # The second language follows inline, muted; under the first for paragraph-like text.
            second = "second block" if block else "second"
            return Markup(" ").join(
                Markup('<span lang="{}" class="{}">{}</span>').format(
                    lang, second if i else "first", _without_bidi(text))
                for i, (lang, text) in enumerate(parts))
        escaped = [self._escape(text) for _, text in parts]
        return Markup("<br>" if block else " / ").join(escaped)

    def label(self, key: str, **values: Any) -> Markup:
        """A catalogue label ("question_types.case" for nested ones), with {placeholders} filled."""
        entry: Any = catalogue()
        for part in key.split("."):
            entry = entry[part]
        parts = [(lang, fill(entry[lang], self._worded(values, lang), spaced=lang == "zh"))
                 for lang in self.language.languages]
        unique = list({text: (lang, text) for lang, text in reversed(parts)}.values())[::-1]
        return self._join(unique, block=False)  # "%" once, not "% / %"

    def _worded(self, values: dict[str, Any], lang: str) -> dict[str, Any]:
        """Values to fill a label in ``lang``: a playbook text (a name) or a catalogue term in
        that language."""
        return {key: value.best(lang, self.language.default) if isinstance(value, Text)
                else value.word(lang) if isinstance(value, Term) else value
                for key, value in values.items()}

    @property
    def colon(self) -> Markup:
        """The colon right after a label, before a closing ``**`` or tag ("追问：", "Probes:")."""
        return Markup(self.language.marks["colon"].rstrip())

    @property
    def colon_space(self) -> Markup:
        """A colon and the space after it: "：" closes up in Chinese, ": " in English."""
        return Markup(self.language.marks["colon"])

    def unit(self, currency: str) -> Markup:
        """A currency as a Chinese reader names an amount of it ("12,000 元", not "12,000 CNY");
        the ISO code in English and in zh-en, and for a code this table does not know."""
        if self.language.mode == "zh":
            return self._escape(CURRENCY_NAMES_ZH.get(currency.upper(), currency))
        return self._escape(currency)

    def sep(self, separator: str) -> Markup:
        """Between the items of a list: the enumeration comma 、 in a Chinese document, else
        ``separator`` (", " or "; ", as the template chose for English and zh-en)."""
        return Markup(self.language.marks["comma"] if self.language.mode == "zh" else separator)

    def paren(self, inner: Any) -> Markup:
        """An aside after a word, in brackets: full-width and close up in a Chinese document
        ("满意度（越高越好）"), after a space otherwise ("CSAT (higher is better)")."""
        marks = self.language.marks
        return Markup("{}{}{}").format(Markup(marks["open"]), inner, Markup(marks["close"]))

    @staticmethod
    def term(key: str) -> Term:
        """A catalogue label to put inside another label, worded in the same language
        (``label("solver_line", status=term("solver_status.optimal"))``)."""
        return Term(key)

    def text(self, value: Text | str | None, block: bool = False) -> Markup:
        """A playbook text in the languages shown; ``block`` stacks them instead of ``a / b``."""
        return self._join(self.language.text(value), block)

    @staticmethod
    def href(*parts: str) -> Markup:
        """A relative link, each part URL-quoted (safe in an HTML attribute and a Markdown link)."""
        return Markup("/".join(quote(str(part)) for part in parts))

    def lines(self, count: int) -> Markup:
        """Blank lines to write on."""
        if self.output == "html":
            return Markup('<div class="write-lines">{}</div>').format(
                Markup("").join(Markup('<div class="line"></div>') for _ in range(count)))
        return Markup("\n".join(["&nbsp;"] * count))

    def render(self, name: str, **context: Any) -> str:
        template_name = f"{name}.{self.output}.j2"
        try:
            return limits.render(self.env, self.env.get_template(template_name), context)
        except limits.RenderLimit as error:
            where = error.place or _template_place(error) or template_name
            raise InputError(phrase("template.bounded", where=where, reason=said(error))) from None
        except RecursionError as error:
            where = _template_place(error) or template_name
            raise InputError(phrase("template.recursion", where=where)) from None
        except TemplateSyntaxError as error:
            where = f"{error.filename or error.name}:{error.lineno}"
            raise InputError(phrase("template.error", where=where, message=error.message or "")) from None
        except TemplateError as error:
            raise InputError(phrase("template.error", where=_template_place(error) or template_name,
                                    message=said(error))) from None


def _without_bidi(value: Any) -> Any:
    """Playbook text for HTML without bidirectional controls (they reorder what the reader sees)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return strip_bidi(value)
    return value


class ContainedLoader(FileSystemLoader):
    """A repository's own templates: a file reached through a link out of the folder is refused."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = folder

    def get_source(self, environment: Any, template: str) -> tuple[str, str | None, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        real, inside = os.path.realpath(filename or ""), os.path.realpath(self.folder)  # now, not once
        if os.path.commonpath([real, inside]) != inside:
            raise TemplateError(phrase("template.outside", template=template, real=real))
        return source, filename, uptodate


def _template_place(error: BaseException) -> str | None:
    """``file:line`` of the innermost template frame of an error raised while rendering."""
    place = None
    trace = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            place = f"{filename}:{trace.tb_lineno}"
        trace = trace.tb_next
    return place


@lru_cache(maxsize=16)
def renderer(language: Language, output: str, user_templates: Path | None = None) -> Renderer:
    """One renderer per language, format and template folder: its Jinja environment keeps the
    compiled templates, which `build` would otherwise compile again for every page (Jinja checks
    a user template's modification time, so an edited one is read again)."""
    return Renderer(language, output, user_templates)
