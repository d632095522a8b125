"""Home and the session page come from the page-fragment cache on a repeat visit
(learning/fragments.py), and show every change at once: nothing they show is stale."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from modules.models import ModuleProgress
from tests.development.factories import assign, make_progress

pytestmark = pytest.mark.django_db


def test_home_shows_reading_set_after_it_was_cached(world, session, modules, signed_in):
    member = signed_in(world.member)

    def mentions():  # in the reading list, and in the session's checklist once it is set
        return member.get(reverse("member_home")).content.decode().count("Structural racism")

    assert mentions() == mentions() == 1  # the second from the cache
    assign(session, modules[0])  # the facilitator sets the reading
    assert mentions() == 2


def test_home_shows_the_members_own_progress_at_once(world, session, modules, signed_in):
    assign(session, modules[0])
    member = signed_in(world.member)

    def not_started():
        return member.get(reverse("member_home")).content.decode().count("Not started")

    before = not_started()
    assert not_started() == before  # from the cache
    make_progress(world.member, modules[0], "complete")
    assert not_started() < before


def test_the_session_page_shows_a_member_becoming_ready_at_once(world, session, modules, signed_in):
    assign(session, modules[0])
    url = reverse("development:session_detail", args=[session.pk])
    facilitator = signed_in(world.facilitator)
    assert "0 of 3 members ready" in facilitator.get(url).content.decode()
    assert "0 of 3 members ready" in facilitator.get(url).content.decode()  # from the cache
    make_progress(world.member, modules[0], "complete")
    assert "1 of 3 members ready" in facilitator.get(url).content.decode()


def test_the_session_page_is_never_served_from_another_persons_cache(
    world, session, modules, signed_in, client
):
    url = reverse("development:session_detail", args=[session.pk])
    assert signed_in(world.facilitator).get(url).status_code == 200
    client.logout()
    # The access check runs before the cache is asked: a member of the board still gets 404.
    assert signed_in(world.member).get(url).status_code == 404


def test_a_readers_last_activity_is_still_refreshed(world, modules, signed_in):
    member = signed_in(world.member)
    url = modules[0].url
    member.get(url)
    member.get(url)  # the progress row now comes from the cache
    long_ago = timezone.now() - timedelta(minutes=30)
    ModuleProgress.objects.filter(user=world.member).update(last_activity_at=long_ago)
    member.get(url)
    assert ModuleProgress.objects.get(user=world.member).last_activity_at > long_ago


def test_the_module_page_shows_marked_as_read_and_goes_when_unpublished(world, modules, signed_in):
    member = signed_in(world.member)
    url = modules[0].url
    member.get(url)
    assert "I have read this module" in member.get(url).content.decode()  # from the cache
    member.post(reverse("modules:module_read", args=[modules[0].pk]))
    assert "You marked this module as read" in member.get(url).content.decode()
    modules[0].unpublish()
    assert member.get(url).status_code == 404
