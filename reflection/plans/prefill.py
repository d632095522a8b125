"""Where a new commitment starts: a module's prompt, a self-assessment result or a suggestion.

Each reads ids from a link's query string and trusts none of them: an id that does not exist,
or belongs to someone else, is ignored and the form starts empty.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.http import Http404
from django.utils.translation import gettext as _

from reflection.journal.prompts import resolve_prompt

from .models import Commitment, SuggestedCommitment

if TYPE_CHECKING:
    from modules.models import ModulePage


@dataclass
class Start:
    """The initial values of a new commitment and where they came from."""

    origin: str = Commitment.Origin.SCRATCH
    initial: dict = field(default_factory=dict)
    module: "ModulePage | None" = None
    source_label: str = ""


def _from_prompt(params) -> Start | None:
    prompt = resolve_prompt(params.get("module"), params.get("prompt"))
    if prompt is None:
        return None
    return Start(
        origin=Commitment.Origin.MODULE,
        initial={"description": prompt.question},
        module=prompt.module,
        source_label=_("From the module “%(title)s”") % {"title": prompt.module.title},
    )


def _assessment_dimension_name(user, response_id, dimension_key) -> str | None:
    """The dimension's name on the user's own self-assessment response, or None."""
    try:
        from reflection.assessment.definitions import Definition
        from reflection.assessment.permissions import access_own_response
    except ImportError:
        return None
    try:
        response = access_own_response(user, response_id)
    except Http404:
        return None
    dimension = Definition(response.version.definition).dimension(str(dimension_key))
    if dimension is None:
        return None
    return dimension.get("name") or None


def _from_assessment(user, params) -> Start | None:
    if not (params.get("response") and params.get("dimension")):
        return None
    name = _assessment_dimension_name(user, params["response"], params["dimension"][:50])
    if name is None:
        return None
    return Start(
        origin=Commitment.Origin.ASSESSMENT,
        initial={
            "title": _("Develop my %(dimension)s") % {"dimension": name.lower()},
            "description": _("My self-assessment showed room to grow in %(dimension)s.")
            % {"dimension": name},
        },
        source_label=_("From your self-assessment result: %(dimension)s") % {"dimension": name},
    )


def _from_suggestion(params) -> Start | None:
    try:
        suggestion = SuggestedCommitment.objects.filter(pk=int(params.get("suggestion"))).first()
    except (TypeError, ValueError):
        return None
    if suggestion is None:
        return None
    return Start(
        origin=Commitment.Origin.LIBRARY,
        initial={
            "title": suggestion.title,
            "description": suggestion.description,
            "area": suggestion.area,
            "success_measure": suggestion.success_measure,
        },
        source_label=_("From the suggested commitment “%(title)s”") % {"title": suggestion.title},
    )


def commitment_start(user, params) -> Start:
    """The starting point named by the query string, or a blank commitment."""
    return (
        _from_prompt(params)
        or _from_assessment(user, params)
        or _from_suggestion(params)
        or Start()
    )
