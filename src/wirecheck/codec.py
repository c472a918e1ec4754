"""JSON round-trip for the dataclasses in :mod:`wirecheck.models`.

``to_data`` turns any model object into JSON-able data; ``from_data(cls, data)`` rebuilds it,
following the type hints, so stored analyses and results sent between processes come back as
the same dataclasses.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from typing import Any, TypeVar

from wirecheck import models

T = TypeVar("T")


def to_data(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        # (a field marked ``stored: False`` is a cache of what the rest gives: left out)
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if f.metadata.get("stored", True)}
    if isinstance(obj, dict):
        return {str(k) if not isinstance(k, tuple) else "\x1f".join(k): to_data(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_data(v) for v in obj]
    return obj


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(models))


def _convert(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], data) if len(args) == 1 else data
    if dataclasses.is_dataclass(tp):
        return from_data(tp, data)
    if origin is list:
        (arg,) = typing.get_args(tp) or (Any,)
        return [_convert(arg, v) for v in data]
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in data)
        return tuple(_convert(a, v) for a, v in zip(args, data, strict=False))
    if origin is dict:
        key_tp, val_tp = typing.get_args(tp) or (Any, Any)
        out = {}
        for k, v in data.items():
            key = tuple(k.split("\x1f")) if typing.get_origin(key_tp) is tuple else k
            out[key] = _convert(val_tp, v)
        return out
    return data


def from_data(cls: type[T], data: dict[str, Any]) -> T:
    hints = _hints(cls)
    kwargs = {f.name: _convert(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


def dumps(obj: Any) -> str:
    return json.dumps(to_data(obj), ensure_ascii=False, separators=(",", ":"))


def loads(cls: type[T], text: str) -> T:
    return from_data(cls, json.loads(text))
