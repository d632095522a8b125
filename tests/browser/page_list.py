"""The page list: every page of the access table, opened as a persona that can reach it.

It is derived from the access table (tests/access/rows_*.py) rather than kept beside it, so a
new page is checked as soon as its access row exists: each GET row that some persona gets 200
from is a page, opened as the first of PERSONA_ORDER who gets 200. URL names that open no HTML
page (downloads, posts, redirects) are listed in NOT_PAGES with the reason;
tests/access/test_page_list.py fails when an access-table URL name is neither a page nor there,
and when a Wagtail page type has no page in the list.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.urls import Resolver404, resolve

from tests.access.test_access_table import _all_rows

# Whose view of a page is checked: a board member's first, as most people are members.
PERSONA_ORDER = ("member", "chair", "facilitator", "editor", "anonymous")

DOWNLOAD = "a file download, not a page"
POST = "takes a form post only"
REDIRECT = "only redirects"

NOT_PAGES = {
    "account_logout": POST,
    "account_verify": REDIRECT,
    "account_my_data_download": DOWNLOAD,
    "account_recovery_codes_new": "shows codes only straight after making them (a post)",
    "account_sign_in_pause_lift": POST,
    "account_mfa_remove": "no persona here may remove their app (404 for all)",
    "account_second_factor_reset": "for staff only, who are not a persona here (404 for all)",
    "account_stay_signed_in": POST,
    "assessment:autosave": POST,
    "assessment:share": POST,
    "assessment:round_remind": POST,
    "assessment:start": REDIRECT,
    "assessment:round_start": REDIRECT,
    "board_switch": REDIRECT,
    "dashboard:board_paper": DOWNLOAD,
    "dashboard:board_paper_docx": DOWNLOAD,
    "dashboard:commitments_csv": DOWNLOAD,
    "dashboard:readiness_csv": DOWNLOAD,
    "dashboard:scores_csv": DOWNLOAD,
    "development:assignment_withdraw": POST,
    "development:digest_update": POST,
    "development:invitation_resend": POST,
    "development:invitation_revoke": POST,
    "development:invitation_template": DOWNLOAD,
    "development:session_calendar": DOWNLOAD,
    "development:session_csv": DOWNLOAD,
    "development:session_remind": POST,
    "/healthz": "plain text for the load balancer",
    "journal:export": DOWNLOAD,
    "modules:module_read": POST,
    "plans:action_milestone_add": POST,
    "plans:action_milestone_done": POST,
    "plans:appraisal_pack_docx": DOWNLOAD,
    "plans:appraisal_pack_pdf": DOWNLOAD,
    "plans:commitment_share": POST,
    "plans:milestone_add": POST,
    "plans:milestone_done": POST,
    "plans:plan_docx": DOWNLOAD,
    "plans:plan_pdf": DOWNLOAD,
    "plans:review_add": POST,
    "plans:update_add": POST,
    "quizzes:extend": POST,
    "quizzes:finish": POST,
    "quizzes:start": POST,
    "wres:template_csv": DOWNLOAD,
    "/readyz": "plain text for the load balancer",
}


@dataclass(frozen=True)
class Page:
    """One page to open: the access row's label, its URL name and path, and who opens it."""

    label: str
    name: str
    path: str
    persona: str


def url_name(path: str) -> str:
    """The URL name of a path; a Wagtail page is named by its page type instead, as every
    Wagtail page shares the one serving view."""
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:  # answered by middleware before the URL patterns (/healthz, /readyz)
        return path
    if match.url_name == "wagtail_serve":
        from wagtail.models import Page as WagtailPage
        from wagtail.models import Site

        root = Site.objects.get(is_default_site=True).root_page
        page = WagtailPage.objects.get(url_path=root.url_path + (match.args or ("",))[0])
        return f"wagtail:{type(page.specific).__name__}"
    return match.view_name


def reader(row) -> str | None:
    """The persona a page row is opened as, or None when the row is not a page."""
    if row.method != "get" or row.follow or row.extra:
        return None
    return next((p for p in PERSONA_ORDER if row.expect.get(p) == 200), None)


def access_rows():
    return _all_rows()


def page_rows(persona: str | None = None):
    """The access rows that are pages (optionally those opened as `persona`)."""
    return [
        row
        for row in access_rows()
        if reader(row) is not None and (persona is None or reader(row) == persona)
    ]


@contextmanager
def row_state(world, row):
    """The row's path, with what it needs created for as long as the block runs and then
    rolled back, as every access row expects a fresh world (several create the same pages)."""
    with transaction.atomic():
        yield row.url(world)
        transaction.set_rollback(True)


def names_and_pages(world):
    """Every URL name of the access table, and the pages of the page list."""
    names, found = set(), []
    for row in access_rows():
        with row_state(world, row) as path:
            name = url_name(path)
        names.add(name)
        if reader(row) is not None and name not in NOT_PAGES:
            found.append(Page(row.name, name, path, reader(row)))
    return names, found
