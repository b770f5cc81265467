"""Write the rule documentation from the registered rules' own docstrings:

- ``docs/rules.md``: every rule on one page (read on the repository's web view);
- ``gailint/docs/``: a small static site, one page per rule (``GAI302.html``) and
  an index, shipped inside the package. Every diagnostic's ``url`` (JSON, SARIF,
  the editor's code link) points at its page there, so the link works wherever
  gailint is installed, offline too.

    python scripts/gen_rules_doc.py          # rewrite both
    python scripts/gen_rules_doc.py --check  # exit 1 if either is out of date (tests use this)
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "rules.md"
SITE = ROOT / "gailint" / "docs"
_FIX = {"always": "可自动修复", "sometimes": "部分可修复", "never": "—"}
_SAFETY = {"safe": "", "unsafe": "（不安全：需 --unsafe-fixes）"}


def _fix_label(rule) -> str:
    return _FIX[rule.fix] + (_SAFETY[rule.fix_safety] if rule.fix != "never" else "")


def _rules():
    from gailint.engine.plugins import load_registry

    return load_registry().sorted()


def _body(rule) -> list[str]:
    body = rule.docs.strip().splitlines()
    return body[1:] if body and body[0].strip() == rule.summary else body


def render_markdown(rules) -> str:
    lines = [
        "# gailint 规则一览",
        "",
        "本文件由 `python scripts/gen_rules_doc.py` 根据各规则的文档字符串生成，请勿手工修改。",
        "同样的说明可用 `gailint explain CODE` 查看；每条规则也有单独的网页（`gailint/docs/`，诊断信息的链接指向它）。",
        "",
        "GAI 开头的规则来自 gailint 自带、默认启用的 core 和 national 规则包；HEN、SCH 开头的规则",
        "来自省级规则包 henan、sichuan，只在配置的 `packs` 中列出该规则包时运行（见 README 的“Rule packs”）。",
        "",
        "| 代码 | 名称 | 默认级别 | 修复 | 规则包 | 说明 |",
        "|---|---|---|---|---|---|",
    ]
    for r in rules:
        lines.append(f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity.label} | {_fix_label(r)} | {r.pack} | {r.summary} |")
    for r in rules:
        text = "\n".join(("#" + ln) if ln.startswith("## ") else ln for ln in _body(r)).strip()
        lines += ["", f"## {r.code}", "", f"**{r.name}** · {r.severity.label} · {_fix_label(r)} · 规则包 `{r.pack}`", "", r.summary, "", text]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the site

_INLINE = [
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\*\*([^*]+)\*\*"), r"<strong>\1</strong>"),
]
CSS = """body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.7;color:#222}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;background:#f4f4f4;border-radius:3px}
code{padding:0 .2em}pre{padding:.6em .8em;overflow-x:auto}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}
.meta{color:#555}nav{margin-bottom:1rem}h1 small{font-weight:normal;color:#555}
"""


def _inline(text: str) -> str:
    s = html.escape(text, quote=False)
    for pattern, repl in _INLINE:
        s = pattern.sub(repl, s)
    return s


def _join(lines: list[str]) -> str:
    """Lines of one paragraph: no space between two Chinese characters."""
    out = ""
    for ln in lines:
        if out and not (ord(out[-1]) > 0x2E7F and ord(ln[0]) > 0x2E7F):
            out += " "
        out += ln
    return out


def markdown_to_html(lines: list[str]) -> str:
    """The subset of Markdown the rule docstrings use: ``##`` headings, fenced
    code, ``-`` lists, paragraphs, inline code and bold."""
    out: list[str] = []
    para: list[str] = []
    items: list[str] = []
    code: list[str] | None = None

    def flush() -> None:
        if para:
            out.append(f"<p>{_inline(_join(para))}</p>")
            para.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for raw in lines:
        line = raw.rstrip()
        if code is not None:
            if line.strip().startswith("```"):
                out.append("<pre><code>" + html.escape("\n".join(code), quote=False) + "</code></pre>")
                code = None
            else:
                code.append(raw)
            continue
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            code = []
        elif stripped.startswith("## "):
            flush()
            title = stripped[3:].strip()
            out.append(f'<h2 id="{html.escape(title)}">{_inline(title)}</h2>')
        elif stripped.startswith("- "):
            if para:
                flush()
            items.append(stripped[2:])
        elif not stripped:
            flush()
        elif items and raw.startswith("  "):
            items[-1] = _join([items[-1], stripped])  # a list item's continuation line
        else:
            if items:
                flush()
            para.append(stripped)
    flush()
    return "\n".join(out)


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)} · gailint</title>\n"
        '<link rel="stylesheet" href="style.css">\n</head>\n<body>\n'
        f"{body}\n</body>\n</html>\n"
    )


def render_site(rules) -> dict[str, str]:
    pages = {"style.css": CSS}
    rows = "\n".join(
        f'<tr><td><a href="{r.code}.html">{r.code}</a></td><td>{r.name}</td><td>{r.severity.label}</td>'
        f"<td>{html.escape(_fix_label(r))}</td><td>{r.pack}</td><td>{_inline(r.summary)}</td></tr>"
        for r in rules
    )
    pages["index.html"] = _page(
        "规则一览",
        '<h1 id="top">gailint 规则一览</h1>\n'
        "<p>政府信息公开工作年度报告的检查规则。本站由 <code>scripts/gen_rules_doc.py</code> 根据规则的文档字符串生成，"
        "与 <code>gailint explain CODE</code> 的内容相同。</p>\n"
        "<table>\n<tr><th>代码</th><th>名称</th><th>默认级别</th><th>修复</th><th>规则包</th><th>说明</th></tr>\n"
        f"{rows}\n</table>",
    )
    for r in rules:
        meta = f"默认级别 {r.severity.label} · {_fix_label(r)} · 规则包 {r.pack}"
        pages[f"{r.code}.html"] = _page(
            f"{r.code} {r.name}",
            f'<nav><a href="index.html#top">← 所有规则</a></nav>\n'
            f'<h1 id="{r.code}">{r.code} <small>{r.name}</small></h1>\n'
            f'<p class="meta">{html.escape(meta)}</p>\n<p><strong>{_inline(r.summary)}</strong></p>\n'
            + markdown_to_html(_body(r)),
        )
    return pages


def main() -> int:
    rules = _rules()
    md = render_markdown(rules)
    site = render_site(rules)
    if "--check" in sys.argv:
        stale = []
        if (OUT.read_text(encoding="utf-8") if OUT.exists() else "") != md:
            stale.append("docs/rules.md")
        present = {p.name for p in SITE.glob("*")} if SITE.is_dir() else set()
        for name, text in site.items():
            p = SITE / name
            if not p.is_file() or p.read_text(encoding="utf-8") != text:
                stale.append(f"gailint/docs/{name}")
        stale += [f"gailint/docs/{n} (no such rule)" for n in sorted(present - set(site))]
        if stale:
            print("out of date: " + ", ".join(stale) + ": run python scripts/gen_rules_doc.py")
            return 1
        return 0
    OUT.write_text(md, encoding="utf-8")
    SITE.mkdir(exist_ok=True)
    for p in SITE.glob("*"):
        if p.name not in site:
            p.unlink()
    for name, text in site.items():
        (SITE / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
