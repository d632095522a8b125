"""Plain-English words for the nine indicators: titles, figures as text and one explanation
per indicator generated from the year's figures. Pure functions: no database."""

from typing import TYPE_CHECKING

from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .indicators import SMALL_COUNT, IndicatorResult, Shortfall, Status

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

TITLES = {
    1: gettext_lazy("Staff in each pay band"),
    2: gettext_lazy("Appointment from shortlisting"),
    3: gettext_lazy("Entering the formal disciplinary process"),
    4: gettext_lazy("Non-mandatory training and CPD"),
    5: gettext_lazy("Harassment, bullying or abuse from patients, relatives or the public"),
    6: gettext_lazy("Harassment, bullying or abuse from staff"),
    7: gettext_lazy("Equal opportunities for career progression or promotion"),
    8: gettext_lazy("Discrimination from a manager or colleague"),
    9: gettext_lazy("Board voting membership compared with the workforce"),
}

# What each headline figure is, for chart axes, tables and the PDF.
MEASURED = {
    1: gettext_lazy("BME share at band 8a and above minus BME share of the workforce (points)"),
    2: gettext_lazy("White likelihood of appointment ÷ BME likelihood"),
    3: gettext_lazy("BME likelihood of entering the process ÷ white likelihood"),
    4: gettext_lazy("White likelihood of accessing training ÷ BME likelihood"),
    5: gettext_lazy("BME staff reporting it (%)"),
    6: gettext_lazy("BME staff reporting it (%)"),
    7: gettext_lazy("BME staff who believe it (%)"),
    8: gettext_lazy("BME staff reporting it (%)"),
    9: gettext_lazy("Board BME % minus workforce BME % (points)"),
}

RATIO_INDICATORS = frozenset({2, 3, 4})
POINTS_INDICATORS = frozenset({1, 9})


def title_for(number: int) -> "StrOrPromise":
    return format_lazy(
        gettext_lazy("Indicator {number}: {title}"), number=number, title=TITLES[number]
    )


def count_text(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


def ratio_text(value: float | None) -> str:
    """A ratio to 2 decimal places, without trailing zeros: 1.6, 0.85, 2."""
    if value is None:
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def percent_text(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}%"


def points_text(value: float | None) -> str:
    """Percentage points with a sign: +3.2, -16.7, 0.0."""
    if value is None:
        return ""
    shown = round(value, 1)
    return f"{shown:+.1f}" if shown else "0.0"


def likelihood_text(value: float | None) -> str:
    """A likelihood to 4 significant figures: 0.2688, 0.005997."""
    return "" if value is None else f"{value:.4g}"


def value_text(number: int, value: float | None) -> str:
    """The headline figure as shown in tables: a ratio, a percentage or points."""
    if number in RATIO_INDICATORS:
        return ratio_text(value)
    if number in POINTS_INDICATORS:
        return points_text(value)
    return percent_text(value)


def _shortfall_phrase(shortfall: Shortfall) -> str:
    if not shortfall.count:
        return _("no %(what)s") % {"what": shortfall.what}
    return _("only %(count)s %(what)s") % {
        "count": count_text(shortfall.count),
        "what": shortfall.what,
    }


def _join(phrases: list[str]) -> str:
    if len(phrases) < 2:
        return "".join(phrases)
    return _("%(first)s and %(last)s") % {"first": ", ".join(phrases[:-1]), "last": phrases[-1]}


def _higher_or_lower(difference: float, who: str) -> str:
    shown = round(difference, 1)
    if not shown:
        return _("The figures are the same for both groups.")
    if shown > 0:
        return _("That is %(points)s percentage points higher for %(who)s.") % {
            "points": f"{abs(shown):.1f}",
            "who": who,
        }
    return _("That is %(points)s percentage points lower for %(who)s.") % {
        "points": f"{abs(shown):.1f}",
        "who": who,
    }


def _sentence_1(result: IndicatorResult) -> str:
    senior, workforce = result.part(0), result.part(1)
    text = _(
        "BME staff make up %(senior)s of staff at band 8a and above, including very senior "
        "managers, and %(workforce)s of the whole workforce."
    ) % {"senior": percent_text(senior), "workforce": percent_text(workforce)}
    text += " " + _higher_or_lower(result.value or 0, _("the senior bands"))
    if any(band.small for band in result.bands):
        text += " " + _(
            "Some bands have fewer than %(n)s staff, so their percentages can swing with one "
            "appointment or leaver."
        ) % {"n": SMALL_COUNT}
    return text


def _sentence_ratio(result: IndicatorResult) -> str:
    ratio = ratio_text(result.value)
    if result.number == 2:
        text = _(
            "White applicants were %(ratio)s times as likely as BME applicants to be appointed "
            "from shortlisting. A value of 1 would mean equal likelihood."
        )
    elif result.number == 3:
        text = _(
            "BME staff were %(ratio)s times as likely as white staff to enter the formal "
            "disciplinary process. A value of 1 would mean equal likelihood; above 1, BME "
            "staff are at a disadvantage."
        )
    else:
        text = _(
            "White staff were %(ratio)s times as likely as BME staff to access non-mandatory "
            "training and CPD. A value of 1 would mean equal likelihood; above 1, white staff "
            "are favoured."
        )
    return text % {"ratio": ratio}


def _sentence_survey(result: IndicatorResult) -> str:
    bme, white = percent_text(result.part(0)), percent_text(result.part(1))
    templates = {
        5: _(
            "Of BME staff, %(bme)s said they had faced harassment, bullying or abuse from "
            "patients, relatives or the public in the last 12 months, compared with %(white)s "
            "of white staff."
        ),
        6: _(
            "Of BME staff, %(bme)s said they had faced harassment, bullying or abuse from other "
            "staff in the last 12 months, compared with %(white)s of white staff."
        ),
        7: _(
            "Of BME staff, %(bme)s believed the organisation gives equal opportunities for "
            "career progression or promotion, compared with %(white)s of white staff."
        ),
        8: _(
            "Of BME staff, %(bme)s said they had faced discrimination at work from a manager, "
            "team leader or colleague in the last 12 months, compared with %(white)s of white "
            "staff."
        ),
    }
    difference = (result.part(0) or 0) - (result.part(1) or 0)
    text = templates[result.number] % {"bme": bme, "white": white}
    return f"{text} {_higher_or_lower(difference, _('BME staff'))}"


def _sentence_9(result: IndicatorResult) -> str:
    return _(
        "BME people make up %(board)s of the board's voting members and %(workforce)s of the "
        "workforce, a difference of %(points)s percentage points. A figure of 0 would mean the "
        "board reflects the workforce; below 0, BME people are under-represented on the board."
    ) % {
        "board": percent_text(result.part(0)),
        "workforce": percent_text(result.part(1)),
        "points": points_text(result.value),
    }


def _not_shown(result: IndicatorResult) -> str:
    if result.status == Status.SMALL:
        return _(
            "We do not give a ratio this year because the counts are too small: %(counts)s. "
            "Below %(n)s, one person more or less changes the ratio a lot, so it would mislead. "
            "The counts are shown instead."
        ) % {
            "counts": _join([_shortfall_phrase(one) for one in result.shortfalls]),
            "n": SMALL_COUNT,
        }
    if result.parts:
        return _(
            "There is no figure this year: there is nobody in the group to compare with, so "
            "the likelihood cannot be worked out."
        )
    return _("The figures for this indicator have not been entered.")


def sentence(result: IndicatorResult) -> str:
    """One or two plain-English sentences saying what the figure means."""
    if not result.shown:
        return _not_shown(result)
    if result.number == 1:
        return _sentence_1(result)
    if result.number in RATIO_INDICATORS:
        return _sentence_ratio(result)
    if result.number == 9:
        return _sentence_9(result)
    return _sentence_survey(result)


def _part_text(part) -> str:
    if part.numerator is None:
        return percent_text(part.value) if part.percent else likelihood_text(part.value)
    sum_text = f"{count_text(part.numerator)} ÷ {count_text(part.denominator)}"
    if part.value is None:
        return _("%(sum)s: cannot be worked out (nothing to divide by)") % {"sum": sum_text}
    result = percent_text(part.value) if part.percent else likelihood_text(part.value)
    return f"{sum_text} = {result}"


def working_lines(result: IndicatorResult) -> list[tuple[str, str]]:
    """[(what, the sum)] showing each numerator, denominator and result."""
    lines = [(part.label, _part_text(part)) for part in result.parts]
    if len(result.parts) < 2:
        return lines
    first, second = result.parts[0].value, result.parts[1].value
    if result.number in RATIO_INDICATORS:
        if result.shown:
            sum_text = f"{likelihood_text(first)} ÷ {likelihood_text(second)}"
            lines.append((_("Relative likelihood"), f"{sum_text} = {ratio_text(result.value)}"))
        else:
            lines.append((_("Relative likelihood"), _("Not given")))
    elif first is not None and second is not None:
        difference = first - second
        sum_text = f"{percent_text(first)} - {percent_text(second)}"
        lines.append(
            (
                _("Difference"),
                _("%(sum)s = %(points)s percentage points")
                % {"sum": sum_text, "points": points_text(difference)},
            )
        )
    return lines
