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


# --- Imports go downward only ------------------------------------------------------------------

LAYERS = {
    "i18n": 0,
    "palette": 0,
    "domain": 1,
    "child_map": 2,
    "caseload": 2,
    "districts": 2,
    "store": 3,
    "migrations": 4,
    "services": 4,
    "cli": 5,
    "__main__": 6,
}
"""Each part of the library and its layer: a module imports only from lower layers (or its own
part). The computations over the domain (map, caseload, districts) stand side by side and use
none of each other; the store keeps the published district figures, so it sits above them."""


def _imports(path, *, top_level_only: bool = False) -> set[str]:
    """The modules ``path`` imports (absolute names; relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(REPO_ROOT).with_suffix("").parts[:-1])
    nodes = _top_level(tree.body) if top_level_only else ast.walk(tree)
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _top_level(body):
    """The statements run on import: the module's body and its ``if``/``try`` blocks, not
    function bodies, nor ``if TYPE_CHECKING`` blocks."""
    for node in body:
        if isinstance(node, ast.If):
            if not (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
                yield from _top_level(node.body)
                yield from _top_level(node.orelse)
        elif isinstance(node, ast.Try):
            yield from _top_level(node.body)
            for handler in node.handlers:
                yield from _top_level(handler.body)
        else:
            yield node


def _part(module_name: str) -> str | None:
    parts = module_name.split(".")
    return parts[1] if parts[0] == "eska_network" and len(parts) > 1 else None


def test_every_part_of_the_library_has_a_layer():
    parts = {
        path.name.removesuffix(".py")
        for path in (REPO_ROOT / "eska_network").iterdir()
        if (path.is_dir() and path.name != "__pycache__" and any(path.rglob("*.py")))
        or path.suffix == ".py"
    }
    assert parts - {"__init__"} == set(LAYERS)


@pytest.mark.parametrize(
    "path", _python_files("eska_network"), ids=lambda p: str(p.relative_to(REPO_ROOT))
)
def test_imports_go_downward_only(path):
    source = _part(".".join(path.relative_to(REPO_ROOT).with_suffix("").parts))
    if source in (None, "__init__"):
        return
    upward = sorted(
        name
        for name in _imports(path)
        if (target := _part(name)) in LAYERS and target != source
        if LAYERS[target] >= LAYERS[source]
    )
    assert upward == [], f"{source} (layer {LAYERS[source]}) imports {upward}"


def test_no_import_cycle_between_modules():
    """No two modules of the library need each other on import (a cycle there breaks as soon
    as someone reorders imports)."""
    import networkx as nx

    modules = {
        ".".join(path.relative_to(REPO_ROOT).with_suffix("").parts).removesuffix(".__init__"): path
        for path in _python_files("eska_network")
    }
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        for imported in _imports(path, top_level_only=True):
            if imported in modules and imported != name and not name.startswith(imported + "."):
                graph.add_edge(name, imported)
    assert list(nx.simple_cycles(graph)) == []


def test_the_library_never_imports_the_app():
    offenders = [
        str(path.relative_to(REPO_ROOT))
        for path in _python_files("eska_network")
        if any(name.split(".")[0] in ("ui", "pages", "app") for name in _imports(path))
    ]
    assert offenders == []


# --- One concept per module ----------------------------------------------------------------------

MAX_MODULE_LINES = 400
"""A module longer than this is split by concept, or says at its top why it is one."""
WHY_ONE_MODULE = "Why one module"


def _line_count(path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_long_module_without_a_reason_at_its_top():
    offenders = []
    for folder in ("eska_network", "ui", "pages"):
        for path in _python_files(folder):
            name = str(path.relative_to(REPO_ROOT))
            if _line_count(path) <= MAX_MODULE_LINES:
                continue
            docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
            if WHY_ONE_MODULE not in docstring:
                offenders.append(f"{name} ({_line_count(path)} lines)")
    assert offenders == [], (
        f"over {MAX_MODULE_LINES} lines: split by concept, or say in the module docstring "
        f'"{WHY_ONE_MODULE} of over {MAX_MODULE_LINES} lines: ..."'
    )
