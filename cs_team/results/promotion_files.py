"""Reading a promotion competition's records (YAML, CSV, xlsx): each candidate validated by
the competition's ``cs_team.model.results.promotion_record`` (a score field per component of its
final model), then checked against the framework (grades) and the rules (performance ratings)."""

from __future__ import annotations

from pathlib import Path

from cs_team.inputs.problems import language_of
from cs_team.model.evaluation import Promotion
from cs_team.model.results import PromotionRecord, component_scores, promotion_record
from cs_team.playbook import Playbook
from cs_team.repo import display_path
from cs_team.results.promotion import Candidate
from cs_team.results.records import (
    Problems,
    Record,
    Value,
    is_table,
    read_results_table,
    read_results_yaml,
    validated,
)
from cs_team.wording import did_you_mean, phrase


def read_records(playbook: Playbook, path: Path, cwd: Path, promotion_id: str | None,
                 lang: str | None = None, notes: list[str] | None = None,
                 ) -> tuple[Promotion, list[str], list[Candidate]]:
    problems = Problems(language_of(lang, playbook.default_language), notes=[] if notes is None else notes)
    display = display_path(path, cwd)
    promotions = {p.id: (p, rules.performance_ratings)
                  for rules in playbook.evaluation for p in rules.promotions}
    records: list[Record] = []
    named = promotion_id
    if not path.is_file():
        problems.add(display, phrase("results.no_file"))
    elif is_table(path):
        records = read_results_table(path, display, problems, "promotion-records")
    else:
        found = read_results_yaml(path, display, problems, "promotion-records", "candidates",
                                  phrase("listed.candidate"))
        if found is not None:
            records = found.items
            named = named or found.head.get("promotion")
            if named is not None and not isinstance(named, str):
                problems.add(found.head.at("promotion"), phrase("results.promotion_id"))
                problems.raise_any()
    if named is None and len(promotions) == 1:
        named = next(iter(promotions))
    if named not in promotions:
        hint = did_you_mean(str(named), promotions) or phrase(
            "results.competitions_are", ids=", ".join(promotions) or phrase("document.none"))
        said = (phrase("results.name_competition", hint=hint) if named is None
                else phrase("results.no_promotion", name=named, hint=hint))
        problems.add(display, said)
        problems.raise_any()
    promotion, ratings = promotions[named]
    components = tuple(c.id for c in promotion.final_model)
    model = promotion_record(components)
    candidates = []
    for record in records:
        row = validated(record, model, problems)
        candidate = None if row is None else _candidate(playbook, record, row, ratings, components, problems)
        if candidate is not None and promotion.lines:
            candidate.line = _line(promotion, record, row.line, problems)
        if candidate is not None:
            candidates.append(candidate)
    seen: dict[str, str] = {}
    for candidate in candidates:
        if candidate.name in seen:
            first = seen[candidate.name]
            problems.add(candidate.where, phrase("results.listed_twice", name=candidate.name, first=first))
        seen[candidate.name] = candidate.where
    problems.raise_any()
    return promotion, ratings, candidates


def _line(promotion: Promotion, record: Record, given: str | None, problems: Problems) -> str | None:
    """The candidate's line, by id or by any of its names (people write 电话, not voice)."""
    if given is None:
        problems.add(record.where, phrase("results.no_line"))
        return None
    for line in promotion.lines:
        if given == line.id or given in line.name.all_strings():
            return line.id
    names = ", ".join(f"{line.id} ({line.name.best('zh', 'zh')})" for line in promotion.lines)
    problems.add(record.at("line"), phrase("results.unknown_line", given=given, names=names))
    return None


def _candidate(playbook: Playbook, record: Record, row: PromotionRecord, ratings: list[str],
               components: tuple[str, ...], problems: Problems) -> Candidate | None:
    if row.grade not in playbook.grades:
        problems.add(record.at("grade"), phrase("results.no_grade", grade=row.grade,
                                                hint=did_you_mean(row.grade, playbook.grades)))
        return None
    performance = row.performance
    if isinstance(performance, str):
        performance = [p.strip() for p in performance.split("|") if p.strip()]
    if not isinstance(performance, list):
        problems.add(record.at("performance"), phrase("results.performance_list"))
        performance = []
    performance = [str(p) for p in performance]
    for rating in performance:
        if rating not in ratings:
            problems.add(record.at("performance"), phrase("results.performance_rating", rating=rating,
                                                          ratings=", ".join(ratings)))
    scores: dict[str, float] = {}
    if isinstance(row.scores, dict):  # YAML: scores: {written-test: 82, ...}
        given = Record(record.at("scores"))
        for key, value in row.scores.items():
            if str(key) not in components:
                problems.add(record.at("scores"), phrase("results.no_component", key=key,
                                                          components=", ".join(sorted(components))))
            else:
                given.fields[str(key)] = Value(value, record.at("scores"))
        checked = validated(given, component_scores(components), problems)
        for i, component in enumerate(components):
            if checked is not None and (score := getattr(checked, f"component_{i}")) is not None:
                scores[component] = score
    for i, component in enumerate(components):
        if (score := getattr(row, f"component_{i}")) is not None:
            scores[component] = score
    track = row.special_track
    if track is not None and track.lower() in ("no", "false", "0", "否"):
        track = None
    return Candidate(row.name, row.grade, row.tenure_months, performance, row.months_since_major_incident,
                     row.complaint_rate_percent, track, scores, record.where)
