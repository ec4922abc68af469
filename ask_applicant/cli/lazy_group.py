"""`LazyGroup`: the top-level command group, importing a command's module only to run it.

Most commands load the agent stack, SQLAlchemy or the MCP SDK; importing them all just
to print `--help` took several seconds. The group knows each command's module and one
line of help, and imports the module when the command is run or asked for its own help.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import typer
from typer import _click as click  # typer vendors click: its classes, not the package's
from typer.core import TyperCommand, TyperGroup


@dataclass(frozen=True)
class LazyCommand:
    """Where a command lives and what the top-level help says of it.

    Attributes:
        module: The module under `ask_applicant.cli`.
        attribute: A command function, or a `typer.Typer` holding a group of commands.
        help: The line shown by `ask-applicant --help`.
    """

    module: str
    attribute: str
    help: str

    def load(self, name: str) -> click.Command:
        """Import the module and build the click command."""
        module = importlib.import_module(f"ask_applicant.cli.{self.module}")
        target = getattr(module, self.attribute)
        if not isinstance(target, typer.Typer):
            # A lone function: a one-command app builds to that command.
            single = typer.Typer(pretty_exceptions_enable=False)
            single.command(name=name)(target)
            target = single
        command = typer.main.get_command(target)
        command.name = name
        return command


class LazyGroup(TyperGroup):
    """A Typer group whose commands are `LazyCommand`s, built on first use."""

    lazy: ClassVar[Mapping[str, LazyCommand]] = {}

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self._loaded: dict[str, click.Command] = {}
        self._listing = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command, in the table's order."""
        return [*super().list_commands(ctx), *self.lazy]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command; while the group's own help is drawn, a stand-in with its help line."""
        spec = self.lazy.get(cmd_name)
        if spec is None:
            return super().get_command(ctx, cmd_name)
        if self._listing:
            return TyperCommand(cmd_name, help=spec.help, short_help=spec.help)
        if cmd_name not in self._loaded:
            self._loaded[cmd_name] = spec.load(cmd_name)
        return self._loaded[cmd_name]

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The group's help, listing commands without importing them."""
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False
