"""A signed-in person without Wagtail admin access who opens /admin/ gets a page saying the
admin is for content editors, not a loop between /admin/ and sign-in."""

from django.urls import reverse


def test_a_member_opening_the_admin_is_told_it_is_for_editors(world, signed_in):
    response = signed_in(world.member).get("/admin/", follow=True)
    content = response.content.decode()
    assert response.status_code == 403
    assert response.redirect_chain == []
    assert "The admin is for content editors" in content
    assert f'href="{reverse("member_home")}"' in content
    assert 'class="nhsuk-header' in content  # the service's own layout


def test_a_facilitator_opening_an_admin_page_gets_the_same_page(world, signed_in):
    response = signed_in(world.facilitator).get("/admin/pages/", follow=True)
    assert response.status_code == 403
    assert "The admin is for content editors" in response.content.decode()


def test_signing_in_again_with_next_admin_ends_on_the_page_not_a_loop(world, signed_in):
    client = signed_in(world.member)
    response = client.get(f"{reverse('account_login')}?next=/admin/", follow=True)
    assert response.status_code in (200, 403)
    assert len(response.redirect_chain) <= 2


def test_a_signed_out_visitor_is_still_sent_to_sign_in(client, world):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_an_editor_still_reaches_the_admin(world, signed_in):
    assert signed_in(world.editor).get("/admin/").status_code == 200
