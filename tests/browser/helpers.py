"""Steps many browser tests share: signing in and checking a page with axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

from tests.factories import PASSWORD

# Browser tests use the live server, so they need real transactions. The flush after each one
# removes what migrations created; the `world` fixture puts it back (tests.conftest).
BROWSER_DB = pytest.mark.django_db(transaction=True)

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def sign_in(page, live_server, user, password=PASSWORD):
    """Signs in through the real pages, entering the authenticator code where the person has
    (or needs) a second factor."""
    from learning.mfa import user_has_mfa, user_requires_mfa
    from tests.security.support import fresh_code, totp_device_for

    needs_code = password == PASSWORD and (user_requires_mfa(user) or user_has_mfa(user))
    device = totp_device_for(user) if needs_code else None
    page.goto(f"{live_server.url}/account/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    if device is not None:
        page.get_by_label("Security code").fill(fresh_code(device))
        page.get_by_role("button", name="Continue").click()


def axe_violations(page) -> list[str]:
    """What axe finds against the WCAG 2.0–2.2 A and AA rules, one line per rule broken.

    A click that loads a new page returns before the new document exists, so axe waits for the
    page to finish loading and runs again if the document was swapped while it ran."""
    for attempt in range(3):
        page.wait_for_load_state("load")
        try:
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
            break
        except PlaywrightError as error:
            swapped = "documentElement" in str(error) or "context was destroyed" in str(error)
            if not swapped or attempt == 2:
                raise
            page.wait_for_timeout(250)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


def assert_accessible(page):
    """Runs axe against the WCAG 2.0–2.2 A and AA rules and fails on any violation."""
    violations = axe_violations(page)
    assert not violations, f"axe found WCAG violations on {page.url}:\n" + "\n".join(violations)
