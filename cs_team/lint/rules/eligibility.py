"""CS255: eligibility is asked as a knock-out, not rated; CS256: Mandarin only where callers hear it.

CS255. "Can you work nights?", "when could you start?", "which ticketing tools have you used?"
have a yes-or-no answer that decides whether the candidate can take the job at all. Rated 1-5
under a competency, they add points for availability and take them from the new graduates a
junior post welcomes, and a candidate who cannot work the shifts can still win on total. A
`closed` or `open` question whose text asks such a thing should be `type: knock-out` with
`passes:`.

CS256. A Putonghua level (普通话二级乙等) is a fair requirement for a post whose customers hear the
agent; for a post that only writes (chat, email, social) it screens out speakers of other
dialects and languages for nothing the job needs. A role the hiring inputs staff on channels
of which none is voice is read for it, in its requirements and the knock-outs its kit asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cs_team.interview import asked_knock_outs
from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import phrase

ELIGIBILITY = re.compile(
    r"(能|可以|是否)(接受|适应|配合)[^，。？?；]{0,16}(轮班|倒班|夜班|早晚班|排班|值班|加班|周末|节假日|凌晨)"
    r"|(最早|什么时候|何时|多久)[^，。？?；]{0,6}(到岗|入职|上班|报到)|到岗时间"
    r"|用过(哪些|什么)?[^，。？?；]{0,12}(系统|工具|工作台|软件)"
    r"|英语(水平|等级|四级|六级)|(四|六)级(证书|成绩)"
    r"|\bcan you (work|do|accept)\b[^.?;]{0,30}\b(shifts?|nights?|weekends?|holidays?|overtime)\b"
    r"|\b(when|how soon) (could|can) you (start|join)\b|\bstart date\b"
    r"|\b(which|what) [^.?;]{0,30}\b(tools?|systems?|software)\b[^.?;]{0,12}\bhave you used\b"
    r"|\bhave you used\b[^.?;]{0,30}\b(tools?|systems?|software)\b"
    r"|\benglish (level|certificate|test score)\b|\bcet-?[46]\b",
    re.IGNORECASE)

# Words one of which every match of ELIGIBILITY holds (compared as it compares, ignoring case):
# most texts hold none, and this search is a third of the cost of the one it spares.
_ELIGIBILITY_GATE = re.compile(
    "接受|适应|配合|到岗|入职|上班|报到|用过|英语|级|can you|start|join|have you used|english|cet",
    re.IGNORECASE)

RATED_ASKING = {"closed", "open"}

MANDARIN = re.compile(r"普通话|\bputonghua\b|\bmandarin\b", re.IGNORECASE)


def eligibility_words(question) -> str | None:
    for value in question.text.all_strings():
        match = ELIGIBILITY.search(value) if _ELIGIBILITY_GATE.search(value) else None
        if match:
            return match.group()
    return None


def check_rated(playbook: Playbook) -> Iterator[Report]:
    for bank in playbook.banks:
        for i, question in enumerate(bank.questions):
            if question.type not in RATED_ASKING:
                continue
            words = eligibility_words(question)
            if words is not None:
                yield Report(playbook.site(bank).at("questions", i, "type"), phrase(
                    "content.eligibility_rated", id=question.id, type=question.type, words=words,
                    competencies=", ".join(question.competencies)))


def _written_only(playbook: Playbook) -> dict[str, list[str]]:
    """Role id -> the channels that staff it, for roles staffed on no voice channel."""
    channels: dict[str, list[tuple[str, str]]] = {}
    for inputs in playbook.hiring.values():
        for channel in inputs.channels:
            for role in channel.roles:
                channels.setdefault(role, []).append((channel.id, channel.type))
    return {role: [c for c, _ in found] for role, found in channels.items()
            if all(kind != "voice" for _, kind in found)}


def check_mandarin(playbook: Playbook) -> Iterator[Report]:
    for role_id, channels in sorted(_written_only(playbook).items()):
        role = playbook.roles.get(role_id)
        if role is None:
            continue
        site = playbook.site(role)
        listed = ", ".join(channels)
        requirements = role.requirements
        fields = [(("requirements", name, i), text) for name in ("knowledge", "skills", "traits")
                  for i, text in enumerate(getattr(requirements, name))]
        if requirements.education is not None:
            fields.append((("requirements", "education"), requirements.education))
        for path, text in fields:
            if any(MANDARIN.search(value) for value in text.all_strings()):
                yield Report(site.at(*path), phrase("content.mandarin_written_role", role=role_id,
                                                    channels=listed))
        for question in asked_knock_outs(playbook, role):
            if any(MANDARIN.search(value) for value in question.text.all_strings()):
                yield Report(site.at("interview"), phrase(
                    "content.mandarin_knock_out", role=role_id, channels=listed, id=question.id), key=True)
