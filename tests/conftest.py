"""Shared fixtures: the personas every access test and most view tests use."""

import os
from dataclasses import dataclass

import pytest

from learning.models import Role
from tests.factories import BoardFactory, MembershipFactory, OrganisationFactory, UserFactory

# Playwright's sync API runs an event loop in the test thread; Django's live server is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@dataclass
class World:
    """Two boards in two organisations, and one person in each persona.

    board_a: member, other_member, facilitator and chair sit on it.
    board_b: other_chair chairs it, in another organisation.
    editor: a content editor with Wagtail admin access and no board.
    """

    board_a: object
    board_b: object
    member: object
    other_member: object
    facilitator: object
    chair: object
    other_chair: object
    editor: object

    def persona(self, name):
        return None if name == "anonymous" else getattr(self, name)

    def membership(self, user, board=None):
        return user.memberships.get(board=board or self.board_a)


PERSONAS = [
    "anonymous",
    "member",
    "other_member",
    "facilitator",
    "chair",
    "other_chair",
    "editor",
]


def _grant_editor_permissions():
    """What the migrations grant Wagtail's groups (snippets, knowledge checks, instruments),
    granted again: a transactional test's flush removes it, and with tests spread over
    processes a flush can come before a test that needs it."""
    from importlib import import_module

    from django.apps import apps

    for name in (
        "modules.migrations.0005_content_editor_permissions",
        "modules.quizzes.migrations.0002_editor_permissions",
        "reflection.assessment.migrations.0002_editor_permissions",
        "reflection.plans.migrations.0002_editor_permissions",
    ):
        import_module(name).grant(apps, None)


def ensure_site_tree():
    """Puts back what the migrations create, which transactional (browser) tests flush away:
    Wagtail's root, the BoardReady home page and site, and the Editors group."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Locale, Page, Site

    from modules.models import HomePage

    editors, created = Group.objects.get_or_create(name="Editors")
    if created:  # a flush took it, with what the migrations had granted
        editors.permissions.add(Permission.objects.get(codename="access_admin"))
        _grant_editor_permissions()
    if HomePage.objects.exists():
        return
    Locale.objects.get_or_create(language_code="en-gb")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = root.add_child(instance=HomePage(title="Board development for race equality"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )


def make_editor():
    from django.contrib.auth.models import Group

    editor = UserFactory(first_name="Esther", last_name="Editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache, as rows from one test's rolled-back transaction
    must not live on in another's cached pages, charts or navigation."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    ensure_site_tree()
    board_a = BoardFactory(organisation=OrganisationFactory(name="Alderley NHS Foundation Trust"))
    board_b = BoardFactory(organisation=OrganisationFactory(name="Brookfield NHS Trust"))

    def seat(role, board, **names):
        return MembershipFactory(board=board, role=role, user=UserFactory(**names)).user

    return World(
        board_a=board_a,
        board_b=board_b,
        member=seat(Role.NON_EXECUTIVE_DIRECTOR, board_a, first_name="Maya", last_name="Member"),
        other_member=seat(Role.EXECUTIVE_DIRECTOR, board_a, first_name="Omar", last_name="Other"),
        facilitator=seat(Role.FACILITATOR, board_a, first_name="Fay", last_name="Facilitator"),
        chair=seat(Role.CHAIR, board_a, first_name="Charles", last_name="Chair"),
        other_chair=seat(Role.CHAIR, board_b, first_name="Bea", last_name="Brookfield"),
        editor=make_editor(),
    )


def sign_in(client, user):
    """Signs a test client in as `user`, as the real sign-in would (every factor satisfied).

    People who need a second factor (or have one) get a confirmed authenticator device, and
    the session is marked verified with it, as django_otp.login does after a right code.
    """
    from django_otp import DEVICE_ID_SESSION_KEY

    from learning.mfa import MFA_SESSION_KEY, STATE_VERIFY, user_has_mfa, user_requires_mfa
    from tests.security.support import totp_device_for

    device = totp_device_for(user) if user_requires_mfa(user) or user_has_mfa(user) else None
    client.force_login(user)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session[MFA_SESSION_KEY] = STATE_VERIFY
        session.save()
    return client


@pytest.fixture
def signed_in(client):
    """A function that signs the test client in as a user and returns it."""
    return lambda user: sign_in(client, user)
