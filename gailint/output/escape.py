"""Report text made safe to print: control characters shown, never obeyed.

A report (or a file name) can hold terminal escape sequences — ESC [2J clears the
screen, ESC ] 0; sets the window title, an 8-bit CSI (U+009B) does the same on some
terminals — and bidirectional overrides that make printed text read other than it
is. Whatever gailint prints for a person shows them as ``\\x1b``, ``\\u202e``….
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Any, TextIO

# DEL, C1 controls, and the invisible characters that reorder or break text: what
# JSON leaves raw (it escapes only U+0000–U+001F); with the C0 controls, all of them.
_RAW_IN_JSON = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE_RE = re.compile(f"[\x00-\x1f{_RAW_IN_JSON}]")
_JSON_UNSAFE_RE = re.compile(f"[{_RAW_IN_JSON}]")
# Results past which JSON output (SARIF, GitLab, a file's items in JSON) is written compact.
COMPACT_AFTER = 10_000
# Encodings that can write any character.
_UNIVERSAL = {"utf-8", "utf-16", "utf-32", "gb18030"}


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, keep: str = "") -> str:
    """``text`` with every control character written out (``keep``: left as is)."""
    if not _UNSAFE_RE.search(text):
        return text
    if keep:
        return _UNSAFE_RE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)
    return _UNSAFE_RE.sub(_escape, text)


def writes_any_character(stream: TextIO) -> bool:
    """Can ``stream`` encode every character (else output uses escapes)?"""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name in _UNIVERSAL
    except LookupError:
        return False


def json_text(value: Any, stream: TextIO, **options: Any) -> str:
    """JSON for ``stream`` that reads back as the same value and holds no control
    character: ASCII escapes where the stream cannot write every character."""
    text = json.dumps(value, ensure_ascii=not writes_any_character(stream), **options)
    if not _JSON_UNSAFE_RE.search(text):
        return text
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def dump_json(value: Any, stream: TextIO, **options: Any) -> None:
    """:func:`json_text` written to ``stream``."""
    stream.write(json_text(value, stream, **options))
