"""CS301-CS312: interview questions and role requirements do not probe protected characteristics.

Chinese employment law forbids asking about marriage, childbearing, hukou, ethnicity,
religion, infectious disease, disability and more (DOMAIN.md, section 8; the rule
catalogue names the articles). Patterns match a topic as people phrase it to a
candidate, in Chinese and English, not single keywords: a situational question about
"the account holder's husband" is about a customer. Role-play scenarios describe the
customer and are not scanned; guidance that forbids a question ("不得询问婚育情况") is
not flagged.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Iterator

from cs_team.lint.registry import Report
from cs_team.lint.texts import DocumentTexts
from cs_team.loader import LoadedDocument
from cs_team.model.common import Text
from cs_team.playbook import Playbook, Site
from cs_team.rulebook import RULES
from cs_team.wording import Phrase, Texts, namespace_name, phrase, quoted_words

# code -> (anchors, patterns). Every text a pattern matches (in lower case) holds one of its
# anchors: a Chinese substring, or an English word ("marr*": any word starting so). A cheap
# first pass over all texts finds the anchors, and only those topics' patterns run.
TOPICS: dict[str, tuple[list[str], list[str]]] = {
    "CS301": (  # marital status
        ["婚", "成家", "对象", "朋友", "男友", "女友", "恋爱", "离异", "单身", "老公", "老婆", "丈夫", "妻子",
         "爱人", "配偶", "wedding",
         "marr*", "marital", "boyfriend", "girlfriend", "husband", "wife", "spouse", "partner", "single",
         "engaged", "divorced"],
        [r"(结婚|成家)了?(吗|没|没有|了没|与否)", r"什么时候(结婚|成家)", r"(打算|准备|计划)(结婚|成家)",
         r"有(没有)?(对象|男朋友|女朋友|男友|女友)", r"谈(对象|恋爱)", r"婚(否|姻状况|姻情况|恋|育)",
         r"(已婚|未婚|离异|单身)", r"你(是否|有没有|有无)?(结婚|成家)(了?(吗|没|没有|了没|与否))?",
         r"你的?(婚礼|婚姻|老公|老婆|丈夫|妻子|爱人|配偶|对象)",
         r"\bare you (married|single|engaged|divorced)\b", r"\bmarital status\b",
         r"\b(have|got) a (boy|girl)friend\b", r"\bplan(ning)? to (get )?marr(y|ied)\b",
         r"\byour (husband|wife|spouse|partner|boyfriend|girlfriend|wedding|marriage)\b",
         r"\bwhen you (got |get )?married\b"]),
    "CS302": (  # pregnancy and childbirth
        ["孩", "胎", "宝宝", "孕", "妊娠", "育", "内不", "pregnan*", "children", "kids", "baby", "family",
         "maternity"],
        [r"(要|生|怀)(孩子|小孩|二胎|三胎|宝宝|二孩|三孩)", r"怀孕|妊娠|孕检|备孕", r"(已育|未育)",
         r"(生育|育儿)(计划|打算|情况)", r"(年|月)内(不|不会)(生|要)",
         r"\bpregnan", r"\b(have|want|plan(ning)? to have|plans? for) (children|kids|a baby)\b",
         r"\bstart(ing)? a family\b", r"\bmaternity\b", r"\bfamily plans?\b"]),
    "CS303": (  # preference for one sex
        ["男", "女", "men", "women", "male", "males", "female", "females", "preferably"],
        [r"(只招|仅招|限招|只要|仅限|限)(男|女)(生|性|士)?", r"(男|女)(性|生|士)?优先",
         r"\b(men|women|males?|females?) only\b", r"\bonly (men|women|males|females)\b",
         r"\b(men|women|males?|females?) preferred\b", r"\bpreferably (male|female)\b"]),
    "CS304": (  # household registration and native place
        ["户口", "户籍", "籍贯", "哪里人", "本地人", "外地人", "老家", "农村", "城镇",
         "hukou", "household", "where", "hometown", "home", "native", "locals", "local"],
        [r"户口|户籍|籍贯|哪里人|本地人|外地人", r"老家(在|是)", r"(农村|城镇)(户口|人)",
         r"\bhukou\b", r"\bhousehold registration\b", r"\bwhere are you from\b", r"\bhome ?town\b",
         r"\bnative place\b", r"\blocals? only\b"]),
    "CS305": (  # ethnicity
        ["民族", "汉族", "ethnic*", "race"],
        [r"(什么|哪个|哪一)民族|少数民族|汉族|民族(身份|成分|情况)",
         r"\bethnic(ity)?\b", r"\bwhat race\b"]),
    "CS306": (  # religious belief
        ["宗教", "信仰", "么教", "个教", "种教", "信佛", "信基督", "信主",
         "religio*", "church", "mosque", "temple"],
        [r"宗教|信仰|信(什么|哪个|哪种)教|信佛|信基督|信主",
         r"\breligio(n|us)\b", r"\bgo to (church|mosque|temple)\b"]),
    "CS307": (  # infectious disease
        ["乙肝", "肝炎", "携带者", "传染病", "艾滋", "三阳", "两对半",
         "hepatitis", "hiv", "aids", "infectious"],
        [r"乙肝|肝炎|携带者|传染病|艾滋|大三阳|小三阳|两对半",
         r"\bhepatitis\b", r"\bhiv\b", r"\baids\b", r"\binfectious disease\b"]),
    "CS308": (  # disability
        ["残", "身体缺陷", "disab*", "handicap*"],
        [r"残疾|残障|伤残|身体缺陷", r"\bdisab(led|ility|ilities)\b", r"\bhandicap"]),
    "CS309": (  # health history
        ["病", "状况", "健康", "体检", "medical", "health", "illness", "illnesses", "chronic", "mental"],
        [r"病史|身体(健康)?状况|健康状况|身体健康|(得过|有过|有没有|有什么)(什么)?(病|疾病|大病)",
         r"(慢性|遗传|精神)(病|疾病)|体检(报告|结果)",
         r"\bmedical (history|condition)", r"\bhealth (condition|problems?|issues?|status|history)\b",
         r"\b(illness|illnesses|chronic condition)\b", r"\bmental (illness|health)\b"]),
    "CS310": (  # debts and personal finances
        ["贷", "欠", "负债", "征信", "信用卡", "loan", "loans", "debt", "debts", "credit", "owe"],
        [r"贷款|欠款|负债|欠债|网贷|征信|信用卡(欠|账单|额度)",
         r"\b(loans?|debts?|credit (score|report|history))\b", r"\bowe money\b"]),
    "CS311": (  # age limits
        ["岁", "年龄", "多大", "出生", "old", "age", "aged", "younger", "under", "birth"],
        [r"\d+\s*(岁|周岁)\s*(以上|以下|以内|之间|左右)?\s*(不考虑|不要|不招|优先)",
         r"\d+\s*(岁|周岁)\s*以(下|内)", r"年龄(限|要求|不超过|不得超过|在\s*\d)",
         r"(今年)?多大了|今年几岁|哪年出生",
         r"\bhow old are you\b", r"\bage limit\b", r"\baged? (under|over|below|above) \d+",
         r"\b\d+ (years old|or younger|or under)\b", r"\bdate of birth\b"]),
    "CS312": (  # appearance
        ["身高", "体重", "长相", "颜值", "相貌", "五官", "外貌", "形象好", "气质佳",
         "height", "weight", "looking", "attractive", "appearance"],
        [r"身高|体重|长相|颜值|相貌|五官端正|外貌|形象好|气质佳",
         r"\b(height|body weight|good[- ]looking|attractive|physical appearance)\b"]),
}

_CJK_CODES: dict[str, set[str]] = {}
_WORD_CODES: dict[str, set[str]] = {}
_STEM_CODES: dict[str, set[str]] = {}
for _code, (_anchors, _) in TOPICS.items():
    for _anchor in _anchors:
        if not _anchor.isascii():
            _CJK_CODES.setdefault(_anchor, set()).add(_code)
        elif _anchor.endswith("*"):
            _STEM_CODES.setdefault(_anchor[:-1], set()).add(_code)
        else:
            _WORD_CODES.setdefault(_anchor, set()).add(_code)
_CJK_GATE = re.compile("|".join(map(re.escape, sorted(_CJK_CODES, key=len, reverse=True))))
_STEM_LENGTHS = sorted({len(stem) for stem in _STEM_CODES})


def _by_first_letter(words: dict[str, bool]) -> str:
    """One regex alternation of ``words`` (True: a stem, any letters may follow), grouped by their
    first letter: a flat alternation of seventy words is tried word by word at every position, a
    grouped one tries one branch per letter, which made the English gate several times faster (a
    full letter trie was no faster and took 9 ms to compile)."""
    groups: dict[str, list[str]] = {}
    for word, stem in sorted(words.items()):
        groups.setdefault(word[0], []).append(re.escape(word[1:]) + ("[a-z]*" if stem else ""))
    branches = [first + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
                for first, rests in sorted(groups.items())]
    return "(?:" + "|".join(branches) + ")"


# An English anchor is a whole word of letters (a-z) with no word character either side, as
# \b[a-z]+\b finds words: the non-word character before it is matched too (\W, or the NUL that
# starts and separates the texts), since a pattern starting with a character class is searched
# far faster than one starting with \b. Group 1 is the word.
_ENGLISH_WORDS = _by_first_letter({
    **{word: False for word in _WORD_CODES if re.fullmatch("[a-z]+", word)},
    **{stem: True for stem in _STEM_CODES if re.fullmatch("[a-z]+", stem)}})
_ENGLISH_GATE = re.compile(r"\W(" + _ENGLISH_WORDS + r")\b")
# ASCII texts are searched in a copy where every other word character is X and every non-word
# character a space: the same words are whole there, and a pattern starting with a space is
# searched twice as fast as one starting with \W.
_ASCII_WORDS = str.maketrans({**{chr(c): " " for c in range(128) if not chr(c).isalnum() and chr(c) != "_"},
                              **{c: "X" for c in "0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZ"}})
_ASCII_ENGLISH_GATE = re.compile(" (" + _ENGLISH_WORDS + ")(?= )")
_PATTERNS = {code: re.compile("|".join(f"(?:{p})" for p in patterns))
             for code, (_, patterns) in TOPICS.items()}
_NEGATION = re.compile(
    r"不得|不要|不能|不可|不应|禁止|切勿|严禁|避免|勿|不询问|不问|"
    r"\b(do not|don't|never|must not|avoid|no questions?)\b")
_CLAUSE_END = re.compile(r"[。！？!?；;\n]|\.\s")
SKIPPED_FIELDS = frozenset({"scenario"})
"""Role-play scenarios describe the customer (her age, her husband), not the candidate."""


@functools.cache
def _word_codes(word: str) -> frozenset[str]:
    codes = set(_WORD_CODES.get(word, ()))
    for length in _STEM_LENGTHS:
        codes |= _STEM_CODES.get(word[:length], set())
    return frozenset(codes)


def topics_worth_checking(lowered: list[str]) -> list[set[str] | frozenset[str]]:
    """For each text, the codes whose anchors it holds: usually none, and then nothing more runs.

    All texts are searched as one string: a regex call per text costs more than the search.
    """
    hits = _anchored(lowered)
    return [hits.get(index, _NONE) for index in range(len(lowered))]


_NONE: frozenset[str] = frozenset()


def _anchored(lowered: list[str]) -> dict[int, set[str]]:
    """Index -> the codes whose anchors that text holds, for the texts holding any."""
    hits: dict[int, set[str]] = {}
    ascii_ = [t.isascii() for t in lowered]
    # Chinese anchors can only be in texts that are not plain ASCII: about half of them.
    others = list(itertools.compress(range(len(lowered)), [not a for a in ascii_]))
    wide = [lowered[i] for i in others]
    for match, index in _owned(_CJK_GATE, wide, 0):
        hits.setdefault(others[index], set()).update(_CJK_CODES[match.group()])
    for match, index in _owned(_ENGLISH_GATE, wide, 1):
        hits.setdefault(others[index], set()).update(_word_codes(match.group(1)))
    plain = list(itertools.compress(range(len(lowered)), ascii_))
    for match, index in _owned(_ASCII_ENGLISH_GATE, [lowered[i] for i in plain], 1, _ASCII_WORDS):
        hits.setdefault(plain[index], set()).update(_word_codes(match.group(1)))
    return hits


def _owned(pattern: re.Pattern[str], texts: list[str], group: int,
           table: dict[int, str] | None = None) -> Iterator[tuple[re.Match[str], int]]:
    """Each match of ``pattern`` in the texts joined by NUL (one leads; with ``table``, translated
    by it and a space added), with its text's index; ``group``'s start decides the text."""
    joined = "\x00" + "\x00".join(texts)
    if table is not None:
        joined = joined.translate(table) + " "
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=1))
    for match in pattern.finditer(joined):
        yield match, bisect.bisect_right(starts, match.start(group)) - 1


def _matches(text: str, lowered: str, codes: Iterable[str]) -> Iterator[tuple[str, str]]:
    for code in sorted(codes):
        for match in _PATTERNS[code].finditer(lowered):
            start = max((m.end() for m in _CLAUSE_END.finditer(lowered, 0, match.start())), default=0)
            if not _NEGATION.search(lowered, start, match.start()):
                yield code, text[match.start():match.end()]


def problems(text: str, gate: bool = True) -> Iterator[tuple[str, str]]:
    """(rule code, the words that matched) for each protected topic ``text`` probes."""
    lowered = text.lower()
    codes = topics_worth_checking([lowered])[0] if gate else TOPICS
    return _matches(text, lowered, codes)


# kind -> the list whose items are each one subject ("question 'x'"); None: the document is one.
_SUBJECT_LISTS = {"question-bank": "questions", "role": None, "competency": None}


def _subject(document: LoadedDocument, path: tuple) -> Phrase:
    model = document.model
    field = _SUBJECT_LISTS[document.kind or ""]
    if field is None:
        return phrase("rules.subject_document", kind=namespace_name(document.kind or ""), id=model.id)
    return phrase("rules.subject_question", id=getattr(model, field)[path[1]].id)


class Scan:
    """Every text scanned once per playbook, the reports sorted by rule (twelve rules share it)."""

    def __init__(self, playbook: Playbook) -> None:
        self.found = _scan(playbook)


def _scan(playbook: Playbook) -> dict[str, list[Report]]:
    walked = playbook.index(DocumentTexts)
    documents = [document for document in playbook.repo.documents
                 if document.kind in _SUBJECT_LISTS and document.model is not None]
    # One flat list of texts and one of their strings, with where each document's texts and each
    # text's strings end: a place for every string (tens of thousands) cost more than the search.
    texts: list[Text] = []
    firsts: list[int] = []
    for document in documents:
        firsts.append(len(texts))
        texts += walked.texts(document, SKIPPED_FIELDS)
    lowered = [value.lower() for text in texts for _, value in text.translations]
    ends = list(itertools.accumulate(map(len, map(operator.attrgetter("translations"), texts))))
    found: dict[str, list[Report]] = {code: [] for code in TOPICS}
    for index, codes in sorted(_anchored(lowered).items()):
        number = bisect.bisect_right(ends, index)
        text = texts[number]
        lang, value = text.translations[index - (ends[number - 1] if number else 0)]
        by_code: dict[str, list[str]] = {}
        for code, words in _matches(value, lowered[index], codes):
            by_code.setdefault(code, []).append(words)
        if not by_code:
            continue
        owner = bisect.bisect_right(firsts, number) - 1
        document = documents[owner]
        path = walked.paths(document, SKIPPED_FIELDS)[number - firsts[owner]]
        if not text.plain:
            path = (*path, lang)
        for code, words in by_code.items():
            quoted = quoted_words(dict.fromkeys(words))
            rule = RULES[code]
            found[code].append(Report(Site(document, path), phrase(
                "rules.fair_hiring", subject=_subject(document, path), topic=rule.name.replace("-", " "),
                quoted=quoted, summary=Texts(tuple(rule.summaries.items())), code=code)))
    return found


def check(playbook: Playbook, code: str) -> Iterator[Report]:
    return iter(playbook.index(Scan).found[code])


def checks() -> dict[str, Callable[[Playbook], Iterator[Report]]]:
    """One check per topic code, all served by the one scan."""
    return {code: functools.partial(check, code=code) for code in TOPICS}


def screened_topics(text: str) -> Iterator[tuple[str, str]]:
    """(rule code, the words) for each protected topic ``text`` names, negated or not.

    For a knock-out's condition: "不是乙肝携带者" rejects carriers as surely as asking does.
    """
    lowered = text.lower()
    for code in sorted(topics_worth_checking([lowered])[0]):
        for match in _PATTERNS[code].finditer(lowered):
            yield code, text[match.start():match.end()]
