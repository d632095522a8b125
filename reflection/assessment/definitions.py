"""An instrument version's frozen definition (a JSON snapshot) and easy reads of it.

The snapshot holds everything needed to show and score a response long after editors have
changed the instrument: scales, dimensions in order, statements and interpretation bands.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.utils.translation import gettext as _


def build_definition(instrument) -> dict:
    """The snapshot of an instrument as it is now (its saved children, in panel order)."""
    scales: dict[str, list] = {}
    for point in instrument.scale_points.all().order_by("sort_order", "pk"):
        scales.setdefault(point.scale, []).append({"value": point.value, "label": point.label})
    for points in scales.values():
        points.sort(key=lambda point: point["value"])
    dimensions = [
        {
            "key": dimension.key,
            "name": dimension.name,
            "description": dimension.description,
            "scale": dimension.scale,
            "items": [],
            "bands": [],
        }
        for dimension in instrument.dimensions.all().order_by("sort_order", "pk")
    ]
    by_key = {dimension["key"]: dimension for dimension in dimensions}
    for item in instrument.items.all().order_by("sort_order", "pk"):
        if item.dimension in by_key:
            by_key[item.dimension]["items"].append(
                {
                    "key": item.key,
                    "text": item.text,
                    "reverse": item.reverse_scored,
                    "required": item.required,
                }
            )
    bands = (
        instrument.bands.all().order_by("sort_order", "pk").prefetch_related("suggested_modules")
    )
    for band in bands:
        if band.dimension in by_key:
            by_key[band.dimension]["bands"].append(
                {
                    "min": str(band.minimum),
                    "max": str(band.maximum),
                    "text": band.text,
                    "modules": sorted(page.pk for page in band.suggested_modules.all()),
                }
            )
    return {
        "name": instrument.name,
        "kind": instrument.kind,
        "purpose": instrument.purpose,
        "introduction": instrument.introduction,
        "not_applicable_label": instrument.not_applicable_label,
        "scales": scales,
        "dimensions": dimensions,
    }


def definition_problems(definition: dict) -> list[str]:
    """What stops a definition being answered, in words an editor can act on."""
    problems = []
    if not definition["dimensions"]:
        problems.append(_("Add at least one dimension."))
    keys = [item["key"] for dim in definition["dimensions"] for item in dim["items"]]
    if len(keys) != len(set(keys)):
        problems.append(_("Each statement needs its own key."))
    for dimension in definition["dimensions"]:
        points = definition["scales"].get(dimension["scale"], [])
        if len(points) < 2:
            problems.append(
                _("Dimension '%(name)s' needs a scale '%(scale)s' with at least two points.")
                % {"name": dimension["name"], "scale": dimension["scale"]}
            )
        if not dimension["items"]:
            problems.append(
                _("Dimension '%(name)s' has no statements.") % {"name": dimension["name"]}
            )
    return problems


@dataclass
class Definition:
    """Reads of a frozen definition: dimensions in order, statements by key, scale bounds."""

    data: dict

    @property
    def name(self) -> str:
        return self.data["name"]

    @property
    def kind(self) -> str:
        return self.data["kind"]

    @property
    def dimensions(self) -> list[dict]:
        return self.data["dimensions"]

    @property
    def not_applicable_label(self) -> str:
        return self.data.get("not_applicable_label", "")

    @cached_property
    def items(self) -> dict[str, dict]:
        """Every statement by key, each with its dimension's key added."""
        return {
            item["key"]: {**item, "dimension": dimension["key"]}
            for dimension in self.dimensions
            for item in dimension["items"]
        }

    def dimension(self, key: str) -> dict | None:
        return next((dim for dim in self.dimensions if dim["key"] == key), None)

    def dimension_of(self, item_key: str) -> dict:
        """The dimension a statement belongs to (every statement has one)."""
        dimension = self.dimension(self.items[item_key]["dimension"])
        if dimension is None:
            raise KeyError(item_key)
        return dimension

    def scale(self, dimension: dict) -> list[dict]:
        return self.data["scales"][dimension["scale"]]

    def bounds(self, dimension: dict) -> tuple[int, int]:
        values = [point["value"] for point in self.scale(dimension)]
        return min(values), max(values)

    def allowed_values(self, item_key: str) -> set[int]:
        dimension = self.dimension_of(item_key)
        return {point["value"] for point in self.scale(dimension)}

    def label_for(self, item_key: str, value: int | None) -> str:
        if value is None:
            return self.not_applicable_label
        dimension = self.dimension_of(item_key)
        for point in self.scale(dimension):
            if point["value"] == value:
                return point["label"] or str(value)
        return str(value)

    def band(self, dimension_key: str, mean: Decimal | None) -> dict | None:
        dimension = self.dimension(dimension_key)
        if mean is None or dimension is None:
            return None
        for band in dimension["bands"]:
            if Decimal(band["min"]) <= mean <= Decimal(band["max"]):
                return band
        return None
