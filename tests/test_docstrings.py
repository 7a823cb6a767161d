"""Every public function, class and method of the package says what it is for."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "src" / "vergaderstukken"

Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


def public_definitions(tree: ast.Module) -> list[Definition]:
    """Module-level functions and classes without a leading underscore, and the public
    methods of those classes (dunder methods such as `__init__` count as private)."""
    found: list[Definition] = []
    for node in tree.body:
        if not isinstance(node, Definition) or node.name.startswith("_"):
            continue
        found.append(node)
        if isinstance(node, ast.ClassDef):
            found += [
                method
                for method in node.body
                if isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef)
                and not method.name.startswith("_")
            ]
    return found


def missing_docstrings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(PACKAGE).as_posix()}:{node.lineno}: {node.name}"
        for node in public_definitions(tree)
        if ast.get_docstring(node) is None
    ]


def package_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_public_definitions_have_docstrings():
    missing = [line for path in package_files() for line in missing_docstrings(path)]
    assert missing == []


PROBE = """
def documented():
    \"\"\"Yes.\"\"\"

def bare():
    pass

def _private():
    pass

class Thing:
    \"\"\"A thing.\"\"\"

    def __init__(self):
        pass

    def method(self):
        pass
"""


def test_the_check_sees_a_missing_docstring():
    tree = ast.parse(PROBE)
    definitions = public_definitions(tree)
    assert [node.name for node in definitions] == ["documented", "bare", "Thing", "method"]
    assert [node.name for node in definitions if ast.get_docstring(node) is None] == [
        "bare",
        "method",
    ]
