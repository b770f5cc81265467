"""A synthetic repository of reports made from the seeds: many issuers, one
report a year each, laid out as offices keep them (``<year>/<issuer>.txt``).

Every report is a real seed with its title rewritten to a generated issuer and
year, its years moved to that year, and a few characters varied so that no two
files are identical. Some issuers' 结转 rows disagree from one year to the next,
so the cross-year rules have work to do.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "fixtures").glob("0*.txt"))
_COUNTIES = "宜阳 洛宁 嵩县 汝阳 栾川 新安 孟津 伊川 偃师 新绛 稷山 闻喜 通渭 陇西 渭源 临洮 西平 上蔡 平舆 正阳".split()
_OFFICES = ["人民政府办公室", "教育局", "财政局", "自然资源局", "卫生健康委员会", "市场监督管理局", "交通运输局", "水利局", "民政局", "司法局"]
_YEAR_RE = re.compile(r"20(1\d|2\d)(?=\s*年)")
_TITLE_RE = re.compile(r"^.*20\d\d\s*年.{0,6}政府信息公开工作年度报告.*$", re.M)
_NEXT = "四、结转下年度继续办理"


def issuer(i: int) -> str:
    county = _COUNTIES[i % len(_COUNTIES)]
    office = _OFFICES[(i // len(_COUNTIES)) % len(_OFFICES)]
    n = i // (len(_COUNTIES) * len(_OFFICES))
    return f"{county}县{'第' + str(n + 1) + '区' if n else ''}{office}"


def report_text(seed: str, name: str, year: int, rnd: random.Random) -> str:
    text = _YEAR_RE.sub(str(year), seed)
    title = f"{name}{year}年政府信息公开工作年度报告"
    m = _TITLE_RE.search(text[:2000])
    text = text[: m.start()] + title + text[m.end() :] if m else f"{title}\n\n{text}"
    if rnd.random() < 0.3 and _NEXT in text:  # carry-over that next year will not match
        i = text.index(_NEXT) + len(_NEXT)
        text = text[:i] + re.sub(r"\d", lambda _: str(rnd.randrange(3)), text[i : i + 40], count=2) + text[i + 40 :]
    pos = rnd.randrange(len(text) // 2, len(text))
    return text[:pos] + rnd.choice(["", "0", "一", "。"]) + text[pos:]


def make_repository(folder: Path, count: int, years: int = 6, seed: int = 7) -> list[Path]:
    """``count`` reports: ``count // years`` issuers × ``years`` consecutive years."""
    rnd = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    paths = []
    first = 2025 - years
    for k in range(count):
        i, y = divmod(k, years)
        year = first + y
        p = folder / str(year) / f"{i:05d}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(report_text(seeds[i % len(seeds)], issuer(i), year, rnd), encoding="utf-8")
        paths.append(p)
    return paths
