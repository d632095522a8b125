"""POST "I have read this module"."""

import pytest
from django.urls import reverse

from modules.models import ModuleProgress
from tests.conftest import sign_in
from tests.modules.factories import module, unpublished_module

pytestmark = pytest.mark.django_db


def _read_url(page):
    return reverse("modules:module_read", args=[page.pk])


def test_it_records_that_the_member_has_read_the_module(client, world, content):
    sign_in(client, world.member)
    response = client.post(_read_url(module()))
    assert response.status_code == 302
    assert response.url == "/modules/alpha/#reading-progress"
    progress = ModuleProgress.objects.get(user=world.member, page=module())
    assert progress.read_at is not None


def test_posting_twice_records_one_read(client, world, content):
    sign_in(client, world.member)
    client.post(_read_url(module()))
    first = ModuleProgress.objects.get(user=world.member).read_at
    client.post(_read_url(module()))
    assert ModuleProgress.objects.filter(user=world.member).count() == 1
    assert ModuleProgress.objects.get(user=world.member).read_at == first


def test_the_module_page_then_says_when_it_was_read(client, world, content):
    sign_in(client, world.member)
    client.post(_read_url(module()))
    html = client.get(module().url).content.decode()
    assert "You marked this module as read on" in html
    assert "I have read this module" not in html


def test_an_unpublished_module_is_not_found(client, world, content):
    sign_in(client, world.member)
    page = unpublished_module()
    assert client.post(_read_url(page)).status_code == 404
    assert not ModuleProgress.objects.exists()


def test_a_module_that_does_not_exist_is_not_found(client, world, content):
    sign_in(client, world.member)
    assert client.post(reverse("modules:module_read", args=[999999])).status_code == 404


def test_it_only_accepts_post(client, world, content):
    sign_in(client, world.member)
    assert client.get(_read_url(module())).status_code == 405
    assert not ModuleProgress.objects.exists()


def test_an_anonymous_reader_is_asked_to_sign_in(client, content):
    response = client.post(_read_url(module()))
    assert response.status_code == 302 and "/account/sign-in/" in response.url
    assert not ModuleProgress.objects.exists()
