"""The header keeps its first links in the bar and the rest in a "More" menu needing no script."""

import re

import pytest

from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

LINK = r'class="nhsuk-header__navigation-link" href="[^"]+"[^>]*>([^<]+)<'


def test_the_more_menu_is_a_details_element_holding_every_link_but_the_first(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    html = client.get("/my/").content.decode()
    start = html.index('aria-label="Menu"')
    nav = html[start : html.index("</nav>", start)]
    bar, menu = nav.split("<details", 1)
    bar_labels = re.findall(LINK, bar)
    menu_labels = re.findall(LINK, menu)
    assert "<summary" in menu
    assert len(bar_labels) > 2
    assert bar_labels[0] == "My board development"
    assert menu_labels == bar_labels[1:]
    assert 'class="nhsuk-header__navigation-item br-nav-tier-1' in bar
