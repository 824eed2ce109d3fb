"""The CJK face is printed from TrueType subsets, and English from a Latin face."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

from cs_team.render import pdf_batch, print_fonts


def _family(name: str) -> bool:
    if not shutil.which("fc-match"):
        return False
    found = subprocess.run(["fc-match", "-f", "%{family}", name], capture_output=True, text=True, check=False)
    return name in found.stdout.split(",")


PRINTING = shutil.which("chromium") is not None and shutil.which("pdffonts") is not None
needs_fonts = pytest.mark.skipif(
    not (PRINTING and _family("Noto Sans CJK SC") and _family("Liberation Sans")
         and importlib.util.find_spec("fontTools") is not None),
    reason="needs chromium, poppler-utils, fonts-noto-cjk, fonts-liberation and fonttools (pip install -e .)")


def fonts_of(pdf: bytes) -> list[tuple[str, str]]:
    """(name, type) of each font pdffonts lists."""
    listed = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    rows = [line.split() for line in listed.splitlines()[2:]]
    return [(row[0], " ".join(row[1:3])) for row in rows]


def text_of(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def test_the_characters_of_the_pages_include_references() -> None:
    found = print_fonts._characters(["<p>王&amp;芳</p>", "&#x4E2D;&#25991;\u3000&nbsp;\x07\n"])
    assert found == {ord(c) for c in "<p>王&amp;芳</#x4E2D;&#25991;\u3000\xa0nbsp中文"}  # no bell, no line end


def test_the_configuration_keeps_the_machines_and_asks_for_the_subsets_first(tmp_path: Path) -> None:
    config = print_fonts._config(tmp_path, ["Noto Sans CJK SC"])
    assert "<include ignore_missing=\"yes\">" in config and f"<dir>{tmp_path}</dir>" in config
    assert ('<test name="family"><string>Noto Sans CJK SC</string></test><edit name="family" '
            'mode="prepend" binding="strong"><string>cs-team print Noto Sans CJK SC</string>') in config


PAGE = ('<!DOCTYPE html><html lang="{lang}"><head><style>html {{ font-family: "Noto Sans CJK SC"; }} '
        ':lang(en) {{ font-family: "Liberation Sans", "Noto Sans CJK SC"; }}</style></head>'
        '<body><h1>入职培训计划</h1><p>{text}</p></body></html>')


@needs_fonts
def test_a_batch_prints_chinese_in_truetype_not_type_3(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chromium draws a CFF face (Noto Sans CJK) as Type 3 procedures; the batch's subsets are
    embedded as TrueType, the text still extracts, and English takes the Latin face."""
    pages = [PAGE.format(lang="zh", text="新员工王芳 09:00–12:00 课程"),
             PAGE.format(lang="en", text="Week 1: 王芳 learns the ticketing system")]
    zh, en = pdf_batch.print_pdfs(pages)
    zh_fonts, en_fonts = fonts_of(zh), fonts_of(en)
    assert zh_fonts and all(kind == "CID TrueType" for _, kind in zh_fonts + en_fonts)
    assert any("cs-team-print" in name for name, _ in zh_fonts)
    assert any("LiberationSans" in name for name, _ in en_fonts)
    assert any("cs-team-print" in name for name, _ in en_fonts)  # 王芳 falls back to the CJK face
    assert "".join(text_of(zh).split()) == "入职培训计划新员工王芳09:00–12:00课程"
    assert "Week 1: 王芳 learns the ticketing system" in text_of(en)

    monkeypatch.setattr(pdf_batch, "fontconfig_env", lambda pages, folder: None)
    (plain,) = pdf_batch.print_pdfs(pages[:1])
    assert any(kind == "Type 3" for _, kind in fonts_of(plain))  # what the subsets spare


def test_without_fonttools_printing_goes_on_as_before(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import builtins

    real = builtins.__import__

    def missing(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("fontTools"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", missing)
    assert print_fonts.fontconfig_env(["<p>中文</p>"], tmp_path) is None
    assert list(tmp_path.iterdir()) == []
