"""The command line: each module here registers a few thin commands over the library."""

from __future__ import annotations

import argparse
import os
import sys

from . import data_commands, map_commands, store_commands, user_commands

COMMAND_MODULES = [data_commands, map_commands, store_commands, user_commands]


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


BROKEN_PIPE_STATUS = 128 + 13
"""The exit status of a command whose reader went away (as a shell reports death by SIGPIPE)."""


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args) or 0
    except CommandError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (``report ... | head``): stop quietly, as Unix tools do, and keep
        # Python from complaining again when it flushes standard output at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE_STATUS
