"""The project's standing rules, as tests: docs match the code, the core stays UI-free."""

from __future__ import annotations

import argparse
import ast
import re

import pytest

from eska_network.cli import build_parser
from eska_network.domain import schema

from .conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    """Every command, with its action for the commands that have some (``users add``)."""
    parser = build_parser()
    (subparsers,) = [a for a in parser._actions if a.dest == "command"]
    found = []
    for name, command in sorted(subparsers.choices.items()):
        actions = [a for a in command._actions if isinstance(a, argparse._SubParsersAction)]
        if not actions:
            found.append(name)
        for action in actions:
            found.extend(f"{name} {sub}" for sub in sorted(action.choices))
    return found


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_the_readme(command):
    assert re.search(rf"python -m eska_network {command}\b", README), command


@pytest.mark.parametrize(
    "column", [(spec.name, column) for spec in schema.FILES for column in spec.column_names]
)
def test_every_csv_column_is_in_the_readme(column):
    file_name, name = column
    assert f"**{file_name}**" in README
    assert f"`{name}`" in README, f"{file_name}: {name}"


def _python_files(folder: str):
    return sorted((REPO_ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _python_files("eska_network"), ids=lambda p: p.name)
def test_core_never_imports_streamlit(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert "streamlit" not in imported


def test_nothing_reads_the_shared_specification_folder():
    """The product stands alone: the specification folder beside the repository is never read."""
    marker = "/".join(("..", "shared"))
    offenders = [
        str(path.relative_to(REPO_ROOT))
        for folder in ("eska_network", "pages", "tests", "ui", "bench")
        for path in _python_files(folder)
        if marker in path.read_text(encoding="utf-8")
        or "/".join(("", "work", "")) in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
