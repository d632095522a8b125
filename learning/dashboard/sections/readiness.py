"""Sections on reading: readiness for the next session and past ones, knowledge checks."""

from functools import partial

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from learning import charts
from learning.privacy import withheld

from ..blocks import Bullets, Chart, Notice, Section, Table, Text
from ..formatting import day, moment, percent
from ..selectors import BoardDashboard


def next_session_section(data: BoardDashboard) -> Section:
    section = Section("next-session", _("Readiness for the next session"))
    upcoming = data.next
    if upcoming is None:
        return section.add(
            Text(_("No session is planned. The facilitator can add one on the Sessions page."))
        )
    readiness = upcoming.readiness
    section.add(
        Text(
            _("%(title)s, on %(when)s.")
            % {"title": upcoming.session.title, "when": moment(upcoming.session.starts_at)}
        )
    )
    if not upcoming.modules:
        return section.add(Text(_("No reading has been set for this session yet.")))
    section.add(
        Text(
            _(
                "%(ready)s of %(members)s members (%(percent)s) have finished all the reading "
                "set for it."
            )
            % {
                "ready": readiness.ready_count,
                "members": readiness.member_count,
                "percent": percent(readiness.percent or 0),
            }
        )
    )
    modules = upcoming.modules
    section.add(
        Chart(
            key="module-completion",
            title=_("Members who have finished each module"),
            description=_(
                "Bars show the percentage of members who have finished each module set for "
                "the next session, from 0 to 100. The table gives the same figures."
            ),
            draw=partial(
                charts.bar_chart,
                [module.title for module in modules],
                [charts.Series(_("Finished"), [module.percent for module in modules])],
                minimum=0,
                maximum=100,
                step=20,
                label_width=200,
                suffix="%",
            ),
            table=Table(
                caption=_("Members who have finished each module"),
                columns=[_("Module"), _("Finished"), _("Members"), _("Percent"), _("Overdue")],
                rows=[
                    [
                        module.title,
                        str(module.complete),
                        str(module.members),
                        percent(module.percent),
                        str(module.overdue),
                    ]
                    for module in modules
                ],
                numeric={1, 2, 3, 4},
            ),
        )
    )
    if not upcoming.outstanding:
        return section.add(Text(_("Every member has finished the reading.")))
    if not data.show_names:
        overdue = sum(1 for person in upcoming.outstanding if person.overdue)
        return section.add(
            Text(
                ngettext(
                    "%(count)s member has reading outstanding",
                    "%(count)s members have reading outstanding",
                    len(upcoming.outstanding),
                )
                % {"count": len(upcoming.outstanding)}
                + ngettext(
                    ", %(overdue)s of them overdue.", ", %(overdue)s of them overdue.", overdue
                )
                % {"overdue": overdue}
            )
        )
    return section.add(
        Table(
            caption=_("Members who still have reading to finish"),
            columns=[_("Member"), _("Role"), _("Still to finish"), _("Overdue")],
            rows=[
                [
                    person.name,
                    person.role,
                    "; ".join(person.modules),
                    _("Yes") if person.overdue else _("No"),
                ]
                for person in upcoming.outstanding
            ],
        )
    )


def past_sessions_section(data: BoardDashboard) -> Section:
    section = Section("past-sessions", _("Readiness at past sessions"))
    if not data.past:
        return section.add(
            Text(_("No session has taken place yet, so there is nothing to compare."))
        )
    section.add(
        Text(
            _(
                "We keep the share of members who had finished the reading when each session "
                "started."
            )
        )
    )
    labels = [
        date_format(timezone.localtime(item.session.starts_at), "j M Y") for item in data.past
    ]
    section.add(
        Chart(
            key="past-readiness",
            title=_("Members ready at the start of each session"),
            description=_(
                "Columns show the percentage of members who had finished the reading when each "
                "session started, oldest first, from 0 to 100. The table gives the same figures."
            ),
            draw=partial(
                charts.column_chart,
                labels,
                [item.percent for item in data.past],
                minimum=0,
                maximum=100,
                step=20,
                suffix="%",
            ),
            table=Table(
                caption=_("Members ready at the start of each session"),
                columns=[
                    _("Session"),
                    _("Date"),
                    _("Ready"),
                    _("Members"),
                    _("Percent"),
                    _("Attended"),
                ],
                rows=[
                    [
                        item.session.title,
                        day(item.session.starts_at),
                        str(item.ready_count),
                        str(item.member_count),
                        percent(item.percent),
                        _("%(came)s of %(total)s")
                        % {"came": item.attended_count, "total": item.attendance_recorded}
                        if item.attendance_recorded
                        else _("Not recorded"),
                    ]
                    for item in data.past
                ],
                numeric={2, 3, 4},
            ),
        )
    )
    return _attendance(section, data)


RECENT_ATTENDANCE = 3  # sessions whose attendance is spelled out, most recent first


def _attended(item) -> str:
    """ "8 of 11 attended": of the members whose attendance was recorded."""
    return _("%(came)s of %(total)s attended") % {
        "came": item.attended_count,
        "total": item.attendance_recorded,
    }


def _attendance(section: Section, data: BoardDashboard) -> Section:
    """A line for each recent session whose attendance was recorded, for the page and paper."""
    recent = [item for item in reversed(data.past) if item.attendance_recorded]
    if not recent:
        return section.add(Text(_("No attendance has been recorded for a past session yet.")))
    section.add(Text(_("Attendance at recent sessions:")))
    return section.add(
        Bullets(
            [
                _("%(title)s, %(date)s: %(attended)s.")
                % {
                    "title": item.session.title,
                    "date": day(item.session.starts_at),
                    "attended": _attended(item),
                }
                for item in recent[:RECENT_ATTENDANCE]
            ]
        )
    )


def knowledge_checks_section(data: BoardDashboard) -> Section:
    section = Section("knowledge-checks", _("Knowledge checks"))
    if not data.quizzes:
        return section.add(
            Text(
                _(
                    "No knowledge check has been set as reading for this board, and no member "
                    "has finished one yet."
                )
            )
        )
    shown = data.shown_quizzes
    if shown:
        section.add(
            Chart(
                key="pass-rates",
                title=_("Members who passed each knowledge check"),
                description=_(
                    "Bars show the percentage of members who finished a knowledge check and "
                    "passed it, from 0 to 100. Checks with too few members are left out. The "
                    "table gives every check."
                ),
                draw=partial(
                    charts.bar_chart,
                    [rate.quiz.title for rate in shown],
                    [charts.Series(_("Passed"), [rate.percent for rate in shown])],
                    minimum=0,
                    maximum=100,
                    step=20,
                    label_width=200,
                    suffix="%",
                ),
                table=_pass_rate_table(data),
            )
        )
    else:
        section.add(_pass_rate_table(data))
    if len(shown) < len(data.quizzes):
        section.add(
            Notice(
                _("Some results are not shown"),
                _(
                    "We show a knowledge check's results only once at least %(minimum)s members "
                    "have finished it, so that nobody's result can be picked out."
                )
                % {"minimum": data.minimum},
            )
        )
    if data.missed:
        section.add(
            Table(
                caption=_("Questions the board found hardest"),
                columns=[
                    _("Question"),
                    _("Knowledge check"),
                    _("Answered right"),
                    _("Wrong answer chosen most"),
                ],
                rows=[
                    [
                        question.text,
                        question.quiz_title,
                        percent(question.percent_right),
                        question.common_wrong_answer or _("Not applicable"),
                    ]
                    for question in data.missed
                ],
                numeric={2},
            )
        )
    elif shown:
        section.add(Text(_("Every member who finished answered every question right.")))
    return section


def _pass_rate_table(data: BoardDashboard) -> Table:
    rows = []
    for rate in data.quizzes:
        if rate.shown:
            rows.append(
                [rate.quiz.title, str(rate.finished), str(rate.passed), percent(rate.percent)]
            )
        else:
            rows.append([rate.quiz.title, withheld(data.minimum), _("Not shown"), _("Not shown")])
    return Table(
        caption=_("Members who passed each knowledge check"),
        columns=[_("Knowledge check"), _("Members finished"), _("Passed"), _("Pass rate")],
        rows=rows,
        numeric={1, 2, 3},
    )
