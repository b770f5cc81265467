"""``@frozen``: an immutable dataclass (``frozen=True, slots=True``) built faster.

A frozen dataclass's generated ``__init__`` sets every field through
``object.__setattr__(self, name, value)``, a lookup by name per field. The parser
builds hundreds of thousands of spans, lines and cells per thousand reports, and
that ``__init__`` was a tenth of the whole lint. Here each field is set through its
slot's own descriptor instead: the same object, the same immutability (assigning
later still raises ``FrozenInstanceError``), about twice as fast to build.

A class with ``__post_init__``, a ``default_factory``, keyword-only fields or an
``InitVar`` keeps the generated ``__init__``: none of the hot classes has them.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True)  # type checkers see a frozen dataclass
def frozen(cls: type[T]) -> type[T]:
    """``@dataclass(frozen=True, slots=True)`` with a fast ``__init__``."""
    cls = dataclasses.dataclass(frozen=True, slots=True)(cls)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    simple = (
        not hasattr(cls, "__post_init__")
        and all(f.init and not f.kw_only and f.default_factory is dataclasses.MISSING for f in fields)
        and len(fields) == len(getattr(cls, "__dataclass_fields__"))  # no InitVar or ClassVar pseudo-fields
    )
    if simple:
        cls.__init__ = _fast_init(cls, fields)  # type: ignore[misc]
    return cls


def _fast_init(cls: type, fields: tuple[dataclasses.Field, ...]) -> Any:
    namespace: dict[str, Any] = {}
    params, body = [], []
    for i, f in enumerate(fields):
        namespace[f"_set{i}"] = getattr(cls, f.name).__set__  # the slot's descriptor
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            namespace[f"_default{i}"] = f.default
            params.append(f"{f.name}=_default{i}")
        body.append(f"    _set{i}(self, {f.name})\n")
    source = "def __init__(self, " + ", ".join(params) + "):\n" + ("".join(body) or "    pass\n")
    exec(source, namespace)  # noqa: S102 - built from the class's own field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    return init
