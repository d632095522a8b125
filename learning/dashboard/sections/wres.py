"""The latest year's Workforce Race Equality Standard indicators, from the WRES workbook."""

from django.utils.translation import gettext as _

from ..blocks import Section, Table, Text
from ..selectors import BoardDashboard


def wres_section(data: BoardDashboard) -> Section:
    workbook = data.wres
    section = Section("wres", _("Race equality data (WRES)"))
    if workbook is None or not workbook.has_figures:
        return section.add(
            Text(
                _(
                    "No Workforce Race Equality Standard figures have been entered for the "
                    "organisation yet. The facilitator or chair can enter them in the race "
                    "equality data workbook."
                )
            )
        )
    change_heading = (
        _("Since %(year)s") % {"year": workbook.previous_year}
        if workbook.previous_year
        else _("Change")
    )
    section.add(
        Text(
            _(
                "The nine indicators for %(year)s, computed as WRES defines them. Where a group "
                "is too small for a fair ratio, the figure is withheld and the sentence says why."
            )
            % {"year": workbook.year}
        ),
        Table(
            caption=_("The nine WRES indicators, %(year)s") % {"year": workbook.year},
            columns=[_("Indicator"), _("Figure"), change_heading, _("What it means")],
            rows=[
                [
                    view.title,
                    view.value_text or _("Not given"),
                    view.direction_label or _("No earlier year"),
                    view.sentence,
                ]
                for view in workbook.indicators
            ],
        ),
    )
    return section
