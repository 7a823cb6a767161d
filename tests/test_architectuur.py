"""The package's modules import each other in one direction only: no circles.

The pipeline reads commands -> load -> gather -> render -> write; a module that imports a
module which (through others) imports it back would tie two stages together. Imports
under `if TYPE_CHECKING:` count too: a circle for the type checker is a circle for a
reader.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "vergaderstukken"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports (a `from x import name` that names a
    submodule counts as an import of that submodule)."""
    files = {module_name(f): f for f in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            graph[name].update(t for t in targets if t in graph and t != name)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_through_others():
    assert circles(import_graph()) == []


def test_the_graph_sees_imports():
    graph = import_graph()
    assert "vergaderstukken.render.job" in graph["vergaderstukken.render.documents.agenda"]
    assert "vergaderstukken.load.werkmap" in graph["vergaderstukken.commands.build"]


def test_a_circle_is_found():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_rendering_never_imports_the_public_edition():
    """The public edition is an edition object the documents render through."""
    graph = import_graph()
    render = [m for m in graph if m.startswith("vergaderstukken.render")]
    assert [m for m in render if any(t.startswith("vergaderstukken.woo") for t in graph[m])] == []


def test_loading_never_imports_rendering():
    graph = import_graph()
    load = [m for m in graph if m.startswith(("vergaderstukken.load", "vergaderstukken.schema"))]
    upward = (
        "vergaderstukken.render",
        "vergaderstukken.commands",
        "vergaderstukken.gather",
        "vergaderstukken.afspraken",
    )
    assert [m for m in load if any(t.startswith(upward) for t in graph[m])] == []


def reachable(graph: dict[str, set[str]], start: list[str]) -> set[str]:
    """Every module the `start` modules import, directly or through others."""
    seen: set[str] = set()
    todo = list(start)
    while todo:
        for other in graph[todo.pop()]:
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def test_gathering_never_imports_rendering_the_public_edition_or_commands():
    """Gathering needs no WeasyPrint and no template: data flows one way, down."""
    graph = import_graph()
    stage = (["vergaderstukken", "gather"], ["vergaderstukken", "afspraken"])
    gather = [m for m in graph if m.split(".")[:2] in stage]
    upward = ("vergaderstukken.render", "vergaderstukken.woo.editie", "vergaderstukken.commands")
    assert len(gather) >= 2  # the modules (or packages and their modules) of the stage
    assert sorted(m for m in reachable(graph, gather) if m.startswith(upward)) == []


def test_reachable_follows_imports_through_others():
    assert reachable({"a": {"b"}, "b": {"c"}, "c": set(), "d": {"a"}}, ["a"]) == {"b", "c"}


def test_rendering_never_imports_loading_or_commands():
    graph = import_graph()
    render = [m for m in graph if m.startswith("vergaderstukken.render")]
    upward = ("vergaderstukken.load", "vergaderstukken.commands")
    assert [m for m in render if any(t.startswith(upward) for t in graph[m])] == []
