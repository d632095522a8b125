"""The module index, and the reading section on "My board development"."""

import io

import pytest
from django.urls import reverse

from modules.content_loader import load_content
from modules.progress import progress_record_read
from tests.conftest import sign_in
from tests.modules.factories import FIXTURES, module, unpublished_module, warm_queries

pytestmark = pytest.mark.django_db


def test_it_lists_published_modules_with_topic_and_reading_time(client, content):
    unpublished_module()
    html = client.get("/modules/").content.decode()
    assert "Alpha module" in html and "Topic: Testing" in html and "1 minute read" in html
    assert "Beta module" not in html
    assert "Your progress" not in html


def test_a_member_sees_their_status_and_a_progress_bar(client, world, content):
    progress_record_read(user=world.member, page=module())
    sign_in(client, world.member)
    html = client.get("/modules/").content.decode()
    assert "You have completed 1 of 2 modules." in html
    assert '<progress class="br-progress-bar" max="2" value="1"' in html
    assert 'nhsuk-tag--green">Complete' in html
    assert 'nhsuk-tag--grey">Not started' in html


def test_another_members_progress_does_not_show(client, world, content):
    progress_record_read(user=world.other_member, page=module())
    sign_in(client, world.member)
    html = client.get("/modules/").content.decode()
    assert "You have completed 0 of 2 modules." in html


def test_the_index_runs_the_same_queries_for_2_or_6_modules(client, world, content, tmp_path):
    sign_in(client, world.member)

    def count():
        return len(warm_queries(client, "/modules/"))

    few = count()
    (tmp_path / "modules").mkdir()
    for n in range(4):
        source = (FIXTURES / "modules" / "beta.toml").read_text()
        (tmp_path / "modules" / f"extra{n}.toml").write_text(
            source.replace('slug = "beta"', f'slug = "extra{n}"')
        )
    load_content(tmp_path)
    assert few == count()


def test_my_board_development_shows_reading_progress(client, world, content):
    progress_record_read(user=world.member, page=module())
    sign_in(client, world.member)
    html = client.get(reverse("member_home")).content.decode()
    assert "Your reading" in html
    assert "You have completed 1 of 2 modules." in html
    assert 'href="/modules/alpha/"' in html


def test_the_navigation_links_to_modules_and_the_glossary(client, world, content):
    sign_in(client, world.member)
    html = client.get(reverse("member_home")).content.decode()
    assert 'href="/modules/">Modules</a>' in html
    assert 'href="/glossary/">Glossary</a>' in html


def test_publishing_a_new_address_moves_the_navigation_when_the_publish_commits(
    client, world, content, django_capture_on_commit_callbacks
):
    """`publish_revision` (the load test's publish step) publishes a revision as an editor
    would; the cached navigation is dropped when that commits, not before: a page served by
    another process in between would otherwise cache the old address again."""
    from django.core.cache import cache
    from django.core.management import call_command

    from modules.selectors import CONTENT_URLS_CACHE

    sign_in(client, world.member)
    client.get(reverse("member_home"))
    assert cache.get(CONTENT_URLS_CACHE)

    with django_capture_on_commit_callbacks() as callbacks:
        call_command("publish_revision", "/glossary/", "--slug", "terms", stdout=io.StringIO())
        assert cache.get(CONTENT_URLS_CACHE), "dropped before the publish committed"
    for callback in callbacks:
        callback()

    assert cache.get(CONTENT_URLS_CACHE) is None
    html = client.get(reverse("member_home")).content.decode()
    assert 'href="/terms/">Glossary</a>' in html
    assert 'href="/glossary/"' not in html


def test_publish_revision_refuses_an_address_with_no_page_and_a_change_of_nothing(content):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="No live page"):
        call_command("publish_revision", "/nowhere/", "--slug", "x")
    with pytest.raises(CommandError, match="nothing to change"):
        call_command("publish_revision", "/glossary/")
