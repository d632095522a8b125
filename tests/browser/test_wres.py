"""The facilitator uploads WRES figures; the chair reads the nine indicators and their trend."""

import csv
import io
import re

from django.urls import reverse
from playwright.sync_api import expect

from learning.wres.models import WresYear
from tests.browser.helpers import BROWSER_DB, assert_accessible, sign_in
from tests.wres.factories import csv_text, row_for, save_year

pytestmark = BROWSER_DB


def _filled_in(template: str) -> bytes:
    """The downloaded template with the worked example's figures typed into it."""
    rows = list(csv.reader(io.StringIO(template)))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(rows[0])
    for code, description, *_blank in rows[1:]:
        figures = [str(value) for value in row_for(code, {})]
        writer.writerow([code, description, *figures, *[""] * (3 - len(figures))])
    return out.getvalue().encode("utf-8")


def _upload(page, data: bytes, year="2025/26"):
    page.get_by_label("Reporting year").select_option(year)
    page.get_by_label("CSV file").set_input_files(
        {"name": "wres.csv", "mimeType": "text/csv", "buffer": data}
    )
    page.get_by_role("button", name="Check and save figures").click()


def test_facilitator_uploads_the_template_and_the_chair_sees_the_indicators(
    page, live_server, world
):
    save_year(world.board_a.organisation, year="2024/25", appointed=(50, 20, 5))
    sign_in(page, live_server, world.facilitator)
    page.goto(f"{live_server.url}{reverse('wres:workbook', args=[world.board_a.pk])}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Race equality data, 2024/25")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the CSV template").click()
    template = open(download.value.path(), encoding="utf-8").read()  # noqa: SIM115
    page.get_by_role("button", name="Upload figures from a CSV file").click()
    assert_accessible(page)
    _upload(page, _filled_in(template))
    expect(page.get_by_role("heading", level=1)).to_have_text("Race equality data, 2025/26")
    expect(page.get_by_text("Figures for 2025/26 saved.")).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, live_server, world.chair)
    page.goto(f"{live_server.url}{reverse('wres:workbook', args=[world.board_a.pk])}")
    for number in range(1, 10):
        expect(page.locator(f"#indicator-{number}")).to_be_visible()
    expect(
        page.get_by_text("White applicants were 1.6 times as likely as BME applicants")
    ).to_be_visible()
    section = page.get_by_role("region", name="Indicator 2: Appointment from shortlisting")
    expect(section.get_by_role("img")).to_have_accessible_name(
        re.compile(r"^Indicator 2: Appointment from shortlisting, each year")
    )
    section.get_by_text("Data table for this chart").click()
    expect(section.get_by_role("rowheader", name="2024/25")).to_be_visible()
    expect(section.get_by_role("row", name=re.compile(r"^2024\/25"))).to_contain_text(
        "Relative likelihood: 0.25 ÷ 0.125 = 2"
    )
    expect(page.get_by_text("Since 2024/25")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="2024/25").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Race equality data, 2024/25")
    assert_accessible(page)


def test_a_malformed_csv_imports_nothing_and_names_each_error(page, live_server, world):
    sign_in(page, live_server, world.facilitator)
    page.goto(f"{live_server.url}/wres/boards/{world.board_a.pk}/upload/")
    bad = csv_text(appointed=(250, 25, 5), band_5=(920, -3, 90), survey_discrimination=("6", "140"))
    _upload(page, bad.encode("utf-8"))
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Nothing was saved")
    expect(summary).to_contain_text("Row 6 (Band 5): BME: -3 is negative")
    expect(summary).to_contain_text("White: more appointed (250) than shortlisted (200)")
    expect(summary).to_contain_text("BME: 140 is not a percentage from 0 to 100")
    assert_accessible(page)
    assert not WresYear.objects.exists()


def test_the_chair_types_figures_in_and_sees_field_errors(page, live_server, world):
    sign_in(page, live_server, world.chair)
    page.goto(f"{live_server.url}{reverse('wres:workbook', args=[world.board_a.pk])}")
    assert_accessible(page)
    page.get_by_role("button", name="Type in a year's figures").click()
    assert_accessible(page)
    page.get_by_role("group", name="Band 5").get_by_label("BME").fill("lots")
    page.get_by_role("button", name="Save figures").click()
    expect(page.get_by_role("alert")).to_contain_text("Band 5, BME: 'lots' is not a whole number")
    assert_accessible(page)
    assert not WresYear.objects.exists()


def test_the_change_page_is_accessible(page, live_server, world):
    save_year(world.board_a.organisation)
    sign_in(page, live_server, world.facilitator)
    page.goto(f"{live_server.url}/wres/boards/{world.board_a.pk}/years/2025-26/change/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Change the figures for 2025/26")
    assert_accessible(page)
