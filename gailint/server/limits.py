"""How much the server does per keystroke.

A report is a few tens of thousands of characters. Whatever the editor holds, the
server stays responsive:

- documents of :data:`BIG_DOCUMENT` characters or more are linted on a worker of
  their own, so a small report's hover or diagnostics never queue behind them;
- a document over :data:`LARGE_DOCUMENT` characters runs without the rules tagged
  ``costly`` (whole-document comparisons), and gets one GAI004 note saying so.
  ``gailint check`` always runs every rule.
"""

from __future__ import annotations

from gailint.config import Settings
from gailint.engine.diagnostics import Diagnostic, Severity
from gailint.engine.linter import Linter
from gailint.model import Span

BIG_DOCUMENT = 100_000
LARGE_DOCUMENT = 1_000_000
COSTLY_TAG = "costly"
NOTE_CODE = "GAI004"


def lighter(linter: Linter, settings: Settings, size: int, path: str | None) -> tuple[Settings, Diagnostic | None]:
    """The settings for a document of ``size`` characters, and the note to show
    (None when the document is within the limit or GAI004 is turned off)."""
    if size <= LARGE_DOCUMENT:
        return settings, None
    running = {rule.code for rule, _, _ in linter.selection(settings, path).rules}
    costly = tuple(sorted(r.code for r in linter.registry.rules.values() if COSTLY_TAG in r.tags and r.code in running))
    if costly:
        settings = settings.merged(ignore=settings.ignore + costly)
    rule = linter.registry.rules.get(NOTE_CODE)
    if rule is None or not settings.enabled(NOTE_CODE) or settings.ignored_for_path(path, NOTE_CODE):
        return settings, None
    severity, _ = settings.severity_for(NOTE_CODE, rule.severity)
    if severity == Severity.OFF:
        return settings, None
    skipped = f"跳过了 {'、'.join(costly)}" if costly else "没有需要跳过的规则"
    message = (
        f"文档有 {size:,} 个字符，超过编辑器检查的上限（{LARGE_DOCUMENT:,}）：{skipped}；"
        "完整检查请运行 gailint check"
    )
    note = Diagnostic(NOTE_CODE, rule.name, severity, message, Span(0, 0), None, path, rule.docs_url)
    return settings, note
