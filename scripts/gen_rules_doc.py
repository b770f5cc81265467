"""Write docs/rules.md from the registered rules' own documentation.

    python scripts/gen_rules_doc.py          # rewrite docs/rules.md
    python scripts/gen_rules_doc.py --check  # exit 1 if it is out of date (tests use this)
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
_FIX = {"always": "可自动修复", "sometimes": "部分可修复", "never": "—"}


def render() -> str:
    from gailint.engine.plugins import load_registry

    rules = load_registry().sorted()
    lines = [
        "# gailint 规则一览",
        "",
        "本文件由 `python scripts/gen_rules_doc.py` 根据各规则的文档字符串生成，请勿手工修改。",
        "同样的说明可用 `gailint explain CODE` 查看。",
        "",
        "GAI 开头的规则来自 gailint 自带、默认启用的 core 和 national 规则包；HEN、SCH 开头的规则",
        "来自省级规则包 henan、sichuan，只在配置的 `packs` 中列出该规则包时运行（见 README 的“Rule packs”）。",
        "",
        "| 代码 | 名称 | 默认级别 | 修复 | 规则包 | 说明 |",
        "|---|---|---|---|---|---|",
    ]
    for r in rules:
        lines.append(f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity.label} | {_FIX[r.fix]} | {r.pack} | {r.summary} |")
    for r in rules:
        body = r.docs.strip().splitlines()
        body = body[1:] if body and body[0].strip() == r.summary else body
        text = "\n".join(("#" + ln) if ln.startswith("## ") else ln for ln in body).strip()
        lines += ["", f"## {r.code}", "", f"**{r.name}** · {r.severity.label} · {_FIX[r.fix]} · 规则包 `{r.pack}`", "", r.summary, "", text]
    return "\n".join(lines) + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print("docs/rules.md is out of date: run python scripts/gen_rules_doc.py")
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
