"""Filters for the NHS.UK responsive table, whose every cell repeats its column's heading."""

from django import template

register = template.Library()


@register.filter
def column_heading(headings, index):
    """The heading of column `index` from a table's (heading, numeric) pairs, or ""."""
    try:
        return headings[index][0]
    except (IndexError, TypeError):
        return ""
