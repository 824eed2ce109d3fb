"""A plan's notices (start moved, stage longer, holidays not published ...) as sentences."""

from __future__ import annotations

import datetime as dt

from cs_team.model.common import Text
from cs_team.render.language import Language
from cs_team.schedule.notices import Notice


def notice_texts(lang: Language, notices: list[Notice], capital: bool = True) -> list[str]:
    """The plan's notices as sentences in the document's language(s)."""
    texts = []
    for notice in notices:
        params = {key: value.isoformat() if isinstance(value, dt.date) else
                  lang.plain(value) if isinstance(value, Text) else
                  lang.label(f"resource_kinds.{value}") if key == "kind" else value
                  for key, value in notice.values}
        if "kind" in params:  # "trainer 周敏", "room Lab A"; a trainer no template names: "the trainer"
            params["who"] = f"{params['kind']} {params.get('resource') or ''}".strip()
        text = lang.label(f"plan_notices.{notice.code}", **params)
        texts.append(text[:1].upper() + text[1:] if capital else text)
    return texts
