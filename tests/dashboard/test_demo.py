"""The demo: Northbridge's chair sees a full dashboard; Eastmoor's sees suppression notices."""

from django.core.management import call_command

from learning.development.models import DevelopmentSession
from learning.models import User
from modules.quizzes.models import Attempt
from tests.dashboard.support import get


def _seed():
    with open("/dev/null", "w") as quiet:
        call_command("seed_demo", stdout=quiet)


def test_the_demo_fills_northbridge_and_hides_eastmoors_small_figures(client, world):
    _seed()
    counts = (DevelopmentSession.objects.count(), Attempt.objects.count())
    _seed()
    assert (DevelopmentSession.objects.count(), Attempt.objects.count()) == counts

    chair = User.objects.get(email="chair@northbridge.example")
    html = get(client, chair, "board_dashboard", chair.memberships.get().board).content.decode()
    assert html.count('role="img"') == 7  # with the trend across three closed rounds
    assert "Not enough answers to show" not in html

    chair = User.objects.get(email="chair@eastmoor.example")
    html = get(client, chair, "board_dashboard", chair.memberships.get().board).content.decode()
    assert "Not enough answers to show" in html
    assert "Some results are not shown" in html
