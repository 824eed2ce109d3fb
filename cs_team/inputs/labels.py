"""Values as people type them in Excel or WPS, in either language, read as cs-team's words.

The printed labels are accepted (是/否, 录用/不录用, 强烈推荐录用, Strong yes), and so are the
date forms spreadsheets produce (2026/9/28, 2026-9-28, 2026年9月28日, a date cell).
"""

from __future__ import annotations

import datetime as dt
import re

_YES_NO = {
    "yes": True, "y": True, "true": True, "1": True, "是": True, "对": True, "有": True, "出勤": True,
    "√": True, "✓": True,
    "no": False, "n": False, "false": False, "0": False, "否": False, "不是": False, "无": False,
    "缺勤": False, "×": False, "✗": False,
}

RECOMMENDATION_LABELS = {
    "strong-no": ("坚决不录用", "strong no"),
    "no": ("不录用", "no"),
    "yes": ("录用", "yes"),
    "strong-yes": ("强烈推荐录用", "强烈推荐", "strong yes"),
}
_RECOMMENDATIONS = {label: word for word, labels in RECOMMENDATION_LABELS.items() for label in labels}

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def yes_no(value: object) -> bool | None:
    """True or False for yes/no in either language (or a boolean cell), else None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        return _YES_NO.get(value.strip().lower(), _YES_NO.get(value.split(" / ")[0].strip().lower()))
    return None


def recommendation(value: object) -> str | None:
    """strong-no, no, yes or strong-yes from the word, a printed label, or a YAML boolean."""
    if isinstance(value, bool):  # YAML 1.1 reads a bare yes / no as a boolean
        return "yes" if value else "no"
    for part in (str(value), *str(value).split(" / ")):  # a zh-en form's "录用 / Yes"
        folded = " ".join(part.replace("_", "-").split()).lower()
        if folded in RECOMMENDATION_LABELS:
            return folded
        found = _RECOMMENDATIONS.get(folded, _RECOMMENDATIONS.get(folded.replace("-", " ")))
        if found is not None:
            return found
    return None


def date(value: object) -> dt.date | None:
    """A date from a date cell, ISO text, or 2026/9/28, 2026-9-28, 2026.9.28, 2026年9月28日."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = _DATE.fullmatch(value.strip())
    if match is None:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
