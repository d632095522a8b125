"""ARCHITECTURE.md stays true: every file and function it names exists, and the apps import
one another only in the directions it draws."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
DOCUMENT = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
# `path/to/file.py`, `path/to/folder/`, or `path/to/file.py::name`
REFERENCE = re.compile(r"`((?:[\w.]+/)+[\w.]*?)(?:::(\w+))?`")


def _references() -> list[tuple[str, str | None]]:
    found = {(path, name or None) for path, name in REFERENCE.findall(DOCUMENT)}
    return sorted(found, key=lambda reference: (reference[0], reference[1] or ""))


def _defines(source: str, name: str) -> bool:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if node.name == name:
                return True
        elif isinstance(node, ast.Assign):
            if any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                return True
        elif isinstance(node, ast.AnnAssign):
            if isinstance(node.target, ast.Name) and node.target.id == name:
                return True
    return False


def test_the_document_names_files_and_functions():
    names = [name for _, name in _references() if name]
    assert len(_references()) > 20 and len(names) > 15


@pytest.mark.parametrize(("path", "name"), _references(), ids=lambda value: value or "")
def test_every_file_and_function_it_names_exists(path, name):
    target = ROOT / path
    assert target.exists(), f"ARCHITECTURE.md names {path}, which does not exist"
    if name:
        source = target.read_text(encoding="utf-8")
        assert _defines(source, name), f"ARCHITECTURE.md names {path}::{name}, not defined there"


# The layers, from the core outwards; an area may import only from its own layer or below.
LAYERS = {
    "learning": 0,
    "modules": 1,
    "reflection": 2,
    "learning.development": 3,
    "learning.dashboard": 3,
    "learning.wres": 3,
    "learning.invitations": 3,
}
# Imports against the arrows that exist today, each explained in ARCHITECTURE.md. Remove an
# entry when its import goes; never add one.
EXCEPTIONS = {
    ("reflection/plans/appraisal.py", "learning.dashboard.blocks"),
    ("reflection/plans/appraisal.py", "learning.dashboard.pdf"),
    ("reflection/plans/pdf.py", "learning.dashboard.pdf"),
    ("reflection/plans/selectors.py", "learning.development.models"),
    ("learning/services.py", "reflection.plans.models"),
    ("learning/services.py", "reflection.assessment.models"),
    ("learning/drafts.py", "reflection.journal.crypto"),
    ("learning/audit/exporters.py", "modules.models"),
    ("learning/audit/exporters.py", "learning.invitations.models"),
    ("learning/models.py", "learning.invitations.models"),
    ("learning/services.py", "learning.development.emails"),
    ("learning/services.py", "learning.development.models"),
    ("learning/word.py", "learning.dashboard.blocks"),
    ("learning/audit/personal_data.py", "learning.invitations.models"),
    ("learning/urls.py", "learning.invitations.urls"),
}


def _layer(dotted: str) -> int | None:
    found = [prefix for prefix in LAYERS if dotted == prefix or dotted.startswith(prefix + ".")]
    return LAYERS[max(found, key=len)] if found else None


def _imports(path: Path) -> set[str]:
    """Modules imported at run time (not those under `if TYPE_CHECKING:`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(child) for body in node.body for child in ast.walk(body))
    found = set()
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
    return found


def _product_files():
    for top in ("learning", "modules", "reflection"):
        for path in (ROOT / top).rglob("*.py"):
            if "migrations" not in path.parts and "settings" not in path.parts:
                yield path


def test_apps_import_only_towards_the_core():
    wrong = []
    for path in _product_files():
        relative = path.relative_to(ROOT)
        own = _layer(".".join(relative.with_suffix("").parts))
        for imported in _imports(path):
            theirs = _layer(imported)
            if theirs is None or own is None or theirs <= own:
                continue
            if (str(relative), imported) not in EXCEPTIONS:
                wrong.append(f"{relative} imports {imported}")
    assert not wrong, "Imports against ARCHITECTURE.md's arrows:\n" + "\n".join(sorted(wrong))


def test_every_exception_is_still_needed():
    still = {
        (str(path.relative_to(ROOT)), imported)
        for path in _product_files()
        for imported in _imports(path)
    }
    assert EXCEPTIONS <= still, f"Remove from EXCEPTIONS: {sorted(EXCEPTIONS - still)}"
