"""One encoding policy for every side file.

UTF-8, with or without a byte-order mark, is read as is. GB18030 (a superset of GBK) is what
Excel's plain "CSV" and WPS save on Chinese Windows: it is detected, read, and noted so the user
can re-save as UTF-8. Anything else (UTF-16, UTF-32, binary, another legacy code page) is refused
with the fix, in the user's language.
"""

from __future__ import annotations

import codecs
import re

from cs_team.findings import Span
from cs_team.inputs.problems import Problems

_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_UNLIKELY = re.compile(r"[\ue000-\uf8ff\U00010000-\U0010ffff]")
"""Private-use and supplementary-plane characters: what random bytes decode to as GB18030."""


def decode(raw: bytes, display: str, problems: Problems) -> str | None:
    """The file's text, with line ends as written (the CSV reader takes CRLF, LF and CR)."""
    if raw.startswith(_WIDE_BOMS):
        problems.say(display, "文件是 UTF-16/UTF-32 编码：请另存为“CSV UTF-8（逗号分隔）”或 UTF-8 文本",
                     "file is UTF-16/UTF-32 encoded: save it as \"CSV UTF-8 (Comma delimited)\" or UTF-8 "
                     "text")
        return None
    if b"\x00" in raw:
        problems.say(display, "文件是二进制数据（含 NUL 字节），不是文本：请导出为 CSV UTF-8 或 xlsx",
                     "file is binary (it contains NUL bytes), not text: export it as CSV UTF-8 or xlsx")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start
    text = _gb18030(raw)
    if text is not None:
        problems.notes.append(
            f"{display}: 按 GB18030（GBK）读取，这是 Excel/WPS 在中文 Windows 上保存 CSV 的编码；"
            "另存为“CSV UTF-8”可消除此提示" if problems.lang == "zh" else
            f"{display}: read as GB18030 (GBK), the encoding Excel and WPS save CSV in on Chinese "
            "Windows; save it as \"CSV UTF-8\" to silence this note")
        return text
    problems.say(f"{display}:{Span.at_offset(raw, offset).line}",
                 f"文件既不是 UTF-8 也不是 GB18030/GBK（字节 0x{raw[offset]:02X} 无法解码）："
                 "请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”",
                 f"file is neither UTF-8 nor GB18030/GBK (byte 0x{raw[offset]:02X} cannot be decoded): "
                 "save it from Excel or WPS as \"CSV UTF-8 (Comma delimited)\"")
    return None


def _gb18030(raw: bytes) -> str | None:
    """The text when the bytes read as GB18030 and look like Chinese, else None.

    GB18030 maps most byte strings to something; Latin-1 or Shift-JIS bytes that happen to decode
    come out as private-use or rare supplementary characters, or with no Chinese at all.
    """
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    if _UNLIKELY.search(text) or not _CJK.search(text):
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text
