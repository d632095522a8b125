"""No page template of ours has an inline script or a style attribute: the CSP would block them.

Email templates are left out: mail clients need inline styles, and no CSP applies there.
"""

import re
from pathlib import Path

from django.conf import settings

INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")", re.I
)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.I)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I)


def _our_templates():
    base = Path(settings.BASE_DIR)
    roots = [base / name for name in ("templates", "learning", "modules", "reflection")]
    for root in roots:
        for path in root.rglob("*.html"):
            if "emails" not in path.parts and "email" not in path.stem:
                yield path


def test_no_template_has_inline_scripts_styles_or_event_handlers():
    problems = []
    for path in _our_templates():
        text = path.read_text(encoding="utf-8")
        for pattern, what in (
            (INLINE_SCRIPT, "inline <script>"),
            (STYLE_ATTRIBUTE, "style attribute"),
            (EVENT_HANDLER, "inline event handler"),
        ):
            if pattern.search(text):
                problems.append(f"{path.relative_to(settings.BASE_DIR)}: {what}")
    assert not problems, "\n".join(problems)
