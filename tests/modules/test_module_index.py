"""The module index, and the reading section on "My board development"."""

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
