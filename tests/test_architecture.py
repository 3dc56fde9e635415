"""The generator's layers, pinned: no import cycle among its modules (imports inside
functions count), no layer importing a layer above it, no feature reaching into another
feature's modules, and no module longer than ~500 lines unless its docstring says why it
is one thing."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# Lowest first. A module may import its own layer and the layers below it.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("core", ("generator", "generator.core", "generator.fi", "generator.escape")),
    ("load", ("generator.load", "generator.parsecache")),
    ("graph", ("generator.graph",)),
    ("rules", ("generator.rules",)),
    ("domain", ("generator.domain",)),
    ("site", ("generator.site",)),
    ("features", ("generator.pages", "generator.calendar", "generator.diagrams",
                  "generator.handouts", "generator.opendata")),
    ("build", ("generator.build",)),
    ("adapters", ("generator.pipeline", "generator.plugin", "generator.cli",
                  "generator.generate", "generator.__main__", "generator.handouts.__main__",
                  "generator.mkdocs_config", "generator.mkdocs_pages", "generator.mkdocs_reuse",
                  "generator.mkdocs_memo",
                  "generator.scaffold",
                  "generator.schema", "generator.search_fi")),
)
FEATURES = dict(LAYERS)["features"]
LONG = 500


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = modules()


def imports(name: str, source: str | None = None) -> set[str]:
    """Every generator module ``name`` imports, anywhere in its source (inside functions
    and ``if TYPE_CHECKING:`` too)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    text = path.read_text("utf-8") if source is None else source
    for node in ast.walk(ast.parse(text)):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[:len(parts) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base
                       for a in node.names]
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


GRAPH = {name: imports(name) for name in MODULES}


def layer(name: str) -> int:
    """Index of the layer ``name`` belongs to (the longest matching prefix decides)."""
    best, length = -1, -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > length:
                best, length = index, len(prefix)
    return best


def feature(name: str) -> str | None:
    if layer(name) != [n for n, _ in LAYERS].index("features"):
        return None
    return next(f for f in FEATURES if name == f or name.startswith(f + "."))


def cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return found


def test_every_module_has_a_layer() -> None:
    assert [m for m in MODULES if layer(m) < 0] == []


def test_no_import_cycle() -> None:
    assert cycles() == []


def test_no_layer_imports_a_layer_above_it() -> None:
    names = [n for n, _ in LAYERS]
    upward = [f"{m} ({names[layer(m)]}) imports {t} ({names[layer(t)]})"
              for m, targets in sorted(GRAPH.items()) for t in sorted(targets)
              if layer(t) > layer(m)]
    assert upward == []


def test_features_use_each_other_only_through_their_package() -> None:
    """A feature may embed another's public output (handouts show the diagrams), but not
    reach into its modules."""
    reaching = [f"{m} imports {t}" for m, targets in sorted(GRAPH.items())
                for t in sorted(targets)
                if feature(m) and feature(t) and feature(m) != feature(t) and t not in FEATURES]
    assert reaching == []


def test_the_checks_see_imports_inside_functions() -> None:
    """Not fooled by the old trick of importing inside a function to dodge a cycle."""
    source = "def environment():\n    from .. import calendar, diagrams\n"
    assert imports("generator.site.templates", source) == {
        "generator.calendar", "generator.diagrams"}
    assert imports("generator.build", "from ..pages import page_tasks\n") == {
        "generator.pages"}


@pytest.mark.parametrize("name", [m for m, p in MODULES.items()
                                  if len(p.read_text("utf-8").splitlines()) > LONG])
def test_a_long_module_says_why_it_is_one_thing(name: str) -> None:
    docstring = ast.get_docstring(ast.parse(MODULES[name].read_text("utf-8"))) or ""
    assert "one thing" in docstring.lower(), f"{name}: split it, or say why it is one thing"
