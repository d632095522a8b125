"""The member's appraisal pack: what they did on the board, as a PDF and a Word document.

Modules completed with dates, knowledge checks passed, sessions attended, and each shared
commitment with its status, the chair's review comments and the Leadership Competency
Framework domain it evidences. The member makes it for themselves only; it is audited.
"""

from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

from learning.dashboard.blocks import Table
from learning.dashboard.pdf import numbered_canvas, pdf_table, register_fonts

from .pdf import (
    PRIVATE,
    _styles,
    appraisal_note_flows,
    commitment_status,
    day,
    field,
    para,
    private_document,
)
from .selectors import AppraisalPack


def pack_title(pack: AppraisalPack) -> tuple[str, str]:
    user = pack.membership.user
    name = user.get_full_name() or user.email
    return name, _("Appraisal pack: %(name)s") % {"name": name}


def summary_lines(pack: AppraisalPack) -> list[str]:
    return [
        ngettext("%(count)s module completed", "%(count)s modules completed", len(pack.modules))
        % {"count": len(pack.modules)},
        ngettext(
            "%(count)s knowledge check passed",
            "%(count)s knowledge checks passed",
            len(pack.checks),
        )
        % {"count": len(pack.checks)},
        ngettext(
            "%(count)s development session attended",
            "%(count)s development sessions attended",
            len(pack.sessions),
        )
        % {"count": len(pack.sessions)},
        ngettext(
            "%(count)s commitment shared with the chair",
            "%(count)s commitments shared with the chair",
            len(pack.commitments),
        )
        % {"count": len(pack.commitments)},
    ]


def pack_tables(pack: AppraisalPack) -> list[tuple[str, Table | str]]:
    """Each part of the pack as (heading, table), or (heading, sentence) when it is empty."""
    parts: list[tuple[str, Table | str]] = []
    modules = Table(
        caption=_("Modules completed"),
        columns=[_("Module"), _("Completed")],
        rows=[[row.page.title, day(timezone.localtime(row.completed_at))] for row in pack.modules],
    )
    checks = Table(
        caption=_("Knowledge checks passed"),
        columns=[_("Knowledge check"), _("Passed"), _("Score")],
        rows=[
            [
                attempt.quiz.title,
                day(timezone.localtime(attempt.finished_at)),
                f"{attempt.score}%" if attempt.score is not None else _("Passed"),
            ]
            for attempt in pack.checks
        ],
        numeric={2},
    )
    sessions = Table(
        caption=_("Development sessions attended"),
        columns=[_("Session"), _("Date")],
        rows=[
            [row.session.title, day(timezone.localtime(row.session.starts_at))]
            for row in pack.sessions
        ],
    )
    domains = Table(
        caption=_("Commitments by Leadership Competency Framework domain"),
        columns=[_("Domain"), _("Commitments")],
        rows=[[label, str(count)] for label, count in pack.by_domain.items()],
        numeric={1},
    )
    for heading, table, empty in (
        (_("Modules completed"), modules, _("No module completed yet.")),
        (_("Knowledge checks passed"), checks, _("No knowledge check passed yet.")),
        (_("Sessions attended"), sessions, _("No attendance recorded yet.")),
        (_("Leadership competency domains"), domains, _("No shared commitment yet.")),
    ):
        parts.append((heading, table if table.rows else empty))
    return parts


def commitment_fields(commitment) -> list[tuple[str, str]]:
    fields = [
        (_("Leadership competency domain"), commitment.get_competency_domain_display()),
        (_("Area of good practice"), commitment.area_label),
        (_("How I will know"), commitment.success_measure),
        (_("Due"), day(commitment.due_date)),
        (_("Status"), commitment_status(commitment)),
    ]
    if commitment.explanation:
        fields.append((_("Why it was not done"), commitment.explanation))
    return fields


def review_lines(commitment) -> list[str]:
    return [
        _("%(day)s: %(text)s") % {"day": day(timezone.localtime(r.created_at)), "text": r.text}
        for r in commitment.reviews.all()
    ]


def appraisal_pack_pdf(pack: AppraisalPack) -> bytes:
    register_fonts()
    styles = _styles()
    body = styles["body"]
    name, title = pack_title(pack)
    buffer = BytesIO()
    document = private_document(
        buffer, title=title, author=name, subject=_("Evidence for the annual appraisal")
    )
    printed = day(timezone.localdate())
    member = pack.membership
    flow = [
        para(title, styles["title"]),
        field(_("Board"), str(member.board), body),
        field(_("Role"), member.get_role_display(), body),
        field(_("Printed"), printed, body),
        para(" · ".join(summary_lines(pack)), body),
        Spacer(1, 3 * mm),
    ]
    for heading, part in pack_tables(pack):
        flow += [CondPageBreak(30 * mm), para(heading, styles["h2"])]
        if isinstance(part, Table):
            flow += pdf_table(part, document.width, caption=False)
        else:
            flow.append(para(part, body))
    # The heading travels with the first commitment, so it never ends a page on its own.
    heading = para(_("Commitments and the chair's comments"), styles["h2"])
    if not pack.commitments:
        flow += [heading, para(_("No shared commitment yet."), body)]
    for index, commitment in enumerate(pack.commitments):
        block = [heading] if index == 0 else []
        block.append(para(commitment.title, styles["h3"]))
        block += [field(label, value, body) for label, value in commitment_fields(commitment)]
        reviews = review_lines(commitment)
        block.append(
            field(_("Chair's comments"), "; ".join(reviews) if reviews else _("none yet"), body)
        )
        flow.append(KeepTogether(block))
    flow += appraisal_note_flows(pack.appraisal_notes, styles)
    footer = _("Appraisal pack of %(name)s · printed %(day)s") % {"name": name, "day": printed}
    document.build(flow, canvasmaker=numbered_canvas(footer, _(PRIVATE)))
    return buffer.getvalue()


def appraisal_pack_docx(pack: AppraisalPack) -> bytes:
    # python-docx is loaded only when a Word document is asked for
    from learning import word

    from .plan_docx import member_header

    name, title = pack_title(pack)
    printed = day(timezone.localdate())
    member = pack.membership
    document = word.new_document(
        title=title,
        author=name,
        subject=_("Evidence for the annual appraisal"),
        footer=_("Appraisal pack of %(name)s · printed %(day)s") % {"name": name, "day": printed},
        marking=_(PRIVATE),
    )
    member_header(document, title, member, printed)
    word.bullets(document, summary_lines(pack))
    for heading, part in pack_tables(pack):
        word.heading(document, heading, 2)
        if isinstance(part, Table):
            word.table(document, part, caption=False)
        else:
            word.paragraph(document, part)
    word.heading(document, _("Commitments and the chair's comments"), 2)
    if not pack.commitments:
        word.paragraph(document, _("No shared commitment yet."))
    for commitment in pack.commitments:
        start = len(document.paragraphs)
        word.heading(document, commitment.title, 3)
        for label, value in commitment_fields(commitment):
            word.paragraph(document, value, label=label)
        reviews = review_lines(commitment)
        word.paragraph(
            document, "; ".join(reviews) if reviews else _("none yet"), label=_("Chair's comments")
        )
        word.kept_together(document, start)
    for note in pack.appraisal_notes:
        word.heading(document, _("Chair's appraisal note, %(year)s") % {"year": note.year}, 2)
        word.paragraph(document, note.text)
    return word.to_bytes(document)
