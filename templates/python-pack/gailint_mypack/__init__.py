"""A gailint rule pack: the hooks gailint calls once when it loads the pack.

Every hook is optional; the contract is gailint/engine/hookspecs.py, explained in
docs/writing-a-pack.md.
"""

from __future__ import annotations

from gailint import PackInfo, RuleOverride, hookimpl

from gailint_mypack.rules import fee_in_yuan


@hookimpl
def gailint_pack_info() -> PackInfo:
    """What `gailint packs` shows. The version comes from pyproject.toml when empty."""
    return PackInfo(
        description="收费金额的单位；本市网站的页面残留；乡镇的发布期限",
        province="某省某市",
        overrides=("GAI404",),  # every national rule this pack changes
        sources=("某市政务公开办关于做好年度报告编制发布工作的通知",),
    )


@hookimpl
def gailint_register_rules():
    """The pack's own rules (codes with the pack's own prefix, here MYP)."""
    return [fee_in_yuan]


@hookimpl
def gailint_register_vocabulary():
    """Word lists the national rules read, only for files that select this pack."""
    return {
        "typos": {"帐号": "账号"},  # GAI706 reports 帐号 and fixes it to 账号
        "residue": ["扫一扫在手机打开当前页"],  # GAI701 deletes lines starting with it
        "labels": {},  # template label -> accepted variants, which GAI201 then accepts
    }


@hookimpl
def gailint_rule_overrides():
    """National rules made stricter or looser while this pack is in use."""
    # The city's notice gives 乡镇 until 3月31日 to publish (GAI404's option).
    return {"GAI404": RuleOverride(options={"township-deadline": "03-31"})}
