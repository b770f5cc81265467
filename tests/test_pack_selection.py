"""Which packs run on a file: the default ones, plus those its config lists in
``packs``; pack codes are namespaced; `gailint packs` and `gailint rules` say what is
loaded, with versions."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from gailint import PackInfo, RuleOverride, Span, Violation, hookimpl, rule
from gailint.config import ConfigError, Settings, load_config
from gailint.engine.linter import Linter
from gailint.engine.plugins import load_registry

from _support import FIXTURES

GAILINT = [sys.executable, "-m", "gailint"]
HENAN_SEED = FIXTURES / "000_d63fade97a3a65e1.txt"


@rule(code="TST201", name="says-hello", severity="warning")
def says_hello(report, ctx):
    """## 检查内容\n测试用。"""
    yield Violation(Span(0, 1), "你好")


def plugin(*rules_, info=None, overrides=None):
    mod = types.SimpleNamespace()
    if info is not None:
        mod.gailint_pack_info = hookimpl(lambda: info)
    mod.gailint_register_rules = hookimpl(lambda: list(rules_))
    if overrides is not None:
        mod.gailint_rule_overrides = hookimpl(lambda: overrides)
    return mod


def run(*args, cwd=None):
    return subprocess.run([*GAILINT, *args], capture_output=True, text=True, cwd=cwd)


def test_gailints_own_packs_run_by_default_and_province_packs_do_not():
    registry = load_registry()
    assert registry.defaults == ("core", "national")
    assert {"henan", "sichuan"} <= set(registry.packs)
    linter = Linter(registry)
    assert linter.packs_for(Settings()) == ("core", "national")
    assert linter.packs_for(Settings(packs=("sichuan", "henan"))) == ("core", "national", "sichuan", "henan")


def test_a_pack_that_is_not_default_runs_only_where_it_is_selected():
    registry = load_registry(allow=["core"], extra=[("quiet", plugin(says_hello, info=PackInfo(version="2.1")))])
    linter = Linter(registry)
    assert [d.code for d in linter.lint("甲", None, Settings())[1]] == []
    assert [d.code for d in linter.lint("甲", None, Settings(packs=("quiet",)))[1]] == ["TST201"]
    assert registry.packs["quiet"].version == "2.1"


def test_the_nearest_config_decides_so_other_provinces_get_no_henan_findings(tmp_path):
    for folder, config in (("henan", 'packs = ["henan"]\n'), ("fujian", "")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "gailint.toml").write_text(config, encoding="utf-8")
        (tmp_path / folder / "r.txt").write_text(HENAN_SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = run("check", "--output-format", "json", ".", cwd=tmp_path)
    found = {(Path(d["path"]).parent.name, d["code"]) for d in json.loads(out.stdout)}
    assert ("henan", "HEN002") in found
    assert not [code for folder, code in found if folder == "fujian" and code.startswith("HEN")]


def test_third_party_packs_cannot_take_gailints_codes_or_another_packs_prefix():
    @rule(code="GAI990", name="fake-national", severity="error")
    def fake(report, ctx):
        """## 检查内容\n测试用。"""
        return iter(())

    registry = load_registry(allow=["core"], extra=[("sneaky", plugin(fake))])
    assert registry.get("GAI990") is None
    assert any("前缀 GAI 已属于 gailint 自带的规则" in e for e in registry.errors)

    @rule(code="TST202", name="other-hello", severity="warning")
    def other(report, ctx):
        """## 检查内容\n测试用。"""
        return iter(())

    _, problems = registry.add("first", plugin(says_hello), origin="dist:first")
    assert problems == []
    _, problems = registry.add("second", plugin(other), origin="dist:second")
    assert registry.get("TST202") is None
    assert "前缀 TST 已属于 dist:first" in str(problems[0])


def test_overrides_must_be_declared_and_name_real_rules_and_options():
    overrides = {
        "GAI401": RuleOverride(severity="error"),
        "GAI404": RuleOverride(options={"township-deadline": 331}),
        "GAI999": RuleOverride(severity="error"),
    }
    info = PackInfo(version="1", overrides=("GAI404", "GAI999"))
    registry = load_registry(extra=[("strict", plugin(info=info, overrides=overrides))])
    errors = "\n".join(registry.errors)
    assert "规则包 strict: rules.GAI401: GAI401 不在 overrides 中" in errors
    assert "规则包 strict: rules.GAI404.township-deadline: 类型应为 字符串" in errors
    assert "规则包 strict: rules.GAI999: 没有规则 GAI999" in errors
    assert registry.packs["strict"].overrides == {}


def test_a_selected_pack_that_cannot_be_used_is_an_error_naming_the_config_line(tmp_path):
    config = tmp_path / "gailint.toml"
    config.write_text('year = 2021\npacks = ["henan", "no-such-pack"]\n', encoding="utf-8")
    linter = Linter.create()
    settings = linter.load_settings(config)
    assert linter.packs_for(settings) == ("core", "national", "henan")
    (error,) = linter.pack_errors
    assert error.startswith(f"{config}:2: packs: 未知的规则包“no-such-pack”；已安装的规则包：henan、sichuan")
    blocked = Linter.create(Settings(plugins_allow=("core", "national")))
    blocked.packs_for(Settings(packs=("henan",)))
    assert "被 [plugins] 的 allow/deny 排除" in blocked.pack_errors[0]


def test_packs_in_the_config_must_be_a_list_of_strings(tmp_path):
    config = tmp_path / "gailint.toml"
    config.write_text("packs = [1]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert str(caught.value).startswith(f"{config}:1: packs: 应为规则包的列表")


def test_pack_paths_are_relative_to_the_config(tmp_path):
    (tmp_path / "sub").mkdir()
    config = tmp_path / "sub" / "gailint.toml"
    config.write_text('packs = ["henan", "../rules/ours.toml"]\n', encoding="utf-8")
    assert load_config(config).packs == ("henan", str(tmp_path / "rules" / "ours.toml"))


# ------------------------------------------------------------ listing what is loaded


def test_packs_lists_every_pack_with_its_version_and_whether_it_is_in_use(tmp_path):
    out = run("packs", cwd=tmp_path)
    assert out.returncode == 0
    assert "national 0.1.0 · Python · 默认启用" in out.stdout
    assert "henan 1.0.0 · Python · 未启用" in out.stdout
    assert "sichuan 1.0.0 · TOML · 未启用" in out.stdout
    (tmp_path / "gailint.toml").write_text('packs = ["henan"]\n', encoding="utf-8")
    listed = {p["name"]: p for p in json.loads(run("packs", "--output-format", "json", cwd=tmp_path).stdout)}
    henan = listed["henan"]
    assert henan["enabled"] and not henan["default"] and henan["version"] == "1.0.0"
    assert henan["rules"] == ["HEN001", "HEN002"] and henan["overrides"] == ["GAI207"]
    assert henan["province"] == "河南省" and henan["sources"]
    assert listed["sichuan"]["kind"] == "toml" and not listed["sichuan"]["enabled"]


def test_rules_lists_the_rules_of_unused_packs_apart(tmp_path):
    text = run("rules", cwd=tmp_path).stdout
    used, unused = text.split("未启用的规则包中的规则")
    assert "GAI302" in used and "HEN002" not in used
    assert "HEN002  [*] henan-fee-decimals" in unused and "henan 1.0.0" in unused
    (tmp_path / "gailint.toml").write_text('packs = ["henan"]\n', encoding="utf-8")
    listed = {r["code"]: r for r in json.loads(run("rules", "--output-format", "json", cwd=tmp_path).stdout)}
    assert listed["HEN002"]["enabled"] and listed["HEN002"]["pack_version"] == "1.0.0"
    assert not listed["SCH001"]["enabled"]


def test_explain_shows_a_pack_rule_and_its_sources():
    out = run("explain", "SCH001")
    assert out.returncode == 0 and "规则包：sichuan" in out.stdout and "DB51/T 2660—2019" in out.stdout
