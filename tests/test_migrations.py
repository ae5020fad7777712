import ast
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_it_has_no_missing_migrations():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:  # --check exits with 1 when a model change has no migration
        pytest.fail(f"Models and migrations disagree:\n{out.getvalue()}")


CLAIMS = Path(__file__).resolve().parent.parent / "claims"


def claims_imports(path: Path) -> set[str]:
    """The claims modules (and names in them) a file imports, function-level imports included."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in names if name.split(".")[0] == "claims"}


def test_it_has_no_migration_that_imports_the_rules():
    """A migration runs again on every new database: it may name models.py's helpers (and
    models.py imports only the pure domain), never a rule that changes later."""
    for path in sorted((CLAIMS / "migrations").glob("0*.py")):
        imported = claims_imports(path)
        assert all(name.startswith("claims.models") for name in imported), path.name
    imported = claims_imports(CLAIMS / "models.py")
    assert all(name.startswith("claims.domain") for name in imported), imported
