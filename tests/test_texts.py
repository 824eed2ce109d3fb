"""The shared text walk of the lint rules: the flat list of texts and the list of their paths
agree index for index, and hold every text the plain model walk finds, in its order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from cs_team.lint.texts import flat_texts, text_paths
from cs_team.loader import load_repository
from cs_team.model.common import Text
from cs_team.repo import bundled_root

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _every_text(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Text]]:
    """Every Text inside a model by its declared fields, with its path (the walk as first written)."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _every_text(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _every_text(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _every_text(item, (*path, key))


@pytest.mark.parametrize("root", [bundled_root(), EXAMPLES / "ecommerce-shop", EXAMPLES / "bank-card-centre"],
                         ids=["bundled", "ecommerce-shop", "bank-card-centre"])
def test_the_flat_walk_and_the_path_walk_see_every_text_in_one_order(root: Path) -> None:
    repo = load_repository(Path(root), cwd=Path(root))
    total = skipped = 0
    for document in repo.documents:
        if document.model is None:
            continue
        expected = list(_every_text(document.model))
        assert [(path, id(text)) for path, text in zip(text_paths(document.model), flat_texts(document.model),
                                                       strict=True)] == [(p, id(t)) for p, t in expected]
        skip = frozenset({"scenario"})
        kept = [(p, id(t)) for p, t in expected if "scenario" not in p]
        assert [(path, id(text)) for path, text in zip(text_paths(document.model, skip),
                                                       flat_texts(document.model, skip), strict=True)] == kept
        total += len(expected)
        skipped += len(expected) - len(kept)
    assert total > 100 and (skipped > 0 or root != bundled_root())
