"""Typer's parameter coercion, deferred until a value needs converting.

Typer (0.29) builds a pydantic TypeAdapter for a parameter before it looks at the value, even
for an option left unset (None) or a default that already has the right type. That import alone
costs about as much CPU as a bare Typer app's whole `--help`, and `cs-team lint --help` or a
cached lint paid it for nothing. Each parameter's coercion is wrapped so that pydantic is
reached only for a value given on the command line. If a later Typer stores coercion
differently, nothing is wrapped and everything works as before, only slower.
"""

from __future__ import annotations

import contextlib
from enum import Enum
from types import SimpleNamespace
from typing import Any


class _Deferred:
    """What ``RuntimeParam.coerce`` does with an unset value or an enum choice; the real coercion
    (and its error messages) for anything else."""

    def __init__(self, parameter: Any) -> None:
        self.parameter = parameter
        self.real: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        annotation = self.parameter.type_descriptor.annotation
        if value is None:  # as typer's own RuntimeParam.coerce answers an unset value
            return () if (param.multiple or param.nargs == -1) else None
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            if isinstance(value, annotation):
                return value  # a default member
            if isinstance(value, str) and value in annotation._value2member_map_:
                return annotation(value)  # a choice given exactly: what the real coercion returns
        if self.real is None:
            from typer._coercion import build_runtime_param

            self.real = build_runtime_param(self.parameter.type_descriptor)
        return self.real.coerce(value, param=param, ctx=ctx)


def defer_coercion(command: Any, help_names: list[str] | None = None) -> None:
    """Wrap the coercion of every parameter of ``command`` and of its subcommands."""
    settings = getattr(command, "context_settings", None) or {}
    help_names = settings.get("help_option_names") or help_names or ["--help"]
    parameters = list(getattr(command, "params", ()))
    with contextlib.suppress(AttributeError, TypeError):  # made on first use and kept: make it now
        parameters.append(command.get_help_option(SimpleNamespace(help_option_names=help_names)))
    for parameter in parameters:
        if getattr(parameter, "_runtime_param", False) is None and hasattr(parameter, "type_descriptor"):
            parameter._runtime_param = _Deferred(parameter)
    for sub in getattr(command, "commands", {}).values():
        defer_coercion(sub, help_names)
