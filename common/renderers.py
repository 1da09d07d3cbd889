"""Export formats for API lists: CSV (``?format=csv``) and JSON-LD (``?format=jsonld``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer, JSONRenderer
from rest_framework.serializers import Serializer

# Spreadsheets run cells starting with these as formulas (OWASP "CSV injection").
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def flatten(row: Mapping, prefix: str = "") -> dict[str, object]:
    """``{"speaker": {"name": "X"}}`` → ``{"speaker.name": "X"}``; lists become "a; b"."""
    flat: dict[str, object] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, prefix=f"{name}."))
        elif isinstance(value, list):
            flat[name] = "; ".join(str(v) for v in value if not isinstance(v, (Mapping, list)))
        else:
            flat[name] = value
    return flat


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


class CSVRenderer(BaseRenderer):
    """One row per result; nested objects become dotted columns. Paginated: the Link header has the next page."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        rows = self._rows(data)
        out = io.StringIO()
        columns = csv_columns((renderer_context or {}).get("view"), rows)
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({key: _cell(value) for key, value in row.items()} for row in rows)
        return out.getvalue().encode(self.charset)

    def _rows(self, data) -> list[dict[str, object]]:
        if isinstance(data, Mapping) and isinstance(data.get("results"), list):
            data = data["results"]
        items: Iterable = data if isinstance(data, list) else [data]
        return [flatten(item) if isinstance(item, Mapping) else {"value": item} for item in items]


def csv_columns(view, rows: list[dict[str, object]]) -> list[str]:
    """The view's fixed columns (``csv_columns``), else its serializer's fields with nested ones
    dotted: the same header whatever the rows hold, also for an empty page."""
    if getattr(view, "csv_columns", None):
        return list(view.csv_columns)
    if view is not None and hasattr(view, "get_serializer"):
        return serializer_columns(view.get_serializer())
    return list(dict.fromkeys(key for row in rows for key in row))


def serializer_columns(serializer: Serializer, prefix: str = "") -> list[str]:
    columns = []
    for name, field in serializer.fields.items():
        if isinstance(field, Serializer):
            columns += serializer_columns(field, prefix=f"{prefix}{name}.")
        else:
            columns.append(f"{prefix}{name}")
    return columns


class JSONLDRenderer(JSONRenderer):
    """JSON-LD: the view hands over linked-data dicts already (see ``claims.serializers``)."""

    media_type = "application/ld+json"
    format = "jsonld"


# Lists answer JSON by default, the browsable page in a browser, CSV with ?format=csv.
LIST_RENDERERS = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]
