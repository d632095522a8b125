"""learning/privacy.py: the one reader of the minimum group, and the rule every area applies."""

import re
from pathlib import Path

import pytest

from learning import privacy

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ["learning", "modules", "reflection", "templates", "bench", "scripts"]
ALLOWED = {
    Path("learning/privacy.py"),
    Path("learning/settings/base.py"),
    Path("learning/settings/test.py"),
}
READ = re.compile(r"\bBOARDREADY_MIN_GROUP\b")


def readers() -> list[Path]:
    found = []
    for folder in SOURCE:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in {".py", ".html", ".txt"} or "migrations" in path.parts:
                continue
            if READ.search(path.read_text(encoding="utf-8")):
                found.append(path.relative_to(ROOT))
    return found


def test_only_the_privacy_module_and_settings_read_the_minimum_group():
    assert privacy.__file__.endswith("learning/privacy.py")
    assert set(readers()) - ALLOWED == set()


def test_the_search_finds_the_privacy_module_itself():
    # if the search looked in the wrong place the test above would pass on nothing
    assert Path("learning/privacy.py") in readers()


@pytest.mark.parametrize(("count", "shown"), [(4, False), (5, True), (6, True)])
def test_a_group_is_shown_from_the_minimum(settings, count, shown):
    settings.BOARDREADY_MIN_GROUP = 5
    assert privacy.group_is_shown(count) is shown


def test_the_minimum_never_goes_below_three(settings):
    settings.BOARDREADY_MIN_GROUP = 1
    assert privacy.minimum_group() == 3
    assert not privacy.group_is_shown(2)
    assert not privacy.group_is_shown(2, minimum=1)


def test_the_withheld_wording_names_the_minimum(settings):
    settings.BOARDREADY_MIN_GROUP = 7
    assert privacy.withheld() == "Fewer than 7 answered"
    assert "at least 7 members" in privacy.withheld_reason()
