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

import re
from collections.abc import Iterator

from cs_team.lint.registry import RULES, Report, rule
from cs_team.lint.rules.languages import texts
from cs_team.playbook import Playbook

TOPICS: dict[str, list[str]] = {
    "CS301": [  # marital status
        r"(结婚|成家)了?(吗|没|没有|了没|与否)", r"什么时候(结婚|成家)", r"(打算|准备|计划)(结婚|成家)",
        r"有(没有)?(对象|男朋友|女朋友|男友|女友)", r"谈(对象|恋爱)", r"婚(否|姻状况|姻情况|恋|育)",
        r"(已婚|未婚|离异|单身)",
        r"\bare you (married|single|engaged|divorced)\b", r"\bmarital status\b",
        r"\b(have|got) a (boy|girl)friend\b", r"\bplan(ning)? to (get )?marr(y|ied)\b",
        r"\byour (husband|wife|spouse|partner|boyfriend|girlfriend)\b",
    ],
    "CS302": [  # pregnancy and childbirth
        r"(要|生|怀)(孩子|小孩|二胎|三胎|宝宝|二孩|三孩)", r"怀孕|妊娠|孕检|备孕", r"(已育|未育)",
        r"(生育|育儿)(计划|打算|情况)", r"(年|月)内(不|不会)(生|要)",
        r"\bpregnan", r"\b(have|want|plan(ning)? to have|plans? for) (children|kids|a baby)\b",
        r"\bstart(ing)? a family\b", r"\bmaternity\b", r"\bfamily plans?\b",
    ],
    "CS303": [  # preference for one sex
        r"(只招|仅招|限招|只要|仅限|限)(男|女)(生|性|士)?", r"(男|女)(性|生|士)?优先",
        r"\b(men|women|males?|females?) only\b", r"\bonly (men|women|males|females)\b",
        r"\b(men|women|males?|females?) preferred\b", r"\bpreferably (male|female)\b",
    ],
    "CS304": [  # household registration and native place
        r"户口|户籍|籍贯|哪里人|本地人|外地人", r"老家(在|是)", r"(农村|城镇)(户口|人)",
        r"\bhukou\b", r"\bhousehold registration\b", r"\bwhere are you from\b", r"\bhome ?town\b",
        r"\bnative place\b", r"\blocals? only\b",
    ],
    "CS305": [  # ethnicity
        r"(什么|哪个|哪一)民族|少数民族|汉族|民族(身份|成分|情况)",
        r"\bethnic(ity)?\b", r"\bwhat race\b",
    ],
    "CS306": [  # religious belief
        r"宗教|信仰|信(什么|哪个|哪种)教|信佛|信基督|信主",
        r"\breligio(n|us)\b", r"\bgo to (church|mosque|temple)\b",
    ],
    "CS307": [  # infectious disease
        r"乙肝|肝炎|携带者|传染病|艾滋|大三阳|小三阳|两对半",
        r"\bhepatitis\b", r"\bHIV\b", r"\bAIDS\b", r"\binfectious disease\b",
    ],
    "CS308": [  # disability
        r"残疾|残障|伤残|身体缺陷", r"\bdisab(led|ility|ilities)\b", r"\bhandicap",
    ],
    "CS309": [  # health history
        r"病史|身体(健康)?状况|健康状况|身体健康|(得过|有过|有没有|有什么)(什么)?(病|疾病|大病)",
        r"(慢性|遗传|精神)(病|疾病)|体检(报告|结果)",
        r"\bmedical (history|condition)", r"\bhealth (condition|problems?|issues?|status|history)\b",
        r"\b(illness|illnesses|chronic condition)\b", r"\bmental (illness|health)\b",
    ],
    "CS310": [  # debts and personal finances
        r"贷款|欠款|负债|欠债|网贷|征信|信用卡(欠|账单|额度)",
        r"\b(loans?|debts?|credit (score|report|history))\b", r"\bowe money\b",
    ],
    "CS311": [  # age limits
        r"\d+\s*(岁|周岁)\s*(以上|以下|以内|之间|左右)?\s*(不考虑|不要|不招|优先)",
        r"\d+\s*(岁|周岁)\s*以(下|内)", r"年龄(限|要求|不超过|不得超过|在\s*\d)",
        r"(今年)?多大了|今年几岁|哪年出生",
        r"\bhow old are you\b", r"\bage limit\b", r"\baged? (under|over|below|above) \d+",
        r"\b\d+ (years old|or younger|or under)\b", r"\bdate of birth\b",
    ],
    "CS312": [  # appearance
        r"身高|体重|长相|颜值|相貌|五官端正|外貌|形象好|气质佳",
        r"\b(height|body weight|good[- ]looking|attractive|physical appearance)\b",
    ],
}

_COMBINED = re.compile(
    "|".join(f"(?P<{code}>{'|'.join(f'(?:{p})' for p in patterns)})" for code, patterns in TOPICS.items()),
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"不得|不要|不能|不可|不应|禁止|切勿|严禁|避免|勿|不询问|不问|"
    r"\b(do not|don't|never|must not|avoid|no questions?)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[。！？!?；;\n]|\.\s")
SKIPPED_FIELDS = {"scenario"}
"""Role-play scenarios describe the customer (her age, her husband), not the candidate."""


def problems(text: str) -> Iterator[tuple[str, str]]:
    """(rule code, the words that matched) for each protected topic ``text`` probes."""
    for match in _COMBINED.finditer(text):
        start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, match.start())), default=0)
        if not _NEGATION.search(text, start, match.start()):
            yield match.lastgroup or "", match.group()


def _subjects(playbook: Playbook) -> Iterator[tuple[str, object]]:
    for question in playbook.questions.values():
        yield f"question '{question.id}'", question
    for role in playbook.roles.values():
        yield f"role '{role.id}'", role
    for competency in playbook.competencies.values():
        yield f"competency '{competency.id}'", competency


def check(playbook: Playbook, code: str) -> Iterator[Report]:
    for subject, item in _subjects(playbook):
        site = playbook.site(item)
        for path, text in texts(item):
            if SKIPPED_FIELDS & {p for p in path if isinstance(p, str)}:
                continue
            for lang, value in text.translations:
                words = list(dict.fromkeys(w for found, w in problems(value) if found == code))
                if words:
                    where = site.at(*path) if text.plain else site.at(*path, lang)
                    quoted = ", ".join(f'"{w}"' for w in words)
                    yield Report(where, f"{subject} touches {RULES[code].name.replace('-', ' ')} "
                                 f"({quoted}): {RULES[code].summaries['zh']} Remove it; "
                                 f"`cs-team rules {code}` gives the law and a better question")


def _register(code: str) -> None:
    rule(code)(lambda playbook: check(playbook, code))


for _code in TOPICS:
    _register(_code)
