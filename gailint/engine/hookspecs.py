"""The contract between gailint and its plugins (rule packs).

A rule pack is a module or object that implements some of these hooks with
``@gailint.hookimpl`` and is registered through the ``gailint`` entry-point group::

    [project.entry-points.gailint]
    henan = "gailint_henan"

The shipped national pack is registered exactly this way; the engine knows no rule
by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from gailint.engine.rule import Rule

PROJECT = "gailint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

__all__ = ["hookspec", "hookimpl", "gailint_register_rules", "gailint_register_vocabulary"]


@hookspec
def gailint_register_rules() -> "list[Rule]":
    """Return the rules this pack provides.

    Called once when the plugin manager loads. Each item must be a
    :class:`gailint.Rule` (usually made with the :func:`gailint.rule` decorator);
    codes must be unique across all loaded packs. Rules are handed over as data so
    that the engine, not pluggy, calls each rule: a rule that raises is reported as
    GAI001 and the other rules still run.

    :return: a list of rules (possibly empty).

    Use in plugins: any rule pack.
    """


@hookspec
def gailint_register_vocabulary() -> "dict[str, Any]":
    """Return extra word lists that rules of other packs read.

    Keys are list names (``"typos"``: a mapping wrong → right; ``"residue"``: a list
    of page-furniture phrases); the engine merges the answers of all packs and hands
    them to rules as ``ctx.settings.vocabulary``. A provincial pack uses this to extend
    the national typo list without shipping a rule.

    :return: a mapping from list name to its entries.

    Use in plugins: packs that only add data.
    """
