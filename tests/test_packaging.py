"""What the sdist and the wheel ship: everything the tests read, and the licence the metadata names."""

from __future__ import annotations

import re
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
builders = pytest.importorskip("hatchling.builders.sdist")


def _sdist_members(tmp_path: Path) -> set[str]:
    built = next(builders.SdistBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"]))
    with tarfile.open(built) as archive:
        return {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}


def test_the_sdist_holds_what_the_tests_read_and_the_licence(tmp_path: Path) -> None:
    members = _sdist_members(tmp_path)
    read = set()
    for test in ROOT.glob("tests/*.py"):
        read |= set(re.findall(r'parent\.parent / "([^"]+)"', test.read_text(encoding="utf-8")))
    assert {".pre-commit-hooks.yaml", "examples", "README.md"} <= read  # the scan finds them
    for name in sorted(read):
        assert name in members or any(m.startswith(f"{name}/") for m in members), name
    assert {"LICENSE", "examples/ecommerce-shop/cs-team.yaml", "tests/conftest.py", "pyproject.toml"} <= members
    assert not any("/.venv/" in f"/{m}" or m.endswith(".pyc") for m in members)


def test_the_wheel_carries_the_licence(tmp_path: Path) -> None:
    from hatchling.builders.wheel import WheelBuilder

    built = next(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"]))
    with zipfile.ZipFile(built) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode("utf-8")
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "License-Expression: MIT" in metadata and "License-File: LICENSE" in metadata
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
