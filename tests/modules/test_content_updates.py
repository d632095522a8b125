"""`update_content`: corrections to content a site loaded earlier arrive as new revisions sent
for moderation (pages) or saved as drafts (terms), never published on their own, and anything an
editor has changed since it was loaded is left alone and listed."""

import io
import shutil

import pytest
from django.core.management import call_command

from modules.content_loader import update_content
from modules.models import CaseStudyPage, LexiconTerm, ModulePage
from tests.modules.factories import FIXTURES

pytestmark = pytest.mark.django_db


@pytest.fixture
def corrected(tmp_path):
    """A copy of the fixture content with one case study, one term and one module corrected."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES, folder)

    def correct(name, old, new):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return folder, correct


def test_freshly_loaded_content_is_up_to_date(content):
    report = update_content(FIXTURES)
    assert (report.submitted, report.drafted, report.left_alone) == ([], [], [])


def test_a_corrected_case_study_is_sent_for_moderation_and_the_live_page_is_unchanged(
    content, corrected
):
    folder, correct = corrected
    page = CaseStudyPage.objects.get(slug="open-door")
    before = page.summary
    correct("case_studies.toml", before, "Only what the report says.")

    report = update_content(folder)

    assert report.submitted == ["case study 'open-door'"]
    page.refresh_from_db()
    assert page.summary == before  # still live as it was
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().summary == "Only what the report says."
    assert page.workflow_in_progress
    assert update_content(folder).submitted == []  # run again: the correction is already offered
    assert page.revisions.count() == 2  # as loaded, and the correction


def test_content_an_editor_has_changed_is_left_alone_and_listed(content, corrected, world):
    folder, correct = corrected
    page = CaseStudyPage.objects.get(slug="open-door")
    page.summary = "The editor's own words."
    page.save_revision(user=world.facilitator).publish()
    correct("case_studies.toml", CaseStudyPage.objects.get(slug="data-day").summary, "Fixed.")
    correct("case_studies.toml", "open-door", "open-door")  # unchanged file, changed page

    report = update_content(folder)

    assert report.left_alone == ["case study 'open-door'"]
    assert report.submitted == ["case study 'data-day'"]
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary == "The editor's own words."


def test_a_corrected_term_is_saved_as_a_draft_and_a_module_sent_for_moderation(content, corrected):
    folder, correct = corrected
    term = LexiconTerm.objects.get(slug="bame")
    correct("lexicon.toml", term.definition, "A corrected definition.")
    alpha = ModulePage.objects.get(slug="alpha")
    correct("modules/alpha.toml", alpha.summary, "A corrected summary.")

    report = update_content(folder)

    assert report.drafted == ["lexicon term 'BAME'"]
    assert report.submitted == ["module 'alpha'"]
    term.refresh_from_db()
    assert term.live and term.definition != "A corrected definition."
    assert term.get_latest_revision_as_object().definition == "A corrected definition."


def test_the_command_lists_and_a_dry_run_changes_nothing(content, corrected):
    folder, correct = corrected
    correct("case_studies.toml", CaseStudyPage.objects.get(slug="open-door").summary, "New.")
    out = io.StringIO()

    call_command("update_content", "--dry-run", f"--content-dir={folder}", stdout=out)

    assert "Sent for moderation" in out.getvalue() and "'open-door'" in out.getvalue()
    assert CaseStudyPage.objects.get(slug="open-door").revisions.count() == 1
