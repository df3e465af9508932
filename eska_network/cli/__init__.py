"""The command line: each module here registers a few thin commands over the library."""

from __future__ import annotations

import argparse
import sys

from . import data_commands, store_commands, user_commands

COMMAND_MODULES = [data_commands, store_commands, user_commands]


class CommandError(Exception):
    """A failure to report on standard error with a non-zero exit status."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m eska_network",
        description="ESKA support-network dashboard: data, gaps, store and accounts.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args) or 0
    except CommandError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
