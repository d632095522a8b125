"""Reading time: words in a module's body, read at about 200 words a minute.

Counts from the StreamField's raw JSON, so listings compute it without loading chosen terms or
case studies.
"""

import math
import re

from django.utils.html import strip_tags

WORDS_PER_MINUTE = 200

# Blocks whose words a reader reads; sources, choosers and video links are not body text.
COUNTED_BLOCKS = {
    "heading",
    "text",
    "inset",
    "warning",
    "details",
    "do",
    "dont",
    "quote",
    "statistic",
    "reflection",
}
SKIPPED_KEYS = {
    "url",
    "source_url",
    "source",
    "attribution",
    "heading_level",
    "label",
    "id",
    "type",
}
_WORD = re.compile(r"[\w'’%.,-]+")


def _words_in(value) -> int:
    if isinstance(value, str):
        return len(_WORD.findall(strip_tags(value)))
    if isinstance(value, dict):
        if "type" in value and "value" in value:  # a nested stream child
            return _words_in(value["value"])
        return sum(_words_in(item) for key, item in value.items() if key not in SKIPPED_KEYS)
    if isinstance(value, list):
        return sum(_words_in(item) for item in value)
    return 0


def words_in_body(raw_blocks) -> int:
    """The number of words of body text in a module's StreamField raw data."""
    return sum(
        _words_in(block.get("value")) for block in raw_blocks if block.get("type") in COUNTED_BLOCKS
    )


def minutes_for(words: int) -> int:
    """Reading minutes for a number of words: at least one minute."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
