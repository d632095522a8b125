"""No file of the project keeps a merge's conflict markers: one did, and the board's rounds page
showed them and listed every round twice."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AREAS = ("learning", "modules", "reflection", "templates", "static", "bench", "tests", "README.md")
SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".md"}
MARKER = re.compile(r"^(<<<<<<< |>>>>>>> |=======$)", re.MULTILINE)


def _files():
    for area in AREAS:
        path = ROOT / area
        yield from ([path] if path.is_file() else path.rglob("*"))


def test_no_file_keeps_conflict_markers():
    found = [
        str(path.relative_to(ROOT))
        for path in _files()
        if path.suffix in SUFFIXES
        and path.is_file()
        and MARKER.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not found, f"Conflict markers left in {found}"
