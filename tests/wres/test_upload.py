"""Reading a filled-in CSV template: every problem found, per row, before anything is saved."""

import pytest

from learning.csvfiles import CSVFileError
from learning.wres import measures as m
from learning.wres.measures import MEASURES, Group
from learning.wres.upload import parse_upload, template_csv
from tests.wres.factories import csv_text, upload


def _reasons(text):
    return {problem.line: problem.reasons for problem in parse_upload(upload(text)).problems}


def _line(code: str) -> int:
    """The spreadsheet row of a measure in the template (the header is row 1)."""
    return [measure.code for measure in MEASURES].index(code) + 2


def test_the_worked_example_has_no_problems():
    parsed = parse_upload(upload(csv_text()))
    assert parsed.problems == []
    assert parsed.values[m.APPOINTED][Group.BME] == 25
    assert parsed.values[m.HARASSMENT_PUBLIC][Group.BME] == pytest.approx(25.5)
    assert parsed.values[m.HARASSMENT_PUBLIC][Group.UNKNOWN] is None


def test_the_template_lists_every_measure_once_with_empty_figures():
    lines = template_csv().splitlines()
    assert lines[0] == "measure,description,white,bme,unknown"
    assert [line.split(",")[0] for line in lines[1:]] == [measure.code for measure in MEASURES]
    assert all(line.endswith(",,,") for line in lines[1:])


def test_it_names_appointed_more_than_shortlisted():
    reasons = _reasons(csv_text(appointed=(250, 25, 5)))
    assert reasons == {_line(m.APPOINTED): ["White: more appointed (250) than shortlisted (200)"]}


def test_it_names_negative_numbers():
    reasons = _reasons(csv_text(band_5=(920, -3, 90)))
    assert reasons[_line("band_5")] == ["BME: -3 is negative"]


def test_it_names_percentages_out_of_range():
    reasons = _reasons(csv_text(survey_discrimination=("101", "-1")))
    assert reasons[_line(m.DISCRIMINATION)] == [
        "White: 101 is not a percentage from 0 to 100",
        "BME: -1 is not a percentage from 0 to 100",
    ]


def test_it_names_missing_groups():
    reasons = _reasons(csv_text(accessing_training=(500, "", 30)))
    assert reasons[_line(m.TRAINING)] == ["BME: no figure given"]


def test_it_names_unknown_measures_and_measures_with_no_row():
    rows = [
        [measure.code, "", "1", "1", "" if measure.kind == "percent" else "1"]
        for measure in MEASURES
        if measure.code != "band_9"
    ]
    rows.append(["band_10", "", "1", "1", "1"])
    problems = parse_upload(upload(csv_text(rows))).problems
    assert [(problem.line, problem.reasons) for problem in problems] == [
        (len(rows) + 1, ["'band_10' is not a measure in the template"]),
        (None, ["the file has no row for this measure"]),
    ]
    assert problems[1].measure == "Band 9"


def test_it_names_a_measure_given_twice():
    rows = [[m.SHORTLISTED, "", "1", "1", "1"], [m.SHORTLISTED, "", "2", "2", "2"]]
    reasons = _reasons(csv_text(rows))
    assert reasons[3] == ["this measure is also on row 2"]


def test_it_names_every_problem_on_every_row_at_once():
    reasons = _reasons(csv_text(band_1=("x", "-1", ""), survey_harassment_staff=("50", "50", "3")))
    assert reasons[_line("band_1")] == [
        "White: 'x' is not a whole number",
        "BME: -1 is negative",
        "Unknown: no figure given",
    ]
    assert reasons[_line(m.HARASSMENT_STAFF)] == [
        "Unknown: leave this empty: staff survey rows have no unknown figure"
    ]


def test_disciplinary_cannot_exceed_staff_in_post():
    reasons = _reasons(csv_text(entering_disciplinary=(20, 401, 1)))
    assert reasons[_line(m.DISCIPLINARY)] == [
        "BME: more staff (401) than are in post across the bands (400)"
    ]


def test_a_file_that_is_not_utf8_is_refused():
    with pytest.raises(CSVFileError, match="not in UTF-8"):
        parse_upload(upload(csv_text().replace("Band", "Bänd").encode("latin-1")))


def test_a_file_over_1_mb_is_refused():
    with pytest.raises(CSVFileError, match="larger than 1 MB"):
        parse_upload(upload(csv_text() + "," * (1024 * 1024)))


def test_a_file_without_the_columns_is_refused():
    with pytest.raises(CSVFileError, match="Missing: bme, unknown"):
        parse_upload(upload("measure,white\nband_1,3\n"))


def test_an_empty_file_is_refused():
    with pytest.raises(CSVFileError, match="empty"):
        parse_upload(upload(""))


def test_a_spreadsheet_with_a_byte_order_mark_and_thousands_separators_is_read():
    text = "\ufeff" + csv_text(band_5=("1,920", 390, 90))
    parsed = parse_upload(upload(text))
    assert parsed.problems == []
    assert parsed.values["band_5"][Group.WHITE] == 1920
