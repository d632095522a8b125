"""The four main journeys at 1280 px by keyboard alone: Tab, Shift+Tab, Enter and Space move
and act, and text is typed into fields. Each component type (link, button, radio, checkbox,
text input, textarea) is checked once for a visible focus indicator.

Signing in is set-up, done through the helper; everything after it is the keyboard.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from modules.content_loader import load_content
from modules.models import ModulePage
from modules.quizzes.choices import QuestionType
from tests.assessment.factories import instruments
from tests.browser.helpers import BROWSER_DB, sign_in
from tests.dashboard.factories import dashboard_content, populated_board
from tests.factories import PASSWORD
from tests.quizzes.factories import quiz_with_questions

pytestmark = BROWSER_DB

WIDE = {"width": 1280, "height": 900}

# What the focused element is, and whether something visible marks it: an outline that is
# not transparent, or a box shadow. Radios and checkboxes draw their ring on the label's
# ::before, since the input itself is hidden under it.
_FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const visible = (style) =>
    (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 &&
     style.outlineColor !== "transparent" && style.outlineColor !== "rgba(0, 0, 0, 0)") ||
    (style.boxShadow && style.boxShadow !== "none");
  let ring = visible(getComputedStyle(el));
  if (!ring && (el.type === "radio" || el.type === "checkbox")) {
    const label = el.labels && el.labels[0];
    ring = !!label && visible(getComputedStyle(label, "::before"));
  }
  return {
    tag: el.tagName.toLowerCase(),
    type: el.type || "",
    text: (el.innerText || el.value || "").trim().replace(/\\s+/g, " "),
    label: el.labels && el.labels[0] ? el.labels[0].innerText.trim() : "",
    id: el.id || "",
    href: el.getAttribute("href") || "",
    classes: el.className || "",
    ring: ring,
  };
}"""


def focused(page) -> dict | None:
    return page.evaluate(_FOCUSED)


def tab_until(page, wanted, *, limit=60, key="Tab") -> tuple[dict, int]:
    """Presses Tab until `wanted(focused element)` is true; returns it and the presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press(key)
        element = focused(page)
        if element and wanted(element):
            return element, presses
    raise AssertionError(f"not reached in {limit} tabs; last focus: {focused(page)}")


def enter_and_wait(page):
    """Presses Enter on a link or button that loads a new page, and waits for it."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def text_is(text):
    return lambda element: element["text"] == text


def label_is(label):
    return lambda element: element["label"] == label


def has_visible_focus(element, kind, seen):
    """Asserts a visible focus ring the first time each component type is met."""
    if kind in seen:
        return
    assert element["ring"], f"no visible focus on this {kind}: {element}"
    seen.add(kind)


def _open(page, live_server, path):
    page.set_viewport_size(WIDE)
    page.goto(f"{live_server.url}{path}")


@pytest.fixture
def seen():
    return set()


def test_reading_a_module_and_its_knowledge_check(page, live_server, world, seen):
    load_content()
    module = ModulePage.objects.live().order_by("path").first()
    quiz_with_questions(module=module, types=[QuestionType.SINGLE, QuestionType.MULTIPLE])
    sign_in(page, live_server, world.member)
    _open(page, live_server, module.url)

    # "Skip to main content" is the first tab stop, and Enter moves on to the content.
    skip, presses = tab_until(page, lambda element: True, limit=1)
    assert skip["text"] == "Skip to main content" and presses == 1
    has_visible_focus(skip, "link", seen)
    page.keyboard.press("Enter")

    # "Mark as read" is in the short "On this page" list near the top.
    _, presses = tab_until(page, text_is("Mark as read"))
    assert presses <= 6
    page.keyboard.press("Enter")
    button, presses = tab_until(page, text_is("I have read this module"), limit=5)
    has_visible_focus(button, "button", seen)
    page.keyboard.press("Enter")
    expect(page.get_by_text("You marked this module as read on")).to_be_visible()

    tab_until(page, text_is("Take the knowledge check"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Question 1 of 2")
    # The first radio of the group takes focus; Space chooses it.
    radio, _ = tab_until(page, lambda element: element["type"] == "radio")
    has_visible_focus(radio, "radio", seen)
    page.keyboard.press("Space")
    tab_until(page, text_is("Save and continue"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Question 2 of 2")
    checkbox, _ = tab_until(page, lambda element: element["type"] == "checkbox")
    has_visible_focus(checkbox, "checkbox", seen)
    page.keyboard.press("Space")
    tab_until(page, text_is("Save and check your answers"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    tab_until(page, text_is("Submit answers"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("You scored")).to_be_visible()


def test_a_self_assessment(page, live_server, world):
    cultural, _ = instruments()
    sign_in(page, live_server, world.member)
    _open(page, live_server, "/self-assessment/")
    tab_until(page, lambda element: element["text"].startswith("Start or continue"))
    enter_and_wait(page)
    expect(page.get_by_text("Part 1 of")).to_be_visible()
    for _part in range(10):
        groups = page.locator("form fieldset").count()
        for _group in range(groups):
            # Tab lands on each group's first radio; Space answers it.
            tab_until(page, lambda element: element["type"] == "radio")
            page.keyboard.press("Space")
        last, _ = tab_until(
            page, lambda element: element["text"] in ("Save and continue", "Submit my answers")
        )
        enter_and_wait(page)
        if last["text"] == "Submit my answers":
            break
    expect(page.get_by_role("heading", level=1)).to_contain_text("result", ignore_case=True)


def test_a_commitment_with_a_mistake_then_saved(page, live_server, world, seen):
    sign_in(page, live_server, world.member)
    _open(page, live_server, "/plan/commitments/new/")
    title, _ = tab_until(page, lambda element: element["id"] == "id_title")
    has_visible_focus(title, "text input", seen)
    page.keyboard.type("x" * 205)
    # The character count lets the person type past the limit and says so.
    expect(page.get_by_text("You have 5 characters too many")).to_be_visible()
    detail, _ = tab_until(page, lambda element: element["id"] == "id_description")
    has_visible_focus(detail, "textarea", seen)
    tab_until(page, lambda element: element["id"] == "id_area")
    page.keyboard.type("Educ")  # a select answers to typed letters
    tab_until(page, lambda element: element["id"] == "id_success_measure")
    page.keyboard.type("The event has happened.")
    tab_until(page, lambda element: element["id"] == "id_due_date")
    # Chromium orders a date's parts by the machine's locale, so the day and month match.
    page.keyboard.type(f"1111{timezone.localdate().year + 1}")
    tab_until(page, text_is("Save commitment"))
    enter_and_wait(page)

    # The failed post moves focus to the error summary, whose link goes to the field.
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("What you will do must be 200 characters or fewer")
    tab_until(page, lambda element: element["href"] == "#id_title", limit=3)
    page.keyboard.press("Enter")
    expect(page.locator("#id_title")).to_be_focused()
    page.keyboard.press("Control+a")
    page.keyboard.type("Chair the staff network listening event")
    tab_until(page, text_is("Save commitment"))
    enter_and_wait(page)

    # After a successful post the main heading has focus.
    expect(page.get_by_text("Your commitment is saved")).to_be_visible()
    expect(page.locator("main h1")).to_be_focused()


def test_the_dashboard_as_chair(page, live_server, world):
    board = populated_board(dashboard_content(), members=6)
    board.chair.set_password(PASSWORD)
    board.chair.save()
    sign_in(page, live_server, board.chair)
    _open(page, live_server, "/my/")
    # The header may gather links under "More" when they do not fit; Enter opens it.
    link, _ = tab_until(
        page,
        lambda element: element["text"] == "Board readiness" or element["text"].endswith("More"),
    )
    if link["text"] != "Board readiness":
        page.keyboard.press("Enter")
        tab_until(page, text_is("Board readiness"), limit=15)
    enter_and_wait(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Board readiness")
    tab_until(page, text_is("Make the board paper"))
    # A chart's figures open from their summary with Enter, and close again with Space.
    tab_until(page, lambda element: element["text"].startswith("Show the figures as a table"))
    page.keyboard.press("Enter")
    expect(page.locator("details[open] table").first).to_be_visible()
    page.keyboard.press("Space")
    expect(page.locator("details[open]")).to_have_count(0)
