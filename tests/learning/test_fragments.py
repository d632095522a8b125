"""The cache of personal page fragments (learning/fragments.py): served only while nothing it
read has changed, never stored when it wrote or was overtaken, and never shared between people,
addresses, languages or minutes."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import RequestFactory, override_settings
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString

from learning import fragments
from learning.models import Board, Organisation, User
from tests.factories import BoardFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_for():
    factory = RequestFactory()

    def make(user, path="/home/"):
        request = factory.get(path)
        request.user = user
        return request

    return make


class Counter:
    """A fragment's computation that reads the boards and counts how often it ran."""

    def __init__(self):
        self.runs = 0

    def __call__(self):
        self.runs += 1
        names = ", ".join(Board.objects.order_by("pk").values_list("name", flat=True))
        return fragments.Fragment(format_html("<p>{}</p>", names))


def serve(request, counter, **kwargs):
    return fragments.fragment(request, "test", counter, **kwargs).html


def test_a_fragment_is_computed_once_while_nothing_it_read_changes(request_for):
    user = UserFactory()
    board = BoardFactory(name="Alpha")
    counter = Counter()
    assert "Alpha" in serve(request_for(user), counter)
    assert "Alpha" in serve(request_for(user), counter)
    assert counter.runs == 1
    Organisation.objects.create(name="Unrelated NHS Trust")  # a table it did not read
    serve(request_for(user), counter)
    assert counter.runs == 1
    board.name = "Beta"
    board.save()
    assert "Beta" in serve(request_for(user), counter)
    assert counter.runs == 2


@pytest.mark.parametrize("how", ["update", "bulk_create", "delete", "raw"])
def test_every_kind_of_write_to_a_table_it_read_ends_it(request_for, how):
    user = UserFactory()
    board = BoardFactory(name="Alpha")
    counter = Counter()
    serve(request_for(user), counter)
    if how == "update":
        Board.objects.filter(pk=board.pk).update(name="Beta")
    elif how == "bulk_create":
        Board.objects.bulk_create([Board(organisation=board.organisation, name="Beta")])
    elif how == "delete":
        Board.objects.filter(pk=board.pk).delete()
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Board._meta.db_table} SET name = %s WHERE id = %s",  # noqa: S608
                ["Beta", board.pk],
            )
    served = serve(request_for(user), counter)
    assert counter.runs == 2
    assert ("Alpha" in served) is (how == "bulk_create")


def test_a_statement_that_names_no_table_it_writes_ends_every_fragment(request_for):
    user = UserFactory()
    BoardFactory(name="Alpha")
    counter = Counter()
    serve(request_for(user), counter)
    fragments.forget_everything()
    serve(request_for(user), counter)
    assert counter.runs == 2


def test_tables_read_before_the_fragment_count_when_named(request_for):
    user = UserFactory()
    BoardFactory(name="Alpha")
    counter = Counter()
    serve(request_for(user), counter, reads=[User])
    user.first_name = "Renamed"
    user.save()
    serve(request_for(user), counter, reads=[User])
    assert counter.runs == 2


def test_a_fragment_that_writes_is_not_kept(request_for):
    user = UserFactory()
    runs = []

    def writes():
        runs.append(1)
        Organisation.objects.create(name=f"Trust {len(runs)}")
        return fragments.Fragment(SafeString("<p>done</p>"))

    serve(request_for(user), writes)
    serve(request_for(user), writes)
    assert len(runs) == 2


def test_a_fragment_overtaken_by_a_write_while_it_was_computed_is_not_kept(request_for):
    user = UserFactory()
    board = BoardFactory(name="Alpha")
    counter = Counter()

    def overtaken():
        made = counter()
        # Another request writes the table after this one read it, before it is stored.
        fragments.stamp([Board._meta.db_table])
        return made

    serve(request_for(user), overtaken)
    board.refresh_from_db()
    serve(request_for(user), counter)
    assert counter.runs == 2


def test_a_stamp_the_cache_lost_reads_as_a_change(request_for):
    user = UserFactory()
    BoardFactory(name="Alpha")
    counter = Counter()
    serve(request_for(user), counter)
    cache.delete(f"fragments:table:{Board._meta.db_table}")
    serve(request_for(user), counter)
    assert counter.runs == 2


@pytest.mark.django_db(transaction=True)
def test_a_stamp_that_cannot_be_written_stops_serving_until_the_epoch_moves(
    request_for, monkeypatch
):
    user = UserFactory()
    BoardFactory(name="Alpha")
    counter = Counter()
    serve(request_for(user), counter)
    monkeypatch.setattr(fragments.cache, "incr", lambda *args, **kwargs: None)  # cache down
    Board.objects.update(name="Beta")
    assert fragments._unsure
    monkeypatch.undo()
    assert "Beta" in serve(request_for(user), counter)  # the epoch moved first
    assert not fragments._unsure
    assert counter.runs == 2


def test_it_is_never_shared_between_people_addresses_languages_or_minutes(request_for):
    first, second = UserFactory(), UserFactory()
    BoardFactory(name="Alpha")
    counter = Counter()
    serve(request_for(first), counter)
    serve(request_for(second), counter)
    assert counter.runs == 2
    serve(request_for(first, "/home/?page=2"), counter)
    assert counter.runs == 3
    with translation.override("cy"):
        serve(request_for(first), counter)
    assert counter.runs == 4
    later = timezone.now() + timedelta(minutes=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fragments.timezone, "now", lambda: later)
        serve(request_for(first), counter)
    assert counter.runs == 5


def test_each_request_gets_its_own_csrf_token(request_for):
    from django.middleware.csrf import _unmask_cipher_token, get_token

    user = UserFactory()
    first, second = request_for(user), request_for(user)

    def form():
        token = get_token(first)
        html = '<form><input type="hidden" name="csrfmiddlewaretoken" value="{}"></form>'
        return fragments.Fragment(format_html(html, token))

    serve(first, form)
    _, _, (stored, _) = cache.get(fragments._entry_key(second, "test", []))
    assert fragments.CSRF_PLACEHOLDER in stored
    assert get_token(first) not in stored
    served = serve(second, form)
    token = served.split('value="')[1].split('"')[0]
    assert _unmask_cipher_token(token) == second.META["CSRF_COOKIE"]


@override_settings(BOARDREADY_FRAGMENTS=False)
def test_without_a_shared_cache_nothing_is_kept(request_for):
    user = UserFactory()
    OrganisationFactory()
    counter = Counter()
    serve(request_for(user), counter)
    serve(request_for(user), counter)
    assert counter.runs == 2


def test_a_with_statement_that_writes_ends_every_fragment(request_for):
    user = UserFactory()
    board = BoardFactory(name="Alpha")
    counter = Counter()
    serve(request_for(user), counter)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH chosen AS (SELECT id FROM {Board._meta.db_table} WHERE id = %s) "  # noqa: S608
            f"UPDATE {Board._meta.db_table} SET name = %s WHERE id IN (SELECT id FROM chosen)",
            [board.pk, "Beta"],
        )
    assert "Beta" in serve(request_for(user), counter)
    assert counter.runs == 2


def shared_stamp(model):
    return cache.get(f"fragments:table:{model._meta.db_table}")


@pytest.mark.django_db(transaction=True)
def test_a_write_in_a_transaction_is_seen_by_its_own_fragments_at_once_and_by_all_at_commit(
    request_for,
):
    user = UserFactory()
    board = BoardFactory(name="Alpha")
    counter = Counter()
    serve(request_for(user), counter)
    before = shared_stamp(Board)
    with transaction.atomic():
        Board.objects.filter(pk=board.pk).update(name="Beta")
        assert shared_stamp(Board) == before  # no call to the shared cache until it commits
        assert "Beta" in serve(request_for(user), counter)
        assert "Beta" in serve(request_for(user), counter)
        assert counter.runs == 2  # kept under this transaction's own stamp
    assert shared_stamp(Board) > before
    assert "Beta" in serve(request_for(user), counter)
    assert counter.runs == 3  # what the transaction kept is not served once it has ended


@pytest.mark.django_db(transaction=True)
def test_a_transaction_rolled_back_stamps_nothing_and_what_it_kept_is_never_served(request_for):
    user = UserFactory()
    board = BoardFactory(name="Alpha")
    counter = Counter()
    serve(request_for(user), counter)
    before = shared_stamp(Board)
    with pytest.raises(RuntimeError), transaction.atomic():
        Board.objects.filter(pk=board.pk).update(name="Beta")
        assert "Beta" in serve(request_for(user), counter)
        raise RuntimeError
    assert shared_stamp(Board) == before
    assert "Alpha" in serve(request_for(user), counter)
    assert counter.runs == 3


@pytest.mark.django_db(transaction=True)
def test_a_commit_stamps_every_table_even_when_the_first_write_was_in_a_savepoint_rolled_back():
    org = OrganisationFactory()
    before = shared_stamp(Organisation)
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            BoardFactory(organisation=org)
            raise RuntimeError
        Organisation.objects.filter(pk=org.pk).update(name="Renamed NHS Trust")
    assert shared_stamp(Organisation) > before
