"""The member's development plan as an A4 PDF for appraisal, with real (selectable) text.

Set in the board paper's embedded font, with "Private" and "Page n of N" on every page. Each
commitment is kept on one page unless it is longer than a page. Only shared commitments are
printed unless the member asks for their private drafts too.
"""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from learning.dashboard.pdf import (
    FONT,
    FONT_BOLD,
    MARGIN,
    NHS_BLUE,
    NHS_TEXT,
    numbered_canvas,
    register_fonts,
)

from .selectors import MemberPlan

PRIVATE = "Private"


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=10, leading=14, textColor=NHS_TEXT, spaceAfter=4
    )
    return {
        "body": body,
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=20, leading=25,
            textColor=NHS_BLUE, spaceAfter=10,
        ),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=FONT_BOLD, fontSize=13, leading=17, spaceBefore=14,
            spaceAfter=5, textColor=NHS_BLUE, keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3", parent=body, fontName=FONT_BOLD, fontSize=11, leading=15, spaceBefore=10,
            spaceAfter=3, keepWithNext=1,
        ),
    }  # fmt: skip


def day(value) -> str:
    return date_format(value, "j F Y")


def para(text: str, style) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def field(label: str, value: str, style) -> Paragraph:
    return Paragraph(f"<b>{escape(label)}:</b> {escape(value)}", style)


def commitment_status(commitment) -> str:
    status = commitment.get_status_display()
    if getattr(commitment, "overdue", False):
        status = _("%(status)s (overdue)") % {"status": status}
    return status


def milestone_lines(commitment) -> list[str]:
    return [
        _("%(title)s, due %(day)s: %(state)s")
        % {
            "title": m.title,
            "day": day(m.due_date),
            "state": _("done") if m.done else _("not done yet"),
        }
        for m in commitment.milestones.all()
    ]


def _commitment(commitment, styles) -> list:
    body = styles["body"]
    flow = [
        para(commitment.title, styles["h2"]),
        field(_("Area of good practice"), commitment.area_label, body),
        field(_("How I will know"), commitment.success_measure, body),
        field(_("Due"), day(commitment.due_date), body),
        field(_("Status"), commitment_status(commitment), body),
        field(
            _("Who can see it"),
            _("me and the chair") if commitment.is_shared else _("only me (draft)"),
            body,
        ),
    ]
    if commitment.explanation:
        flow.append(field(_("Why it was not done"), commitment.explanation, body))
    if commitment.description:
        flow.append(para(commitment.description, body))
    milestones = milestone_lines(commitment)
    if milestones:
        flow.append(Paragraph(f"<b>{escape(_('Milestones'))}</b>", body))
        items = [ListItem(para(line, body)) for line in milestones]
        flow.append(ListFlowable(items, bulletType="bullet", leftIndent=12, bulletFontName=FONT))
    updates = list(commitment.updates.all())
    if updates:
        latest = updates[0]
        flow.append(
            field(_("Latest update (%(day)s)") % {"day": day(latest.date)}, latest.text, body)
        )
    else:
        flow.append(field(_("Latest update"), _("none yet"), body))
    # One block: reportlab moves it whole to the next page, and splits it only when it is
    # longer than a page. The gap between blocks is the heading's space before, which a new
    # page drops (a Spacer after the last block could start an empty page of its own).
    return [KeepTogether(flow)]


def printed_commitments(plan: MemberPlan, *, include_drafts: bool) -> list:
    """The commitments a printed plan holds: shared ones, and drafts only when asked."""
    return [c for c in plan.commitments if include_drafts or c.is_shared]


def plan_title(plan: MemberPlan) -> tuple[str, str]:
    user = plan.membership.user
    name = user.get_full_name() or user.email
    return name, _("Development plan: %(name)s") % {"name": name}


def appraisal_note_flows(notes, styles) -> list:
    """Each chair's appraisal note, its heading kept with its text."""
    return [
        KeepTogether(
            [
                para(_("Chair's appraisal note, %(year)s") % {"year": note.year}, styles["h2"]),
                para(note.text, styles["body"]),
            ]
        )
        for note in notes
    ]


def private_document(buffer, *, title: str, author: str, subject: str) -> SimpleDocTemplate:
    """An A4 document for one member's own records, with room for the "Private" header and
    the page numbers (`numbered_canvas`)."""
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=author,
        subject=subject,
        creator="BoardReady",
        initialFontName=FONT,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm,
        bottomMargin=MARGIN + 6 * mm,
    )


def plan_pdf_bytes(plan: MemberPlan, *, include_drafts: bool = False) -> bytes:
    """Name, board, then each commitment with area, measure, status, milestones, latest update."""
    register_fonts()
    styles = _styles()
    member = plan.membership
    name, title = plan_title(plan)
    buffer = BytesIO()
    document = private_document(
        buffer,
        title=title,
        author=name,
        subject=_("Equality, diversity and inclusion commitments"),
    )
    body = styles["body"]
    printed = day(timezone.localdate())
    commitments = printed_commitments(plan, include_drafts=include_drafts)
    flow = [
        para(title, styles["title"]),
        field(_("Board"), str(member.board), body),
        field(_("Role"), member.get_role_display(), body),
        field(_("Printed"), printed, body),
        field(
            _("Holds"),
            _("shared commitments and private drafts")
            if include_drafts
            else _("shared commitments only (drafts left out)"),
            body,
        ),
        Spacer(1, 4 * mm),
    ]
    if not commitments:
        flow.append(para(_("No commitments to print yet."), body))
    for commitment in commitments:
        flow.extend(_commitment(commitment, styles))
    flow += appraisal_note_flows(plan.appraisal_notes, styles)
    footer = _("Development plan of %(name)s · printed %(day)s") % {"name": name, "day": printed}
    document.build(flow, canvasmaker=numbered_canvas(footer, _(PRIVATE)))
    return buffer.getvalue()
