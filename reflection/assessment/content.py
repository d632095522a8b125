"""Loads the self-assessment instruments written for BoardReady from `content/*.toml`.

Keyed on slug: an instrument that already exists is left alone, so editors own it once loaded.
"""

import tomllib
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from modules.models import ModulePage

from .models import Band, Dimension, Instrument, Item, ScalePoint

CONTENT_DIR = Path(__file__).resolve().parent / "content"


@transaction.atomic
def load_instruments() -> dict[str, Instrument]:
    """Creates any instrument in the content files that does not exist yet; returns all by slug."""
    instruments = {}
    for path in sorted(CONTENT_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        instrument = Instrument.objects.filter(slug=data["slug"]).first()
        instruments[data["slug"]] = instrument or _create(data)
    return instruments


def _create(data: dict) -> Instrument:
    instrument = Instrument(
        slug=data["slug"],
        name=data["name"],
        kind=data["kind"],
        purpose=data["purpose"],
        introduction=data["introduction"],
        not_applicable_label=data.get("not_applicable_label", ""),
    )
    instrument.full_clean()
    instrument.save()
    order = 0
    for scale in data["scales"]:
        for value, label in scale["points"]:
            ScalePoint.objects.create(
                instrument=instrument,
                scale=scale["key"],
                value=value,
                label=label,
                sort_order=order,
            )
            order += 1
    for number, dimension in enumerate(data["dimensions"]):
        Dimension.objects.create(
            instrument=instrument,
            key=dimension["key"],
            name=dimension["name"],
            description=dimension.get("description", ""),
            scale=dimension["scale"],
            sort_order=number,
        )
        for position, (key, text, reverse) in enumerate(dimension["statements"]):
            Item.objects.create(
                instrument=instrument,
                key=key,
                dimension=dimension["key"],
                text=text,
                reverse_scored=reverse,
                sort_order=number * 100 + position,
            )
        for position, (low, high, text, slugs) in enumerate(dimension.get("bands", [])):
            band = Band.objects.create(
                instrument=instrument,
                dimension=dimension["key"],
                minimum=Decimal(str(low)),
                maximum=Decimal(str(high)),
                text=text,
                sort_order=number * 100 + position,
            )
            band.suggested_modules.set(ModulePage.objects.filter(slug__in=slugs))
            band.save()  # a parental many-to-many is written when its owner is saved
    return instrument
