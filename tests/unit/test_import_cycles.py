"""No import cycles between the kiosk's modules, function-local imports included.

Many imports sit inside functions (start-up time), where Python tolerates a cycle until the day a module is
imported from the other end first. The graph here is read from the source with `ast`, every import statement
at any depth (`from a import b` counts as importing a.b where b is a submodule), so a cycle fails the test
wherever it hides. The modules are found by walking kiosk/, whatever its layout.
"""

from __future__ import annotations

import ast
from pathlib import Path

import kiosk

PACKAGE_DIR = Path(kiosk.__file__).parent


def modules(package_dir: Path = PACKAGE_DIR) -> dict[str, Path]:
    """Dotted name → file, for every module and package under the `kiosk` package."""
    found = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _imported(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The kiosk modules `name` imports anywhere in its source (the nearest known module of each target)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                targets.add(sub if sub in known else base)
    found = set()
    for target in targets:
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target != name and not name.startswith(target + "."):  # its own packages run first anyway
            found.add(target)
    return found


def import_graph(package_dir: Path = PACKAGE_DIR) -> dict[str, set[str]]:
    known = modules(package_dir)
    return {name: _imported(name, path, known) for name, path in known.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (a → … → a) through each strongly connected group of modules (Tarjan), shortest first."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:  # the graph is ~150 modules: recursion depth is no concern
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted((_shortest_cycle(graph, group) for group in groups), key=len)


def _shortest_cycle(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    best: list[str] = []
    for start in sorted(group):  # breadth first from each member back to itself
        paths = {start: [start]}
        frontier = [start]
        while frontier and (not best or len(paths[frontier[0]]) < len(best)):
            nxt_frontier = []
            for node in frontier:
                for nxt in sorted(graph[node] & group):
                    if nxt == start:
                        cycle = [*paths[node], start]
                        if not best or len(cycle) < len(best):
                            best = cycle
                    elif nxt not in paths:
                        paths[nxt] = [*paths[node], nxt]
                        nxt_frontier.append(nxt)
            frontier = nxt_frontier
    return best


def test_the_graph_sees_function_local_and_submodule_imports(tmp_path):
    pkg = tmp_path / "kiosk"
    (pkg / "data").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "data" / "__init__.py").write_text("")
    (pkg / "data" / "a.py").write_text("def f():\n    from kiosk.data import b\n")
    (pkg / "data" / "b.py").write_text("from . import c\n")
    (pkg / "data" / "c.py").write_text("import kiosk.data.a\n")
    graph = import_graph(pkg)
    assert graph["kiosk.data.a"] == {"kiosk.data.b"}
    assert graph["kiosk.data.b"] == {"kiosk.data.c"}
    assert cycles(graph) == [["kiosk.data.a", "kiosk.data.b", "kiosk.data.c", "kiosk.data.a"]]


def test_no_import_cycles_between_kiosk_modules():
    graph = import_graph()
    assert len(graph) > 50, f"found only {len(graph)} modules under {PACKAGE_DIR}"
    found = cycles(graph)
    assert not found, "import cycles (function-local imports included):\n" + "\n".join(
        " → ".join(cycle) for cycle in found
    )
