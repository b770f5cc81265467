"""Config discovery and validation: nearest file wins; errors name file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from gailint.config import ConfigError, Settings, find_config, load_config, settings_from_mapping
from gailint.engine.diagnostics import Severity
from gailint.engine.linter import Linter

KNOWN = {"GAI302": {}, "GAI404": {"township-deadline": "01-31"}, "GAI701": {}, "GAI603": {}}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_config_wins_walking_up(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.gailint]\nyear = 2021\n")
    inner = write(tmp_path / "province" / "gailint.toml", "year = 2022\n")
    report = write(tmp_path / "province" / "county" / "r.txt", "x")
    assert find_config(report) == inner.resolve()
    assert find_config(tmp_path / "r.txt") == (tmp_path / "pyproject.toml").resolve()


def test_pyproject_without_tool_gailint_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(write(tmp_path / "r.txt", "x")) is None


def test_dot_gailint_toml_is_found(tmp_path):
    cfg = write(tmp_path / ".gailint.toml", "ignore = ['GAI7']\n")
    assert find_config(tmp_path / "r.txt") == cfg.resolve()


def test_all_keys_are_read(tmp_path):
    cfg = write(
        tmp_path / "gailint.toml",
        """
select = ["GAI"]
ignore = ["GAI603"]
year = 2023
issuer-kind = "township"
[severity]
GAI701 = "warning"
[per-file-ignores]
"drafts/*.txt" = ["GAI701"]
[plugins]
allow = ["national", "core"]
[rules.GAI404]
township-deadline = "03-31"
""",
    )
    s = load_config(cfg, KNOWN)
    assert s.ignore == ("GAI603",) and s.year == 2023 and s.issuer_kind == "township"
    assert s.severity["GAI701"] == Severity.WARNING
    assert s.ignored_for_path(str(tmp_path / "drafts" / "a.txt"), "GAI701")
    assert not s.ignored_for_path(str(tmp_path / "final" / "a.txt"), "GAI701")
    assert s.plugins_allow == ("national", "core")
    assert s.rule_options["GAI404"] == {"township-deadline": "03-31"}


@pytest.mark.parametrize(
    "body, line, key, words",
    [
        ("selct = ['GAI']\n", 1, "selct", "未知的配置项"),
        ("year = 2023\nignore = ['GAI999']\n", 2, "ignore", "未知的规则代码“GAI999”"),
        ("year = '2023'\n", 1, "year", "四位数的年份"),
        ("issuer-kind = 'county'\n", 1, "issuer-kind", "department"),
        ("[severity]\nGAI701 = 3\n", 2, "severity.GAI701", "off、hint"),
        ("[rules.GAI404]\ntownship-deadlin = '03-31'\n", 2, "rules.GAI404.township-deadlin", "没有这个选项"),
        ("[rules.GAI404]\ntownship-deadline = 331\n", 2, "rules.GAI404.township-deadline", "类型应为 字符串"),
        ("[plugins]\nallow = 'national'\n", 2, "plugins.allow", "列表"),
    ],
)
def test_bad_config_names_file_line_and_key(tmp_path, body, line, key, words):
    cfg = write(tmp_path / "gailint.toml", body)
    with pytest.raises(ConfigError) as err:
        load_config(cfg, KNOWN)
    e = err.value
    assert (e.line, e.key) == (line, key)
    assert words in e.message
    assert str(e).startswith(f"{cfg}:{line}: {key}:")


def test_pyproject_keys_are_named_with_their_table(tmp_path):
    cfg = write(tmp_path / "pyproject.toml", "[tool.gailint]\nyear = 'x'\n")
    with pytest.raises(ConfigError) as err:
        load_config(cfg, KNOWN)
    assert err.value.key == "tool.gailint.year" and err.value.line == 2


def test_broken_toml_is_a_config_error(tmp_path):
    cfg = write(tmp_path / "gailint.toml", "year = \n")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert err.value.line == 1 and "TOML" in err.value.message


def test_select_and_ignore_the_more_specific_wins():
    s = Settings(select=("GAI3",), ignore=("GAI30",))
    assert not s.enabled("GAI302") and not s.enabled("GAI101")
    s = Settings(select=("GAI302",), ignore=("GAI3",))
    assert s.enabled("GAI302") and not s.enabled("GAI301")


def test_editor_settings_override_file_settings():
    base = Settings(year=2021, ignore=("GAI7",))
    s = settings_from_mapping({"year": 2023}, base=base, known_codes=KNOWN)
    assert s.year == 2023 and s.ignore == ("GAI7",)


def test_severity_off_disables_a_rule(tmp_path):
    linter = Linter.create()
    text = (Path(__file__).parent / "fixtures" / "003_bfabfd0488fd8ed4.txt").read_text(encoding="utf-8")
    s = Settings(severity={"GAI302": Severity.OFF, "GAI301": Severity.WARNING})
    diags = linter.lint(text, "r.txt", s)[1]
    assert not [d for d in diags if d.code == "GAI302"]
    assert {d.severity for d in diags if d.code == "GAI301"} == {Severity.WARNING}


def test_config_is_resolved_per_file(tmp_path):
    write(tmp_path / "a" / "gailint.toml", "ignore = ['GAI201']\n")
    text = (Path(__file__).parent / "fixtures" / "003_bfabfd0488fd8ed4.txt").read_text(encoding="utf-8")
    linter = Linter.create()
    in_a = linter.lint(text, str(tmp_path / "a" / "r.txt"))[1]
    in_b = linter.lint(text, str(tmp_path / "b" / "r.txt"))[1]
    assert "GAI201" not in {d.code for d in in_a}
    assert "GAI201" in {d.code for d in in_b}


def test_an_edited_config_file_is_read_again(tmp_path):
    import os

    cfg = write(tmp_path / "gailint.toml", "ignore = ['GAI201']\n")
    linter = Linter.create()
    assert linter.settings_for(str(tmp_path / "r.txt")).ignore == ("GAI201",)
    cfg.write_text("ignore = ['GAI302']\n", encoding="utf-8")
    st = cfg.stat()
    os.utime(cfg, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert linter.settings_for(str(tmp_path / "r.txt")).ignore == ("GAI302",)


# ------------------------------------------------------------------ hostile config files


def test_a_gbk_pyproject_without_a_gailint_table_is_no_config(tmp_path):
    # Common on Chinese Windows: a project file saved as GBK. It says nothing to
    # gailint, so discovery passes it by instead of raising UnicodeDecodeError.
    (tmp_path / "pyproject.toml").write_bytes("[project]\nname = '年报'\n".encode("gbk"))
    assert find_config(tmp_path / "r.txt") is None


def test_a_gbk_config_is_one_error_naming_the_file(tmp_path):
    cfg = tmp_path / "pyproject.toml"
    cfg.write_bytes("[tool.gailint]\n# 年度报告\nyear = 2023\n".encode("gbk"))
    assert find_config(tmp_path / "r.txt") == cfg.resolve()
    with pytest.raises(ConfigError) as err:
        load_config(cfg, KNOWN)
    assert str(err.value).startswith(f"{cfg}:")
    assert "UTF-8" in err.value.message and "\n" not in str(err.value)


@pytest.mark.parametrize("body", ["a = " + "[" * 50_000 + "]" * 50_000, "a = " + "{b = " * 50_000 + "1" + "}" * 50_000])
def test_a_deeply_nested_toml_is_one_error(tmp_path, body):
    cfg = write(tmp_path / "gailint.toml", body + "\n")
    with pytest.raises(ConfigError) as err:
        load_config(cfg, KNOWN)
    assert str(err.value).startswith(f"{cfg}:") and "\n" not in str(err.value)


@pytest.mark.parametrize(
    "value, words",
    [("banana", "“banana”"), ("13-01", "“13-01”"), ("02-30", "“02-30”")],
)
def test_a_rule_option_with_a_wrong_value_is_an_error_not_the_default(tmp_path, value, words):
    cfg = write(tmp_path / "gailint.toml", f"[rules.GAI404]\ntownship-deadline = '{value}'\n")
    linter = Linter.create()
    with pytest.raises(ConfigError) as err:
        load_config(cfg, linter.known_codes)
    assert (err.value.key, err.value.line) == ("rules.GAI404.township-deadline", 2)
    assert words in err.value.message and "月-日" in err.value.message


def test_a_rule_option_with_a_right_value_is_kept(tmp_path):
    cfg = write(tmp_path / "gailint.toml", "[rules.GAI404]\ntownship-deadline = '3-31'\n")
    assert load_config(cfg, Linter.create().known_codes).rule_options["GAI404"] == {"township-deadline": "3-31"}


def test_config_discovery_stops_at_the_repository_root(tmp_path):
    # As in ruff: a config above the repository (a home folder's, a parent
    # checkout's) does not apply inside it.
    write(tmp_path / "gailint.toml", "select = ['GAI7']\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert find_config(tmp_path / "repo" / "reports" / "r.txt") is None
    inside = write(tmp_path / "repo" / "gailint.toml", "select = ['GAI3']\n")
    assert find_config(tmp_path / "repo" / "reports" / "r.txt") == inside.resolve()
    # A worktree or submodule has a .git file, not a folder: the same boundary.
    (tmp_path / "wt").mkdir()
    (tmp_path / "wt" / ".git").write_text("gitdir: ../repo/.git/worktrees/wt\n", encoding="utf-8")
    assert find_config(tmp_path / "wt" / "r.txt") is None
