"""CS230-CS234: QA forms (质检评分表) that can score a contact: points add up to the total,
competencies resolve, red lines say what a hit is, one form per channel, item ids unique."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Check, Report
from cs_team.lint.repeats import repeated
from cs_team.playbook import Playbook, Site
from cs_team.wording import did_you_mean, namespace_name, phrase


def check_points(playbook: Playbook) -> Iterator[Report]:
    """CS230: the items' points add up to the form's total."""
    for form in playbook.qa_forms:
        points = sum(item.points for _, _, item in form.items())
        if points != form.total:
            listed = ", ".join(f"{section.id} {sum(i.points for i in section.items)}"
                               for section in form.sections)
            change = phrase("rules.lower" if points > form.total else "rules.raise")
            yield Report(playbook.site(form).at("sections"),
                         phrase("rules.qa_points", points=points, total=form.total, listed=listed,
                                change=change, difference=abs(points - form.total)), key=True)


def check_competencies(playbook: Playbook) -> Iterator[Report]:
    """CS231: every competency an item or red line names exists."""
    for form in playbook.qa_forms:
        site = playbook.site(form)
        named: list[tuple[Site, list[str]]] = [
            (site.at("sections", s, "items", i), item.competencies) for s, i, item in form.items()]
        named += [(site.at("red_lines", r), line.competencies) for r, line in enumerate(form.red_lines)]
        for where, ids in named:
            for c, key in enumerate(ids):
                if key in playbook.unreadable_ids or playbook.exists("competency", key):
                    continue
                hint = did_you_mean(key, playbook.declared.get("competency", {}))
                yield Report(where.at("competencies", c),
                             phrase("rules.unknown_reference", namespace=namespace_name("competency"),
                                    key=key, hint=hint))


def check_red_lines(playbook: Playbook) -> Iterator[Report]:
    """CS232: a red line zeroes the evaluation, so it says exactly what counts as a hit."""
    for form in playbook.qa_forms:
        for r, line in enumerate(form.red_lines):
            if line.hit_when is None:
                yield Report(playbook.site(form).at("red_lines", r, "id"),
                             phrase("rules.qa_red_line_unexplained", id=line.id))


def check_channels(playbook: Playbook) -> Iterator[Report]:
    """CS233: one form per channel, so an evaluation's channel names its form."""
    places = [(playbook.site(form).at("channel"), form.channel) for form in playbook.qa_forms]
    for site, channel, first in repeated(places):
        yield Report(site, phrase("rules.qa_channel_twice", channel=channel, where=first.where()))


def check_item_ids(playbook: Playbook) -> Iterator[Report]:
    """CS234: item and red-line ids are unique in a form: they head the columns of a filled sheet."""
    for form in playbook.qa_forms:
        site = playbook.site(form)
        places = [(site.at("sections", s, "items", i, "id"), item.id) for s, i, item in form.items()]
        places += [(site.at("red_lines", r, "id"), line.id) for r, line in enumerate(form.red_lines)]
        for where, key, first in repeated(places):
            yield Report(where, phrase("rules.qa_item_twice", key=key, where=first.where()))


def checks() -> dict[str, Check]:
    return {"CS230": check_points, "CS231": check_competencies, "CS232": check_red_lines,
            "CS233": check_channels, "CS234": check_item_ids}
