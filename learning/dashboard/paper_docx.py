"""The board paper as an editable Word document, in the same order as the PDF: the cover
sheet, the summary, the six parts of the report, then the appendices.

It is the accessible version of the paper (the PDF cannot be tagged), so every chart is a
picture whose alt text gives its figures, followed by the same figures as a table.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from learning import word

from .formatting import day, moment
from .models import Purpose
from .pdf import PRIVATE_NAMED, Cover, _by_key, _headline_wres, board_paper_title
from .sections import privacy_note
from .selectors import BoardDashboard


def _cover_sheet(document, data, cover: Cover, summary: list[str], *, author: str) -> None:
    title = board_paper_title(data)
    document.add_paragraph(_("Board paper"))
    word.heading(document, title, 1)
    purposes = [
        ("☒ " if value == cover.purpose else "☐ ") + str(label) for value, label in Purpose.choices
    ]
    word.table(
        document,
        word.Table(
            caption=_("Cover sheet"),
            columns=[_("Item"), _("Detail")],
            rows=[
                [_("Meeting"), cover.meeting],
                [_("Date of meeting"), day(cover.meeting_date)],
                [_("Agenda item"), cover.agenda_item or _("Not given")],
                [_("Title"), title],
                [_("Presented by"), cover.presenter],
                [_("Prepared by"), author],
                [_("Purpose"), "   ".join(purposes)],
            ],
        ),
    )
    word.heading(document, _("Executive summary"), 2)
    for sentence in summary[:2]:
        word.paragraph(document, sentence)
    word.heading(document, _("The board is asked to"), 2)
    word.paragraph(document, cover.asked_to)
    word.heading(document, _("Links and impact"), 2)
    word.paragraph(
        document,
        _(
            "Strategic objectives, board assurance framework risks and the equality and "
            "quality impact: to be completed by the board secretary in the trust's template."
        ),
    )
    if cover.include_names:
        word.paragraph(document, _(PRIVATE_NAMED))
    else:
        word.paragraph(
            document, _("This paper names no member: figures are counts and percentages only.")
        )


def _part(document, heading: str, *sections, intro: str = "", headings=None) -> None:
    word.heading(document, heading, 1)
    if intro:
        word.paragraph(document, intro)
    for index, section in enumerate(sections):
        word.heading(document, (headings or {}).get(index) or section.heading, 2)
        for block in section.blocks:
            word.block(document, block)


def board_paper_docx(
    data: BoardDashboard,
    sections: list,
    summary: list[str],
    *,
    author: str,
    cover: Cover,
) -> bytes:
    """The board paper as a .docx: the same parts and figures as the PDF."""
    title = board_paper_title(data)
    generated = moment(data.generated_at)
    document = word.new_document(
        title=title,
        author=author,
        subject=_("Board development: readiness and follow-through"),
        footer=_("Board development · generated %(moment)s") % {"moment": generated},
        marking=_(PRIVATE_NAMED) if cover.include_names else "",
    )
    parts = _by_key(sections)
    _cover_sheet(document, data, cover, summary, author=author)
    document.add_page_break()
    word.heading(document, _("1. Summary"), 1)
    for sentence in summary:
        word.paragraph(document, sentence)
    _part(
        document,
        _("2. Readiness for the next and recent sessions"),
        parts["next-session"],
        parts["past-sessions"],
    )
    _part(
        document,
        _("3. Self-assessment beside the national survey"),
        parts["self-assessment"],
        parts["national"],
        intro=_(
            "The national figures come from a survey of other boards, asked in a different "
            "way at a different time: the comparison is indicative only."
        ),
    )
    _part(
        document,
        _("4. Follow-through on commitments by area"),
        parts["commitments"],
        headings={0: _("Shared commitments")},
    )
    _part(
        document,
        _("5. Workforce Race Equality Standard: headline indicators"),
        _headline_wres(parts["wres"]),
    )
    _part(
        document,
        _("6. Questions the board should ask itself"),
        parts["assurance"],
        headings={0: _("Where the board may be weakest")},
    )
    document.add_page_break()
    word.heading(document, _("Appendices"), 1)
    for heading, section in (
        (_("Appendix A. Knowledge checks"), parts["knowledge-checks"]),
        (_("Appendix B. WRES indicators in full"), parts["wres"]),
    ):
        word.heading(document, heading, 2)
        for block in section.blocks:
            word.block(document, block)
    word.heading(document, _("Appendix C. Privacy and accessibility"), 2)
    word.paragraph(document, privacy_note(data.minimum, paper=True))
    word.paragraph(
        document,
        _(
            "This Word document is the accessible version of the paper: it has heading "
            "styles, table header rows and alt text on every chart. The PDF is not tagged for "
            "screen readers, because the open-source PDF library BoardReady uses cannot write "
            "a structure tree."
        ),
    )
    word.paragraph(
        document,
        _("Generated at %(moment)s (UK time).")
        % {"moment": moment(data.generated_at or timezone.now())},
    )
    return word.to_bytes(document)
