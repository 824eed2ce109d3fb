"""CS275-CS279: post-training surveys that can be scored: the modules they follow exist, question
ids are unique, the scale says what its ends mean, one survey per module, and something to rate."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Check, Report
from cs_team.lint.repeats import repeated
from cs_team.playbook import Playbook, Site
from cs_team.wording import did_you_mean, phrase


def check_modules(playbook: Playbook) -> Iterator[Report]:
    """CS275: a survey names the modules it follows, and they exist."""
    for survey in playbook.surveys:
        site = playbook.site(survey)
        for m, key in enumerate(survey.modules):
            if key in playbook.unreadable_ids or playbook.exists("module", key):
                continue
            hint = did_you_mean(key, playbook.declared.get("module", {}))
            yield Report(site.at("modules", m),
                         phrase("rules.survey_module_unknown", key=key, hint=hint))


def check_question_ids(playbook: Playbook) -> Iterator[Report]:
    """CS276: question ids are unique in a survey: they head the columns of a filled sheet."""
    for survey in playbook.surveys:
        site = playbook.site(survey)
        places = [(site.at("questions", q, "id"), question.id) for q, question in enumerate(survey.questions)]
        for where, key, first in repeated(places):
            yield Report(where, phrase("rules.survey_question_twice", key=key, where=first.where()))


def check_scale(playbook: Playbook) -> Iterator[Report]:
    """CS277: every label sits on the scale, and both ends say what they mean."""
    for survey in playbook.surveys:
        site, scale = playbook.site(survey).at("scale"), survey.scale
        for point in scale.labels:
            if not 1 <= point <= scale.points:
                yield Report(site.at("labels", point), key=True,
                             message=phrase("rules.survey_label_off_scale", point=point, points=scale.points))
        missing = [str(end) for end in (1, scale.points) if end not in scale.labels]
        if missing:
            yield Report(site.at("labels"), phrase("rules.survey_ends_unlabelled", missing=", ".join(missing),
                                                   points=scale.points), key=True)


def check_one_survey_per_module(playbook: Playbook) -> Iterator[Report]:
    """CS278: a module is surveyed by one survey, so a filled sheet's module names its questions."""
    first: dict[str, Site] = {}
    for survey in playbook.surveys:
        site = playbook.site(survey)
        for m, key in enumerate(survey.modules):
            if key in first:
                yield Report(site.at("modules", m),
                             phrase("rules.survey_module_twice", key=key, where=first[key].where()))
            else:
                first[key] = site.at("modules", m)


def check_has_rating(playbook: Playbook) -> Iterator[Report]:
    """CS279: the reaction is scored from ratings: a survey of free text alone cannot be."""
    for survey in playbook.surveys:
        if not survey.ratings():
            yield Report(playbook.site(survey).at("questions"), key=True,
                         message=phrase("rules.survey_no_rating", id=survey.id))


def checks() -> dict[str, Check]:
    return {"CS275": check_modules, "CS276": check_question_ids, "CS277": check_scale,
            "CS278": check_one_survey_per_module, "CS279": check_has_rating}
