"""'Your account': which automatic emails a person gets. All on until they turn one off."""

from django.urls import reverse

from learning import email_choices
from learning.models import EmailOptOut


def test_every_automatic_email_is_on_until_the_person_turns_it_off(world, signed_in):
    assert email_choices.kinds_on(world.member) == set(email_choices.KEYS)
    page = signed_in(world.member).get(reverse("account_security"))
    content = page.content.decode()
    assert "Self-assessment round opened" in content and "Overdue" in content


def test_a_member_turns_one_email_off_and_on_again(world, signed_in):
    client = signed_in(world.member)
    url = reverse("account_emails")
    keep = [email_choices.DUE_SOON, email_choices.OVERDUE]
    assert client.post(url, {"on": keep}).status_code == 302
    assert email_choices.kinds_on(world.member) == set(keep)
    client.post(url, {"on": keep})  # saving the same choices twice changes nothing
    assert EmailOptOut.objects.filter(user=world.member).count() == 1
    client.post(url, {"on": [*keep, email_choices.ROUND_OPENED]})
    assert not EmailOptOut.objects.exists()


def test_an_unknown_email_kind_is_refused_by_the_field_and_nothing_changes(world, signed_in):
    page = signed_in(world.member).post(reverse("account_emails"), {"on": ["security"]})
    assert page.status_code == 200
    assert "Choose from the emails listed." in page.content.decode()
    assert not EmailOptOut.objects.exists()


def test_one_persons_choices_never_touch_anothers(world, signed_in):
    signed_in(world.member).post(reverse("account_emails"), {"on": []})
    assert email_choices.kinds_on(world.other_member) == set(email_choices.KEYS)
    assert email_choices.kinds_on(world.member) == set()
