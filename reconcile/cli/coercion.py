"""Option values accepted without building a pydantic adapter.

Recent typer releases turn every parameter's value into its Python type through a pydantic
`TypeAdapter`, built for each parameter of the command before it runs, even for an option
left unset: importing pydantic and building a dozen adapters costs 60-80 ms, a third of a
`check`. Nearly every value our commands receive is already what the adapter would return (a
string for a `str` option, one of an enum's values, a list of strings), so `Quick` accepts
those directly, with typer's own choice matching, and hands anything else (a number given as
text, a wrong choice, a parser, a path type) to typer's own adapter, built then: the values
and the error messages are typer's. With a typer that has no such adapters, nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, get_args, get_origin

from typer._coercion import RuntimeParam, build_runtime_param, resolve_type_descriptor
from typer._param_types import coerce_cli_choice


@dataclass(frozen=True)
class Quick(RuntimeParam):
    """One parameter's coercion: the plain cases here, the rest through typer's adapter."""

    def _coerce_value(self, value: Any, param, ctx) -> Any:
        try:
            quick = self.accept(self.annotation, value, ctx)
        except (AttributeError, TypeError):  # typer's private helpers changed: its own path
            quick = NOT_PLAIN
        if quick is not NOT_PLAIN:
            return quick
        descriptor = resolve_type_descriptor(self.annotation, self.parameter_info)
        return build_runtime_param(descriptor)._coerce_value(value, param=param, ctx=ctx)

    def accept(self, annotation: Any, value: Any, ctx) -> Any:
        """`value` as typer's adapter would return it, or NOT_PLAIN when that takes the
        adapter to say."""
        info = self.parameter_info
        if info.parser is not None:
            return NOT_PLAIN
        kind = type(value)
        if annotation is str or annotation is bool:
            return value if kind is annotation else NOT_PLAIN
        if annotation is int or annotation is float:  # `type`, not isinstance: bool is an int
            plain = kind is annotation and info.min is None and info.max is None
            return value if plain else NOT_PLAIN
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            if isinstance(value, annotation) or kind is str:
                try:
                    choices = tuple(annotation)
                    return coerce_cli_choice(
                        value, choices=choices, case_sensitive=info.case_sensitive, ctx=ctx
                    )
                except ValueError:  # not one of them: typer's adapter words the error
                    return NOT_PLAIN
            return NOT_PLAIN
        strings = get_origin(annotation) is list and get_args(annotation) == (str,)
        if strings and isinstance(value, list | tuple) and all(type(v) is str for v in value):
            return list(value)
        return NOT_PLAIN


NOT_PLAIN = object()


def quick_coercion(params: list) -> list:
    """Give each typer parameter not yet coerced the quick coercion in place of the adapter
    typer would build for it."""
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", False) is not None:
            continue
        if getattr(descriptor, "file_annotation", True) is None:
            try:
                quick = Quick(
                    parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
                )
            except (AttributeError, TypeError):  # another typer's fields: leave it typer's
                continue
            param._runtime_param = quick
    return params
