"""Explanations that point back to the module: "See 'Section heading'" becomes a link to that
section, whose heading carries the stable anchor `section-<slug of the heading>`."""

import re

from django import template
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.text import slugify

register = template.Library()

# "See 'A heading'", "See the list in 'A heading'" or "See the warning 'A title' in 'A heading'":
# the last quoted part of the sentence names a module section.
POINTER = re.compile(r"(See [^.]*?)'([^']+)'(?=[^']*(?:\.|$))")


def section_anchor(heading: str) -> str:
    return f"section-{slugify(heading)}"


@register.filter
def explanation_html(text: str, module_url: str | None = None) -> str:
    """The explanation as paragraphs, with its "See 'section'" pointers linked to the module."""
    escaped: str = escape(text)
    if module_url:
        # Escaping turned the quotes into &#x27;, so match on the original and rebuild.
        parts, last = [], 0
        for match in POINTER.finditer(text):
            parts.append(escape(text[last : match.start()]))
            parts.append(
                format_html(
                    "{}'<a href=\"{}#{}\">{}</a>'",
                    match.group(1),
                    module_url,
                    section_anchor(match.group(2)),
                    match.group(2),
                )
            )
            last = match.end()
        parts.append(escape(text[last:]))
        escaped = "".join(parts)
    return mark_safe(linebreaks(escaped, autoescape=False))  # noqa: S308 (escaped above)
