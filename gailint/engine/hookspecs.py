"""The contract between gailint and its plugins (rule packs).

A rule pack is a module or object that implements some of these hooks with
``@gailint.hookimpl`` and is registered through the ``gailint`` entry-point group::

    [project.entry-points.gailint]
    henan = "gailint_henan"

The entry-point name is the pack's name: the one a config lists in ``packs``. The
shipped packs (core, national, henan, sichuan) are registered exactly this way, and a
declarative ``*.toml`` pack is turned into a plugin implementing the same hooks; the
engine knows no rule by name.

Every hook is optional and is called once, when the pack loads, never per report:
a pack hands over data (rules, metadata, overrides, word lists), and the engine
decides, per file, which packs are in use (see ``docs/writing-a-pack.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from collections.abc import Mapping

    from gailint.engine.pack import PackInfo, RuleOverride
    from gailint.engine.rule import Rule

PROJECT = "gailint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

__all__ = [
    "hookspec",
    "hookimpl",
    "gailint_pack_info",
    "gailint_register_rules",
    "gailint_register_vocabulary",
    "gailint_rule_overrides",
]


@hookspec
def gailint_pack_info() -> "PackInfo":
    """Return the pack's metadata.

    Shown by ``gailint packs`` and ``gailint rules``. ``version`` may be left empty:
    the version of the distribution that registered the entry point is used.
    ``default=True`` makes the pack run for every file without being listed in the
    config's ``packs``; leave it False for a province's pack.

    :return: a :class:`gailint.PackInfo`.

    Use in plugins: every pack should implement it (a pack without it is treated as
    ``PackInfo()`` with its distribution's version).
    """


@hookspec
def gailint_register_rules() -> "list[Rule]":
    """Return the rules this pack provides.

    Each item must be a :class:`gailint.Rule` (usually made with the
    :func:`gailint.rule` decorator). Codes must be unique across all loaded packs and
    namespaced: a code's letters (``HEN`` in ``HEN001``) belong to the first pack (or
    distribution) that uses them, and ``GAI`` belongs to gailint. Rules are handed over
    as data so that the engine, not pluggy, calls each rule: a rule that raises is
    reported as GAI001 and the other rules still run.

    :return: a list of rules (possibly empty).

    Use in plugins: any pack with checks of its own.
    """


@hookspec
def gailint_register_vocabulary() -> "dict[str, Any]":
    """Return extra word lists that the rules of other packs read.

    Known lists:

    - ``"typos"``: a mapping wrong → right, added to the national typo rule (GAI706);
    - ``"residue"``: phrases of web-page furniture that start a line, added to the
      national residue rule (GAI701);
    - ``"labels"``: a mapping template label → list of accepted variants, which the
      national label rule (GAI201) then does not report.

    The engine merges the answers of the packs in use for a file (the default packs
    first, then those listed in ``packs``, in order) and hands them to rules as
    ``ctx.vocabulary``; a pack's own rules may read lists of their own names too.

    :return: a mapping from list name to its entries.

    Use in plugins: packs that only add data.
    """


@hookspec
def gailint_rule_overrides() -> "Mapping[str, RuleOverride]":
    """Return how this pack changes other packs' rules while it is in use.

    Keys are rule codes (usually national ones, e.g. ``"GAI401"``); values are
    :class:`gailint.RuleOverride` with a severity and/or option values. Every code must
    be declared in the pack's ``PackInfo.overrides``; options are checked against the
    rule's own options and their types. The overrides apply only to files whose config
    selects the pack, and the user's config still wins over them.

    :return: a mapping from rule code to its override.

    Use in plugins: packs that make a national rule stricter or looser, e.g. a
    province whose 乡镇 publish by 3月31日 (``GAI404``'s ``township-deadline``).
    """
