"""The layout of claims/ holds: the domain is pure, and the imports form no circle.

Read with `ast` only, so a function-level import counts as much as one at the top.
"""

import ast
import sys
from pathlib import Path

CLAIMS = Path(__file__).resolve().parent.parent / "claims"
PURE_OUTSIDE_DOMAIN = {
    "claims.screenshots.extract",
    "claims.screenshots.values",
    "claims.evidence.video",
    "claims.evidence.redaction",
}
# Libraries outside the standard library that pure modules may use: plain data in, data out.
PURE_LIBRARIES = {"chinese_calendar", "icalendar"}
DYNAMIC_IMPORTS = {"__import__", "import_module"}


def module_name(path: Path, root: Path = CLAIMS) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_pure(module: str) -> bool:
    return module.startswith("claims.domain") or module in PURE_OUTSIDE_DOMAIN


def imports_of(path: Path, name: str, modules: set[str]) -> set[str]:
    """Every module named by an import anywhere in the file, relative ones resolved.

    `from package import module` names the module, not the package's __init__; a call of
    __import__ or import_module counts as an import of importlib (pure modules may not).
    """
    package = name.split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Call) and _called_name(node) in DYNAMIC_IMPORTS:
            found.add(f"importlib ({_called_name(node)})")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], base]).strip(".")
            submodules = {f"{base}.{alias.name}" for alias in node.names} & modules
            found.update(submodules or {base})
    return {name for name in found if name in modules or not name.startswith("claims")}


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def import_graph(root: Path = CLAIMS) -> dict[str, set[str]]:
    files = [p for p in root.rglob("*.py") if "migrations" not in p.parts]
    names = {path: module_name(path, root) for path in files}
    modules = set(names.values())
    return {name: imports_of(path, name, modules) for path, name in names.items()}


def impurities(graph: dict[str, set[str]]) -> list[str]:
    return [
        f"{module} imports {name}"
        for module, names in sorted(graph.items())
        if is_pure(module)
        for name in sorted(names)
        if not allowed_in_pure(name)
    ]


def allowed_in_pure(name: str) -> bool:
    top = name.split(".")[0]
    if top == "claims":
        return is_pure(name)
    return (top in sys.stdlib_module_names and top != "importlib") or top in PURE_LIBRARIES


def cycle_in(graph: dict[str, set[str]]) -> list[str]:
    """One import circle as a path of modules, or [] when the graph is a DAG.

    A package's own __init__ counts as imported by its submodules only when they name it.
    """
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = "open"
        stack.append(module)
        for name in sorted(graph.get(module, ())):
            if name not in graph or name == module:
                continue
            if state.get(name) == "open":
                return [*stack[stack.index(name) :], name]
            if name not in state and (found := visit(name)):
                return found
        stack.pop()
        state[module] = "done"
        return []

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return []


def test_it_keeps_the_domain_free_of_django_and_of_impure_modules():
    assert impurities(import_graph()) == []


def test_it_finds_no_import_circle_in_claims():
    assert cycle_in(import_graph()) == []


def test_it_reports_a_planted_django_import_in_the_domain(tmp_path):
    planted = tmp_path / "claims"
    (planted / "domain").mkdir(parents=True)
    (planted / "__init__.py").write_text("")
    (planted / "domain" / "__init__.py").write_text("")
    (planted / "models.py").write_text("")
    (planted / "domain" / "rules.py").write_text(
        "import importlib\nimport weasyprint\nfrom PIL import Image\n\n"
        "def late():\n    from django.db import models\n    from claims import models as m\n"
        "    return importlib.import_module('claims.views')\n"
    )
    assert impurities(import_graph(planted)) == [
        "claims.domain.rules imports PIL",
        "claims.domain.rules imports claims.models",
        "claims.domain.rules imports django.db",
        "claims.domain.rules imports importlib",
        "claims.domain.rules imports importlib (import_module)",
        "claims.domain.rules imports weasyprint",
    ]


def test_it_reports_a_planted_circle():
    graph = {"claims.a": {"claims.b"}, "claims.b": {"claims.c"}, "claims.c": {"claims.a"}}
    assert cycle_in(graph) == ["claims.a", "claims.b", "claims.c", "claims.a"]


def test_no_module_in_claims_grows_past_400_lines_except_the_law_data():
    long = {
        module_name(path): count
        for path in CLAIMS.rglob("*.py")
        if "migrations" not in path.parts and (count := len(path.read_text().splitlines())) > 400
    }
    assert long.keys() <= {"claims.domain.law"}, long
