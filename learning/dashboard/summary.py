"""The board paper's summary: three to five plain sentences written from the figures."""

from django.utils.translation import gettext as _

from .formatting import day, number
from .selectors import BoardDashboard


def _readiness(data: BoardDashboard) -> str:
    upcoming = data.next
    if upcoming is None:
        return _("No board development session is planned yet.")
    if not upcoming.modules:
        return _("No reading has been set yet for the next session, %(title)s, on %(day)s.") % {
            "title": upcoming.session.title,
            "day": day(upcoming.session.starts_at),
        }
    readiness = upcoming.readiness
    return _(
        "%(ready)s of %(members)s members (%(percent)s%%) have finished the reading for the "
        "next session on %(day)s."
    ) % {
        "ready": readiness.ready_count,
        "members": readiness.member_count,
        "percent": readiness.percent or 0,
        "day": day(upcoming.session.starts_at),
    }


def _trend(data: BoardDashboard) -> str | None:
    past = [item for item in data.past if item.percent is not None]
    if not past:
        return None
    last = past[-1]
    if len(past) == 1:
        return _("At the last session, %(percent)s%% of members had done the reading.") % {
            "percent": last.percent
        }
    return _(
        "At the last session, %(percent)s%% of members had done the reading, against "
        "%(before)s%% at the session before."
    ) % {"percent": last.percent, "before": past[-2].percent}


def _knowledge(data: BoardDashboard) -> str | None:
    shown = data.shown_quizzes
    if not data.quizzes:
        return None
    if not shown:
        return _(
            "Knowledge-check results are not shown yet: fewer than %(minimum)s members have "
            "finished any check."
        ) % {"minimum": data.minimum}
    finished = sum(rate.finished for rate in shown)
    passed = sum(rate.passed for rate in shown)
    return _(
        "Across the knowledge checks shown, members passed %(percent)s%% of the checks they "
        "finished."
    ) % {"percent": round(100 * passed / finished)}


def _self_assessment(data: BoardDashboard) -> str | None:
    summary = data.scores
    if summary is None:
        return None
    if not summary.aggregate.shown:
        return _(
            "The latest self-assessment round had fewer than %(minimum)s answers, so its "
            "results are not shown."
        ) % {"minimum": data.minimum}
    scored = [figure for figure in summary.aggregate.dimensions if figure.shown]
    if not scored:
        return None
    # A figure that is shown has a mean.
    high = max(scored, key=lambda figure: figure.mean or 0)
    low = min(scored, key=lambda figure: figure.mean or 0)
    if high is low:
        return _("In the latest self-assessment round the board's mean score was %(mean)s.") % {
            "mean": number(high.mean)
        }
    return _(
        "In the latest self-assessment round the board scored highest on %(high)s and lowest "
        "on %(low)s."
    ) % {"high": high.label, "low": low.label}


def _follow_through(data: BoardDashboard) -> str:
    follow = data.follow
    return _(
        "%(percent)s%% of members have shared an equality commitment, and %(overdue)s shared "
        "commitments are overdue."
    ) % {"percent": follow.members_percent, "overdue": follow.overdue_count}


def summary_sentences(data: BoardDashboard) -> list[str]:
    """Three to five sentences: readiness, the trend, knowledge checks, self-assessment and
    follow-through, leaving out any with nothing to say (readiness and follow-through always
    have one, and the trend or the checks fill the third)."""
    sentences = [_readiness(data)]
    optional = [_trend(data), _knowledge(data), _self_assessment(data)]
    sentences += [sentence for sentence in optional if sentence]
    sentences.append(_follow_through(data))
    if len(sentences) < 3:
        sentences.insert(
            1,
            _("No session has taken place yet, so there is no earlier readiness to compare."),
        )
    return sentences[:5]
