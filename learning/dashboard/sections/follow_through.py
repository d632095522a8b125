"""Sections on follow-through: commitments, assurance questions and the privacy rule."""

from functools import partial

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from learning import charts
from modules.areas import GoodPracticeArea
from reflection.plans.models import Status

from ..blocks import Bullets, Chart, Section, Table, Text
from ..formatting import count_scale, day, percent
from ..selectors import BoardDashboard


def commitments_section(data: BoardDashboard) -> Section:
    section = Section("commitments", _("Following through on commitments"))
    follow = data.follow
    section.add(
        Text(
            _(
                "%(with)s of %(total)s members (%(percent)s) have shared at least one equality, "
                "diversity and inclusion commitment with the chair. Drafts stay private to each "
                "member and are not counted."
            )
            % {
                "with": follow.members_with_commitment,
                "total": follow.members_total,
                "percent": percent(follow.members_percent),
            }
        )
    )
    area_rows = follow.area_rows
    maximum, step = count_scale([count for _label, count in area_rows])
    section.add(
        Chart(
            key="commitment-areas",
            title=_("Shared commitments in each area of good practice"),
            description=_(
                "Bars show how many shared commitments fall in each of the ten areas of good "
                "practice. The table gives the same figures."
            ),
            draw=partial(
                charts.bar_chart,
                [str(label) for label, _count in area_rows],
                [charts.Series(_("Commitments"), [count for _label, count in area_rows])],
                minimum=0,
                maximum=maximum,
                step=step,
                label_width=200,
            ),
            table=Table(
                caption=_("Shared commitments in each area of good practice"),
                columns=[_("Area of good practice"), _("Commitments")],
                rows=[[str(label), str(count)] for label, count in area_rows],
                numeric={1},
            ),
        ),
        Table(
            caption=_("Shared commitments by status"),
            columns=[_("Status"), _("Commitments")],
            rows=[[str(label), str(count)] for label, count in follow.status_rows],
            numeric={1},
        ),
    )
    if not follow.overdue_count:
        section.add(Text(_("No shared commitment is overdue.")))
    elif follow.overdue and data.show_names:
        section.add(
            Table(
                caption=_("Overdue commitments and their owners"),
                columns=[_("Owner"), _("Commitment"), _("Due"), _("Status")],
                rows=[
                    [
                        commitment.owner.user.get_full_name() or commitment.owner.user.email,
                        commitment.title,
                        day(commitment.due_date),
                        Status(commitment.status).label,
                    ]
                    for commitment in follow.overdue
                ],
            )
        )
    else:
        section.add(
            Text(
                ngettext(
                    "%(count)s shared commitment is overdue. Only the chair sees whose it is.",
                    "%(count)s shared commitments are overdue. Only the chair sees whose they are.",
                    follow.overdue_count,
                )
                % {"count": follow.overdue_count}
                if not data.sees_commitments
                else ngettext(
                    "%(count)s shared commitment is overdue.",
                    "%(count)s shared commitments are overdue.",
                    follow.overdue_count,
                )
                % {"count": follow.overdue_count}
            )
        )
    if not follow.actions_total:
        return section.add(Text(_("The board has no actions in its action plan yet.")))
    return section.add(
        Table(
            caption=_("The board's action plan by status"),
            columns=[_("Status"), _("Actions")],
            rows=[[str(label), str(count)] for label, count in follow.action_rows],
            numeric={1},
        )
    )


def assurance_section(data: BoardDashboard) -> Section:
    section = Section("assurance", _("Questions to ask for assurance"))
    labels = [str(GoodPracticeArea(area).label) for area in data.weakest_areas]
    section.add(
        Text(
            _(
                "These areas of good practice have the fewest shared commitments, so they may "
                "be where the board is weakest: %(areas)s."
            )
            % {"areas": "; ".join(labels)}
        )
    )
    if not data.questions:
        return section.add(Text(_("No assurance questions have been published for these areas.")))
    return section.add(
        Bullets(
            [
                _("%(question)s (%(area)s)")
                % {"question": question.text, "area": GoodPracticeArea(question.area).label}
                for question in data.questions
            ]
        )
    )


def privacy_note(minimum: int, *, paper: bool = False) -> str:
    if paper:
        return _(
            "This paper never shows one person's self-assessment answers or scores, journal "
            "entries or written answers to knowledge checks. Combined figures appear only when "
            "at least %(minimum)s members have taken part, and self-assessment results only "
            "once a round has closed. Below that we say so and show no figure. Results are "
            "never split by a role that one person holds, such as the chair."
        ) % {"minimum": minimum}
    return _(
        "This page never shows one person's self-assessment answers or scores, journal entries "
        "or written answers to knowledge checks. Combined figures appear only when at least "
        "%(minimum)s members have taken part, and self-assessment results only once a round "
        "has closed. Below that we say so and show no figure. Results are never split by a "
        "role that one person holds, such as the chair."
    ) % {"minimum": minimum}


def privacy_section(data: BoardDashboard) -> Section:
    return Section("privacy", _("How we protect members' privacy")).add(
        Text(privacy_note(data.minimum))
    )
