"""CS203 on every total it checks (hiring criteria are in test_rules), and its tolerance."""

from __future__ import annotations

from tests.conftest import RepoCopy


def _cs203(repo: RepoCopy) -> list[tuple[str, int, int, str]]:
    return [(f.path, f.line, f.column, f.message) for f in repo.lint({"CS203"})]


def test_sourcing_shares_must_add_up_to_100(repo: RepoCopy) -> None:
    repo.edit("hiring.yaml", "share_percent: 100", "share_percent: 90")
    line, column = repo.at("hiring.yaml", "sourcing")
    assert _cs203(repo) == [("hiring.yaml", line, column, "sourcing shares add up to 90, not 100 "
                             "(referral 90); raise them by 10")]


def test_final_model_weights_must_add_up_to_100(repo: RepoCopy) -> None:
    repo.edit("evaluation.yaml", "weight: 50, source: simulation", "weight: 45, source: simulation")
    line, column = repo.at("evaluation.yaml", "final_model")
    assert _cs203(repo) == [("evaluation.yaml", line, column, "final-model weights add up to 95, not "
                             "100 (test 50, sim 45); raise them by 5")]


def test_half_a_point_off_is_off_and_thirds_are_not(repo: RepoCopy) -> None:
    """The tolerance forgives binary rounding (0.4 + 98.9 + 0.7), not a real half point."""
    repo.edit("evaluation.yaml", "weight: 50, source: simulation", "weight: 50.5, source: simulation")
    assert [m for *_, m in _cs203(repo)] == [
        "final-model weights add up to 100.5, not 100 (test 50, sim 50.5); lower them by 0.5"]
    repo.edit("evaluation.yaml", "weight: 50, source: written-test", "weight: 0.4, source: written-test")
    repo.edit("evaluation.yaml", "weight: 50.5, source: simulation}\n", "weight: 98.9, source: simulation}\n"
              "      - {id: oral, title: {zh: 口试, en: Oral}, weight: 0.7, source: interview}\n")
    assert 0.4 + 98.9 + 0.7 != 100  # the sum is not exact in binary
    assert _cs203(repo) == []
    repo.edit("evaluation.yaml", "weight: 0.7,", "weight: 0.69,")
    assert [m for *_, m in _cs203(repo)] == [
        "final-model weights add up to 99.99, not 100 (test 0.4, sim 98.9, oral 0.69); raise them by 0.01"]
