"""The workbook pages: who sees them, entering by hand, uploading, and the query count."""

import pytest
from django.urls import reverse

from learning.csvfiles import MAX_CSV_BYTES
from learning.wres import measures as m
from learning.wres.models import WresFigure, WresYear
from tests.factories import BoardFactory, MembershipFactory, UserFactory
from tests.wres.factories import csv_text, save_year, upload, worked_values

pytestmark = pytest.mark.django_db


def _workbook(world):
    return reverse("wres:workbook", args=[world.board_a.pk])


def _form_data(year="2025/26", **overrides):
    data = {"year": year} if year else {}
    for code, row in worked_values(**overrides).items():
        for group, value in row.items():
            data[f"{code}-{group.value}"] = "" if value is None else str(value)
    return data


def test_a_member_sees_the_nine_indicators_with_sentences(world, signed_in, client):
    save_year(world.board_a.organisation)
    signed_in(world.member)
    response = client.get(_workbook(world))
    assert response.status_code == 200
    text = response.content.decode()
    for number in range(1, 10):
        assert f'id="indicator-{number}"' in text
    assert "White applicants were 1.6 times as likely as BME applicants" in text
    assert "Closer to 1 is better." in text
    assert 'role="img"' in text
    assert "Data table for this chart" in text
    assert "style=" not in text  # strict CSP: no inline styles, even in the charts
    assert "Type in a year" not in text  # members cannot enter figures


def test_the_workbook_marks_the_direction_of_travel(world, signed_in, client):
    save_year(world.board_a.organisation, year="2024/25", appointed=(50, 20, 5))
    save_year(world.board_a.organisation, year="2025/26")
    signed_in(world.chair)
    text = client.get(_workbook(world)).content.decode()
    assert "Since 2024/25" in text
    assert "nhsuk-tag--green" in text


def test_an_earlier_year_can_be_chosen(world, signed_in, client):
    save_year(world.board_a.organisation, year="2024/25")
    save_year(world.board_a.organisation, year="2025/26")
    signed_in(world.member)
    response = client.get(reverse("wres:workbook_year", args=[world.board_a.pk, "2024-25"]))
    assert "Race equality data, 2024/25" in response.content.decode()


def test_a_year_with_no_figures_is_404(world, signed_in, client):
    save_year(world.board_a.organisation)
    signed_in(world.member)
    url = reverse("wres:workbook_year", args=[world.board_a.pk, "2019-20"])
    assert client.get(url).status_code == 404
    assert client.get(url.replace("2019-20", "nonsense")).status_code == 404


def test_another_organisations_chair_gets_404(world, signed_in, client):
    save_year(world.board_a.organisation)
    signed_in(world.other_chair)
    assert client.get(_workbook(world)).status_code == 404


def test_a_member_of_another_board_of_the_same_organisation_sees_the_figures(
    world, signed_in, client
):
    governors = BoardFactory(organisation=world.board_a.organisation, name="Council of governors")
    governor = MembershipFactory(board=governors, user=UserFactory()).user
    save_year(world.board_a.organisation)
    signed_in(governor)
    response = client.get(reverse("wres:workbook", args=[governors.pk]))
    assert "White applicants were 1.6 times" in response.content.decode()


def test_the_facilitator_types_in_a_year(world, signed_in, client):
    signed_in(world.facilitator)
    response = client.post(reverse("wres:figures_enter", args=[world.board_a.pk]), _form_data())
    assert response.status_code == 302
    assert response.url == reverse("wres:workbook_year", args=[world.board_a.pk, "2025-26"])
    assert WresFigure.objects.get(measure=m.APPOINTED).bme == 25


def test_the_form_shows_field_errors_and_saves_nothing(world, signed_in, client):
    signed_in(world.chair)
    data = _form_data(appointed=(250, 25, 5))
    data["band_5-bme"] = "lots"
    response = client.post(reverse("wres:figures_enter", args=[world.board_a.pk]), data)
    text = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in text
    assert 'href="#id_band_5-bme"' in text
    assert "Band 5, BME: &#x27;lots&#x27; is not a whole number" in text
    assert "Applicants appointed from shortlisting, White: more appointed (250)" in text
    assert 'id="id_appointed-white-error"' in text
    assert not WresYear.objects.exists()


def test_the_chair_changes_a_saved_year(world, signed_in, client):
    save_year(world.board_a.organisation)
    signed_in(world.chair)
    url = reverse("wres:figures_edit", args=[world.board_a.pk, "2025-26"])
    page = client.get(url).content.decode()
    assert 'name="appointed-white" value="50"' in page
    assert 'name="survey_harassment_public-bme" value="25.5"' in page
    response = client.post(url, _form_data(year=None, appointed=(40, 25, 5)))
    assert response.status_code == 302
    assert WresFigure.objects.get(measure=m.APPOINTED).white == 40


def test_the_facilitator_uploads_the_template(world, signed_in, client):
    signed_in(world.facilitator)
    response = client.post(
        reverse("wres:figures_upload", args=[world.board_a.pk]),
        {"year": "2025/26", "file": upload(csv_text())},
    )
    assert response.status_code == 302
    assert WresFigure.objects.filter(wres_year__year="2025/26").count() == len(m.MEASURES)


def test_a_malformed_upload_imports_nothing_and_names_each_row(world, signed_in, client):
    signed_in(world.facilitator)
    text = csv_text(appointed=(250, 25, 5), band_5=(920, -3, 90))
    response = client.post(
        reverse("wres:figures_upload", args=[world.board_a.pk]),
        {"year": "2025/26", "file": upload(text)},
    )
    page = response.content.decode()
    assert "Nothing was saved" in page
    assert "Row 6 (Band 5): BME: -3 is negative" in page
    assert "Row 16 (Applicants appointed from shortlisting): White: more appointed (250)" in page
    assert not WresYear.objects.exists()


def test_an_upload_that_is_too_large_is_refused(world, signed_in, client):
    signed_in(world.facilitator)
    response = client.post(
        reverse("wres:figures_upload", args=[world.board_a.pk]),
        {"year": "2025/26", "file": upload("x" * (MAX_CSV_BYTES + 1))},
    )
    assert "larger than 1 MB" in response.content.decode()
    assert not WresYear.objects.exists()


def test_an_upload_of_bad_rows_lists_the_first_fifty_and_counts_the_rest(world, signed_in, client):
    signed_in(world.facilitator)
    text = "measure,white,bme,unknown\n" + "".join(f"nonsense_{n},1,2,3\n" for n in range(80))
    response = client.post(
        reverse("wres:figures_upload", args=[world.board_a.pk]),
        {"year": "2025/26", "file": upload(text)},
    )
    page = response.content.decode()
    problems = response.context["problems"]
    # 80 unknown measures, and every one of the template's measures missing.
    assert problems.total == 80 + len(m.MEASURES)
    assert len(problems.shown) == 50
    assert f"{problems.total - 50} more rows with problems are not listed here" in page
    assert "Row 51 " in page and "Row 52 " not in page
    assert not WresYear.objects.exists()


def test_an_upload_of_more_than_100_rows_is_refused_whole(world, signed_in, client):
    signed_in(world.facilitator)
    text = csv_text() + "".join(f"note_{n},,,\n" for n in range(100))
    response = client.post(
        reverse("wres:figures_upload", args=[world.board_a.pk]),
        {"year": "2025/26", "file": upload(text)},
    )
    assert "more than 100 rows" in response.content.decode()
    assert not WresYear.objects.exists()


def test_a_member_cannot_upload(world, signed_in, client):
    signed_in(world.member)
    response = client.post(
        reverse("wres:figures_upload", args=[world.board_a.pk]),
        {"year": "2025/26", "file": upload(csv_text())},
    )
    assert response.status_code == 404
    assert not WresYear.objects.exists()


def test_the_template_downloads_as_csv(world, signed_in, client):
    signed_in(world.member)
    response = client.get(reverse("wres:template_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode().startswith("measure,description,white,bme,unknown")


def test_the_nav_link_appears_for_board_members_only(world, signed_in, client):
    signed_in(world.member)
    assert "Race equality data" in client.get(reverse("member_home")).content.decode()
    signed_in(world.editor)
    assert "Race equality data" not in client.get(reverse("member_home")).content.decode()


def test_the_workbook_links_to_the_data_module_and_assurance_questions(world, signed_in, client):
    from modules.models import AssuranceQuestion
    from tests.development.factories import module_page

    page = module_page("Race equality data")  # slug race-equality-data
    AssuranceQuestion.objects.create(area=9, text="Who owns each WRES indicator?")
    save_year(world.board_a.organisation)
    signed_in(world.member)
    text = client.get(_workbook(world)).content.decode()
    assert f'href="{page.url}"' in text
    assert "Who owns each WRES indicator?" in text


def test_the_workbook_query_count_does_not_grow_with_years(world, signed_in, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        client.get(_workbook(world))  # warm the session and site caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_workbook(world)).status_code == 200
        return len(queries)

    save_year(world.board_a.organisation, year="2025/26")
    signed_in(world.member)
    one_year = count()
    for start in range(2019, 2025):
        save_year(world.board_a.organisation, year=m.year_label(start))
    assert count() == one_year <= 12
