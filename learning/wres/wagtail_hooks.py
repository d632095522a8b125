"""Registers the WRES workbook with the shared pages: navigation, personal data and demo data."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from learning.audit.personal_data import covers, export_rows
from learning.selectors import current_membership

from .demo import seed_wres
from .models import WresYear


@hooks.register("boardready_nav_links")
def wres_nav_link(request):
    """ "Race equality data" for anyone on a board, for the board they have chosen."""
    membership = current_membership(request)
    if membership is None:
        return []
    url = reverse("wres:workbook", args=[membership.board_id])
    return [{"url": url, "label": _("Race equality data"), "order": 60}]


@hooks.register("boardready_personal_data")
@covers("wres.WresYear")
def wres_personal_data(user):
    """The figures are the organisation's; all that is the person's is who last saved a year."""
    years = WresYear.objects.filter(updated_by=user).select_related("organisation")
    return {"WRES figures you last saved": export_rows(years, exclude=["updated_by"])}


@hooks.register("boardready_seed_demo", order=60)
def seed_wres_demo(people):
    seed_wres(people)
