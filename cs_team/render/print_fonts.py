"""The house's Chinese face, made quick for Chromium to print.

Chromium embeds a font with CFF outlines (Noto Sans CJK, an OpenType collection) as Type 3
glyph procedures: each page's glyphs are drawn as paths, which takes about twice the printing
time of a TrueType face and bloats the file. Before a batch is printed, the CJK faces the pages
ask for are cut down to the characters the pages hold and their outlines turned into TrueType
ones; the browser is started with a fontconfig file that lists them and puts them ahead of the
family they came from, so the pages' stylesheets stay as they are. Each PDF still embeds its own
subset of the font, so every file stands alone.

Anything missing (fontconfig's tools, fontTools, the face itself) leaves printing as it was.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

FAMILIES = ("Noto Sans CJK SC",)
"""The CJK families the house stylesheet names first (templates/_base.html.j2)."""
WEIGHTS = ("regular", "bold")
PRINT_FAMILY = "cs-team print {family}"
REFERENCE = re.compile(r"&#?\w+;")
TOLERANCE = 1.0
"""How far (font units of 1000 an em) a quadratic outline may stray from the cubic one."""


def fontconfig_env(pages: list[str], folder: Path) -> dict[str, str] | None:
    """The environment to start the browser with, so it prints the pages' CJK text with TrueType
    subsets written into ``folder``; None when nothing could be made (printing works as before)."""
    if not shutil.which("fc-match"):
        return None
    try:
        from fontTools.ttLib import TTFont  # noqa: F401  (present? else print as before)
    except ImportError:
        return None
    characters = _characters(pages)
    made = []
    for family in FAMILIES:
        for weight in WEIGHTS:
            face = _face(family, weight)
            if face is None:
                continue
            target = folder / f"{len(made)}.ttf"
            try:
                converted = _truetype(*face, characters, PRINT_FAMILY.format(family=family), target)
            except Exception:  # a font fontTools cannot read: print it as it is
                converted = False
            if converted:
                made.append(family)
    if not made:
        return None
    config = folder / "fonts.conf"
    config.write_text(_config(folder, sorted(set(made))), encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(config)}


def _characters(pages: list[str]) -> set[int]:
    """Every character the pages hold, written out or as a character reference."""
    written = set().union(*map(set, pages))
    referred = {c for reference in set(REFERENCE.findall("".join(pages))) for c in html.unescape(reference)}
    return {ord(c) for c in written | referred if unicodedata.category(c)[0] != "C"}  # no controls


def _face(family: str, weight: str) -> tuple[str, int] | None:
    """The file and collection index fontconfig gives ``family`` at ``weight``, if it is that
    family (fontconfig answers every request with some font)."""
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}\n%{index}\n%{family}", f"{family}:{weight}"],
                               capture_output=True, text=True, check=False, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = found.stdout.split("\n")
    if found.returncode != 0 or len(lines) < 3 or family not in lines[2].split(","):
        return None
    return lines[0], int(lines[1] or 0)


def _truetype(path: str, index: int, characters: set[int], name: str, target: Path) -> bool:
    """Write the face's glyphs for ``characters`` with TrueType outlines to ``target``; False when
    the face has TrueType outlines already (Chromium embeds those well) or none of the characters."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(path, fontNumber=index, lazy=True)
    if "CFF " not in font:
        return False
    options = subset.Options()
    options.layout_features, options.name_IDs, options.name_languages = ["*"], ["*"], ["*"]
    options.notdef_outline = True  # hints and subroutines stay: dropping them costs more than it saves
    cutter = subset.Subsetter(options)
    cutter.populate(unicodes=characters)
    cutter.subset(font)
    if len(font.getGlyphOrder()) <= 1:
        return False
    glyphs, order = font.getGlyphSet(), font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for glyph in order:
        pen = TTGlyphPen(glyphs)
        glyphs[glyph].draw(Cu2QuPen(pen, TOLERANCE, reverse_direction=True))  # TrueType winds the other way
        glyf.glyphs[glyph] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font["maxp"] = _maxp(len(order))
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 3.0, [], {}
    for record in font["name"].names:  # its own family, so the original stays reachable as it was
        if record.nameID in (1, 4, 16):
            record.string = name
        elif record.nameID == 6:
            record.string = name.replace(" ", "-")
    font.sfntVersion = "\0\1\0\0"
    font.save(target)
    return True


def _maxp(glyphs: int) -> object:
    from fontTools.ttLib import newTable

    maxp = newTable("maxp")
    maxp.tableVersion, maxp.numGlyphs = 0x00010000, glyphs
    for field in ("maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours", "maxZones",
                  "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1  # recalculated from the outlines when the font is saved
    return maxp


def _config(folder: Path, families: list[str]) -> str:
    """The machine's fontconfig, the made faces, and a rule asking for them ahead of the family
    a page names (the page's own stylesheet is left alone)."""
    base = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    rules = "".join(
        f'<match target="pattern"><test name="family"><string>{escape(family)}</string></test>'
        f'<edit name="family" mode="prepend" binding="strong"><string>'
        f'{escape(PRINT_FAMILY.format(family=family))}</string></edit></match>\n' for family in families)
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f'<include ignore_missing="yes">{escape(base)}</include>\n<dir>{escape(str(folder))}</dir>\n'
            f'<cachedir>{escape(str(folder / "cache"))}</cachedir>\n{rules}</fontconfig>\n')
