"""The member's development plan as an A4 PDF for appraisal, with real (selectable) text."""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

from .selectors import MemberPlan

NHS_BLUE = colors.HexColor("#005eb8")


def _styles():
    sheet = getSampleStyleSheet()
    sheet["Title"].textColor = NHS_BLUE
    sheet["Title"].alignment = 0
    sheet["Heading2"].textColor = NHS_BLUE
    return sheet


def _day(value) -> str:
    return date_format(value, "j F Y")


def _para(text: str, style) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _field(label: str, value: str, style) -> Paragraph:
    return Paragraph(f"<b>{escape(label)}:</b> {escape(value)}", style)


def _commitment(commitment, styles) -> list:
    body = styles["BodyText"]
    status = commitment.get_status_display()
    if commitment.overdue:
        status = _("%(status)s (overdue)") % {"status": status}
    flow = [
        Paragraph(escape(commitment.title), styles["Heading2"]),
        _field(_("Area of good practice"), commitment.area_label, body),
        _field(_("How I will know"), commitment.success_measure, body),
        _field(_("Due"), _day(commitment.due_date), body),
        _field(_("Status"), status, body),
        _field(
            _("Who can see it"),
            _("me and the chair") if commitment.is_shared else _("only me (draft)"),
            body,
        ),
    ]
    if commitment.explanation:
        flow.append(_field(_("Why it was not done"), commitment.explanation, body))
    if commitment.description:
        flow.append(_para(commitment.description, body))
    milestones = list(commitment.milestones.all())
    if milestones:
        flow.append(Paragraph(f"<b>{escape(_('Milestones'))}</b>", body))
        items = [
            ListItem(
                Paragraph(
                    escape(
                        _("%(title)s, due %(day)s: %(state)s")
                        % {
                            "title": m.title,
                            "day": _day(m.due_date),
                            "state": _("done") if m.done else _("not done yet"),
                        }
                    ),
                    body,
                )
            )
            for m in milestones
        ]
        flow.append(ListFlowable(items, bulletType="bullet", leftIndent=12))
    updates = list(commitment.updates.all())
    if updates:
        latest = updates[0]
        flow.append(
            _field(_("Latest update (%(day)s)") % {"day": _day(latest.date)}, latest.text, body)
        )
    else:
        flow.append(_field(_("Latest update"), _("none yet"), body))
    flow.append(Spacer(1, 4 * mm))
    return flow


def plan_pdf_bytes(plan: MemberPlan) -> bytes:
    """Name, board, then each commitment with area, measure, status, milestones, latest update."""
    styles = _styles()
    member = plan.membership
    name = member.user.get_full_name() or member.user.email
    title = _("Development plan: %(name)s") % {"name": name}
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=name,
        subject=_("Equality, diversity and inclusion commitments"),
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
    )
    flow = [
        Paragraph(escape(title), styles["Title"]),
        _field(_("Board"), str(member.board), styles["BodyText"]),
        _field(_("Role"), member.get_role_display(), styles["BodyText"]),
        _field(_("Printed"), _day(timezone.localdate()), styles["BodyText"]),
        Spacer(1, 6 * mm),
    ]
    if not plan.commitments:
        flow.append(Paragraph(escape(_("No commitments yet.")), styles["BodyText"]))
    for commitment in plan.commitments:
        flow.extend(_commitment(commitment, styles))
    for note in plan.appraisal_notes:
        flow.append(
            Paragraph(
                escape(_("Chair's appraisal note, %(year)s") % {"year": note.year}),
                styles["Heading2"],
            )
        )
        flow.append(_para(note.text, styles["BodyText"]))
    document.build(flow)
    return buffer.getvalue()
