"""Who issued a report, as a key that survives small differences in writing.

Two reports are "the same issuer" when their keys are equal. The key is the
issuer's name after NFKC and whitespace removal, without a crawler's field prefix
(``标题：``), Markdown markers, quotes or brackets, with 人民政府 written 政府 and
管理委员会 written 管委会, and without a trailing 关于/报送 from a title such as
“……管理局关于报送2020年度政府信息公开工作年度报告的函”. So
``XX县人民政府办公室`` and ``XX县政府办公室`` share a key; ``XX县政府`` and
``XX县政府办公室`` do not (they are different offices).

Where names differ more than that (a bureau renamed, a report signed by its
predecessor), the config's ``[issuers]`` table maps files to an issuer by glob;
the mapped name wins over the one found in the text.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gailint.parse.normalize import norm

_PREFIX_RE = re.compile(r"^(?:标题|题目|文件标题|文章标题|名称|title|发布机构|发文机关)[:：]", re.I)
_TRAILING_RE = re.compile(r"(?:关于(?:印发|报送|公布|发布|上报)?|报送|印发)+$")
_DROP = str.maketrans("", "", "#*_`\"'“”‘’《》〈〉<>【】[]「」『』")
_SYNONYMS = (("人民政府", "政府"), ("管理委员会", "管委会"))


@lru_cache(maxsize=4096)
def issuer_key(name: str | None) -> str | None:
    """The comparable key of an issuer's name (None for no name)."""
    if not name:
        return None
    s = _PREFIX_RE.sub("", norm(name).translate(_DROP))
    for long, short in _SYNONYMS:
        s = s.replace(long, short)
    s = _TRAILING_RE.sub("", s)
    return s or None


@dataclass(frozen=True)
class IssuerMap:
    """``[issuers]`` of a config: file glob → issuer name, first match wins.

    Globs are relative to the config's folder (``2021/*.txt``) or match a file's
    name alone (``*金井*``), like ``per-file-ignores``.
    """

    entries: tuple[tuple[str, str], ...] = ()
    root: Path | None = None

    def issuer_for(self, path: str | None) -> str | None:
        if not path or not self.entries:
            return None
        name = os.path.basename(path)
        rel = _relative(path, self.root)
        for pattern, issuer in self.entries:
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(name, pattern):
                return issuer
        return None


def _relative(path: str, root: Path | None) -> str:
    if root is not None:
        try:
            return Path(os.path.abspath(path)).relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return Path(path).as_posix()


def key_of(issuer: str | None, path: str | None, mapping: IssuerMap | None) -> str | None:
    """The key of a report: the config's mapping for its file, else its issuer."""
    mapped = mapping.issuer_for(path) if mapping is not None else None
    return issuer_key(mapped or issuer)
