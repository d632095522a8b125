import pytest
from django.core.management import CommandError, call_command

from learning.models import Board, Membership, User


def test_it_loads_every_demo_sign_in_once_even_when_run_twice(db, settings):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (User.objects.count(), Membership.objects.count(), Board.objects.count())
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (User.objects.count(), Membership.objects.count(), Board.objects.count()) == counts
    northbridge = Board.objects.get(organisation__name__startswith="Northbridge")
    assert northbridge.memberships.count() == 12
    assert User.objects.get(email="ned1@northbridge.example").check_password("boardready-demo")
    editor = User.objects.get(email="editor@boardready.example")
    assert editor.has_perm("wagtailadmin.access_admin")
    assert not editor.memberships.exists()


def test_it_refuses_to_run_under_production_settings(db, settings):
    settings.BOARDREADY_ENVIRONMENT = "production"
    with pytest.raises(CommandError):
        call_command("seed_demo")


def test_demo_leaders_get_an_authenticator_whose_code_works(db):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from learning.demo import demo_code

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    chair = User.objects.get(email="chair@northbridge.example")
    device = TOTPDevice.objects.get(user=chair)
    assert device.verify_token(demo_code(chair.email))
    member = User.objects.get(email="ned1@northbridge.example")
    assert not TOTPDevice.objects.filter(user=member).exists()


def test_the_demo_moderator_can_approve_a_module_an_editor_submitted(db):
    """The editor alone could submit to "Moderators approval" but nobody could approve."""
    from modules.models import ModulePage

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    editor = User.objects.get(email="editor@boardready.example")
    moderator = User.objects.get(email="moderator@boardready.example")
    page = ModulePage.objects.first()
    revision = page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    task = page.current_workflow_task
    assert "approve" not in [name for name, *_ in task.get_actions(page, editor)]
    assert "approve" in [name for name, *_ in task.get_actions(page, moderator)]
    task.on_action(page.current_workflow_task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live_revision_id == revision.pk
    assert moderator.totpdevice_set.filter(confirmed=True).exists()
