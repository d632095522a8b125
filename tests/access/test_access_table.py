"""One parametrised test over every (URL, persona) pair in the access table."""

import importlib
import pkgutil

import pytest

import tests.access
from tests.access.table import PERSONAS
from tests.conftest import sign_in


def _all_rows():
    rows = []
    for module in pkgutil.iter_modules(tests.access.__path__):
        if module.name.startswith("rows_"):
            rows.extend(importlib.import_module(f"tests.access.{module.name}").ROWS)
    return rows


CASES = [
    pytest.param(row, persona, id=f"{row.name} as {persona}")
    for row in _all_rows()
    for persona in PERSONAS
]


@pytest.mark.parametrize(("row", "persona"), CASES)
def test_persona_gets_expected_status(client, world, row, persona):
    user = world.persona(persona)
    if user is not None:
        sign_in(client, user)
    url = row.url(world)
    if row.method == "post":
        data = row.data(world) if row.data else {}
        response = client.post(url, data, follow=row.follow, **row.extra)
    else:
        response = client.get(url, follow=row.follow, **row.extra)
    assert response.status_code == row.expect[persona], (
        f"{row.method.upper()} {url} as {persona}: got {response.status_code}, "
        f"expected {row.expect[persona]}"
    )
