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
    assert (report.added, report.submitted, report.drafted, report.left_alone) == ([], [], [], [])


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


@pytest.fixture
def with_new_items(corrected):
    """The fixture content plus a module (with its knowledge check), a case study, a term and an
    assurance question that the site loaded before they were written."""
    folder, _correct = corrected
    module = (folder / "modules" / "alpha.toml").read_text(encoding="utf-8")
    module = module.replace('slug = "alpha"', 'slug = "gamma"').replace("Alpha module", "Gamma")
    (folder / "modules" / "gamma.toml").write_text(module, encoding="utf-8")
    quizzes = folder / "quizzes"
    quizzes.mkdir()
    (quizzes / "gamma.toml").write_text(
        'module = "gamma"\ntitle = "Knowledge check: gamma"\npass_mark = 70\n\n'
        '[[question]]\ntype = "true_false"\ntext = "Gamma is new."\n'
        'answers = [{ text = "True", correct = true }, { text = "False", correct = false }]\n',
        encoding="utf-8",
    )
    with (folder / "case_studies.toml").open("a", encoding="utf-8") as handle:
        handle.write(
            '\n[[case_study]]\nslug = "new-case"\ntitle = "A new case"\n'
            'organisation_type = "other"\nareas = [3]\nsummary = "New."\n'
            'what_they_did = "<p>Did.</p>"\nwhat_changed = "<p>Changed.</p>"\n'
            'source = "A report"\n'
        )
    with (folder / "lexicon.toml").open("a", encoding="utf-8") as handle:
        handle.write(
            '\n[[term]]\nterm = "Core20PLUS5"\nslug = "core20plus5"\n'
            'definition = "An approach."\nrelated = ["BAME"]\n'
            'sources = [{ title = "A page", publisher = "NHS England" }]\n'
        )
    with (folder / "assurance_questions.toml").open("a", encoding="utf-8") as handle:
        handle.write('\n[[question]]\narea = 10\ntext = "A new question?"\nwhy = "Because."\n')
    return folder


def test_items_new_in_the_files_reach_a_loaded_site_unpublished_and_for_moderation(
    content, with_new_items
):
    from modules.models import AssuranceQuestion
    from modules.quizzes.models import Quiz

    report = update_content(with_new_items)

    assert report.added == [
        "lexicon term 'Core20PLUS5'",
        "case study 'new-case'",
        "module 'gamma'",
        "knowledge check 'Knowledge check: gamma'",
        "assurance question (area 10) 'A new question?'",
    ]
    gamma = ModulePage.objects.get(slug="gamma")
    assert not gamma.live and gamma.workflow_in_progress
    assert gamma.get_latest_revision_as_object().title == "Gamma"
    case = CaseStudyPage.objects.get(slug="new-case")
    assert not case.live and case.workflow_in_progress
    term = LexiconTerm.objects.get(slug="core20plus5")
    assert not term.live and term.latest_revision_id
    assert [related.term for related in term.related.all()] == ["BAME"]
    quiz = Quiz.objects.get(module=gamma)
    assert not quiz.live and quiz.latest_revision_id
    assert AssuranceQuestion.objects.filter(area=10, text="A new question?").count() == 1
    again = update_content(with_new_items)  # run again: nothing new, nothing to moderate
    assert (again.added, again.submitted, again.drafted) == ([], [], [])


def test_a_dry_run_lists_new_items_and_adds_nothing(content, with_new_items):
    out = io.StringIO()

    call_command("update_content", "--dry-run", f"--content-dir={with_new_items}", stdout=out)

    assert "New: added unpublished" in out.getvalue() and "'gamma'" in out.getvalue()
    assert not ModulePage.objects.filter(slug="gamma").exists()
    assert not LexiconTerm.objects.filter(slug="core20plus5").exists()
