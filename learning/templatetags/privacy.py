"""`{% withheld %}` and `{% withheld_reason %}`: the wording of learning.privacy in templates."""

from django import template

from learning import privacy

register = template.Library()


@register.simple_tag
def withheld(minimum: int | None = None) -> str:
    return privacy.withheld(minimum)


@register.simple_tag
def withheld_reason(minimum: int | None = None) -> str:
    return privacy.withheld_reason(minimum)
