"""No file the project serves or runs keeps a merge's conflict markers: a template with them
renders both sides of the conflict and the markers as text (the board's rounds page did)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKED = (
    "learning",
    "modules",
    "reflection",
    "templates",
    "static",
    "tests",
    "scripts",
    "bench",
    "deploy",
)
SUFFIXES = {".html", ".py", ".css", ".js", ".txt", ".md", ".toml"}
MARKER = re.compile(r"^(<{7} |={7}$|>{7} )", re.MULTILINE)


def test_no_file_keeps_conflict_markers():
    found = [
        f"{path.relative_to(ROOT)}:{text[: match.start()].count(chr(10)) + 1}"
        for folder in CHECKED
        if (ROOT / folder).exists()
        for path in (ROOT / folder).rglob("*")
        if path.suffix in SUFFIXES and path.is_file()
        for text in [path.read_text(errors="ignore")]
        for match in MARKER.finditer(text)
    ]
    assert not found, f"Conflict markers left by a merge: {found}"
