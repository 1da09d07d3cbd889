"""Dependencies between our apps run one way: evaluation → pipeline → claims → articles → common.

Every import is read from the source with ``ast``, wherever it stands (top of a module, inside a
function, ``importlib.import_module("…")``), so an import moved into a function cannot hide a circle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The project package (settings, URLs, the Celery app) and our apps.
PACKAGES = ("claimtrack", "common", "articles", "claims", "watches", "pipeline", "evaluation")


def imported_modules(source: str) -> Iterator[str]:
    """Every absolute module name a module's source imports, at any depth of its code."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)  # the name may be a module
        elif isinstance(node, ast.Call) and _called_name(node.func) == "import_module" and node.args:
            if isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                yield node.args[0].value


def _called_name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def imports_of(package: str) -> dict[str, set[str]]:
    """For each of our other packages that ``package`` imports: the files that import it."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        for module in imported_modules(path.read_text(encoding="utf-8")):
            target = module.split(".")[0]
            if target in PACKAGES and target != package:
                found.setdefault(target, set()).add(str(path.relative_to(ROOT)))
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, dict[str, set[str]]]:
    return {package: imports_of(package) for package in PACKAGES}


def test_the_reader_sees_imports_inside_functions_and_by_name():
    source = "def f():\n    from articles import services\n\nimportlib.import_module('evaluation.synthetic')\n"

    assert set(imported_modules(source)) == {"articles", "articles.services", "evaluation.synthetic"}


@pytest.mark.parametrize("package", ["claims", "articles", "common"])
def test_claims_and_below_never_import_the_pipeline_or_the_measuring_tools(graph, package):
    assert not {name: graph[package][name] for name in ("pipeline", "evaluation") if name in graph[package]}


def test_claims_never_imports_the_writes_of_articles():
    """Storing articles is the pipeline's business: claims reads articles, it never creates them."""
    found = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "claims").rglob("*.py")
        for module in imported_modules(path.read_text(encoding="utf-8"))
        if module == "articles.services" or module.startswith("articles.services.")
    }
    assert not found


@pytest.mark.parametrize("package", ["claims", "articles", "common"])
def test_claims_and_below_never_import_the_watches(graph, package):
    """Watches read claims; the pipeline calls them after linking. Claims never know they exist."""
    assert "watches" not in graph[package], graph[package].get("watches")


def test_articles_never_imports_claims(graph):
    assert "claims" not in graph["articles"], graph["articles"].get("claims")


def test_common_imports_none_of_our_apps(graph):
    assert not {name: files for name, files in graph["common"].items() if name != "claimtrack"}


def test_nothing_imports_the_measuring_tools(graph):
    assert not {package: imports["evaluation"] for package, imports in graph.items() if "evaluation" in imports}


def test_there_is_no_circle_between_packages(graph):
    assert find_cycle({package: set(imports) for package, imports in graph.items()}) is None


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """A circle of packages (first == last), or None when the graph has none."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str] | None:
        if node in path:
            return path[path.index(node) :] + [node]
        if node in done:
            return None
        for nxt in sorted(edges.get(node, ())):
            if cycle := visit(nxt, [*path, node]):
                return cycle
        done.add(node)
        return None

    return next((cycle for node in sorted(edges) if (cycle := visit(node, []))), None)


def test_the_circle_finder_finds_a_circle_hidden_two_steps_away():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
