"""The member's development plan as an editable Word document: the same content as the PDF,
with "Private" and page numbers on every page and drafts only when the member asks."""

from django.utils import timezone
from django.utils.translation import gettext as _

from learning import word

from .pdf import PRIVATE, commitment_status, day, milestone_lines, plan_title, printed_commitments
from .selectors import MemberPlan


def member_header(document, title: str, member, printed: str) -> None:
    """The title, then the member's board, role and the day printed."""
    word.heading(document, title, 1)
    word.paragraph(document, str(member.board), label=_("Board"))
    word.paragraph(document, member.get_role_display(), label=_("Role"))
    word.paragraph(document, printed, label=_("Printed"))


def plan_docx_bytes(plan: MemberPlan, *, include_drafts: bool = False) -> bytes:
    member = plan.membership
    name, title = plan_title(plan)
    printed = day(timezone.localdate())
    document = word.new_document(
        title=title,
        author=name,
        subject=_("Equality, diversity and inclusion commitments"),
        footer=_("Development plan of %(name)s · printed %(day)s") % {"name": name, "day": printed},
        marking=_(PRIVATE),
    )
    member_header(document, title, member, printed)
    word.paragraph(
        document,
        _("shared commitments and private drafts")
        if include_drafts
        else _("shared commitments only (drafts left out)"),
        label=_("Holds"),
    )
    commitments = printed_commitments(plan, include_drafts=include_drafts)
    if not commitments:
        word.paragraph(document, _("No commitments to print yet."))
    for commitment in commitments:
        start = len(document.paragraphs)
        word.heading(document, commitment.title, 2)
        word.paragraph(document, commitment.area_label, label=_("Area of good practice"))
        word.paragraph(document, commitment.success_measure, label=_("How I will know"))
        word.paragraph(document, day(commitment.due_date), label=_("Due"))
        word.paragraph(document, commitment_status(commitment), label=_("Status"))
        word.paragraph(
            document,
            _("me and the chair") if commitment.is_shared else _("only me (draft)"),
            label=_("Who can see it"),
        )
        if commitment.explanation:
            word.paragraph(document, commitment.explanation, label=_("Why it was not done"))
        if commitment.description:
            word.paragraph(document, commitment.description)
        milestones = milestone_lines(commitment)
        if milestones:
            word.heading(document, _("Milestones"), 3)
            word.bullets(document, milestones)
        updates = list(commitment.updates.all())
        if updates:
            word.paragraph(
                document,
                updates[0].text,
                label=_("Latest update (%(day)s)") % {"day": day(updates[0].date)},
            )
        else:
            word.paragraph(document, _("none yet"), label=_("Latest update"))
        word.kept_together(document, start)
    for note in plan.appraisal_notes:
        word.heading(document, _("Chair's appraisal note, %(year)s") % {"year": note.year}, 2)
        word.paragraph(document, note.text)
    return word.to_bytes(document)
