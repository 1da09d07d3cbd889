"""Content negotiation for every API view: a strict ``?format=`` and no unknown query parameters.

Its own module: REST framework imports it while it starts (DEFAULT_CONTENT_NEGOTIATION_CLASS), so
it may import nothing that imports REST framework's views (``common.api`` does).
"""

from __future__ import annotations

from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.settings import api_settings


class StrictContentNegotiation(DefaultContentNegotiation):
    """``?format=`` must name one of the view's formats, and every query parameter must be one the
    view knows (its filters, ordering, pagination, ``format``): a typo such as ``speeker=24`` would
    otherwise return everything, silently unfiltered. Both answer 400 naming the parameter.
    """

    def select_renderer(self, request, renderers, format_suffix=None):
        format_param = self.settings.URL_FORMAT_OVERRIDE
        if format_param in request.query_params:
            formats = [renderer.format for renderer in renderers]
            if request.query_params[format_param] not in formats:
                given = request.query_params[format_param]
                problem = "must not be empty" if not given else f"{given!r} is not offered here"
                raise exceptions.ValidationError(
                    {format_param: [f"The format {problem}; use one of: {', '.join(formats)}."]}
                )
        view = request.parser_context.get("view") if request.parser_context else None
        # Anonymous requests get their 401 from the permission check first.
        if view is not None and request.user.is_authenticated:
            _check_query_parameters(request, view)
        return super().select_renderer(request, renderers, format_suffix)


def _check_query_parameters(request, view) -> None:
    known = known_query_parameters(view)
    if known is None:
        return
    allowed = ", ".join(sorted(known))
    errors = {
        name: [f"Unknown query parameter {name!r}; this endpoint takes: {allowed}."]
        for name in set(request.query_params) - known
    }
    # A serializer-checked parameter left empty would silently fall back to its default.
    filter_serializer = getattr(view, "FilterSerializer", None)
    for name in filter_serializer().fields if filter_serializer else ():
        if request.query_params.get(name) == "":
            errors[name] = ["Must not be empty; leave the parameter out for the default."]
    if errors:
        raise exceptions.ValidationError(errors)


def known_query_parameters(view) -> set[str] | None:
    """The query parameters ``view`` reads, or None for views that are not ours (schema, docs)."""
    if type(view).__module__.split(".")[0] in ("drf_spectacular", "rest_framework"):
        return None
    known = {api_settings.URL_FORMAT_OVERRIDE}
    paginator = getattr(view, "paginator", None)
    for name in (
        "cursor_query_param",
        "page_query_param",
        "page_size_query_param",
        "limit_query_param",
        "offset_query_param",
    ):
        if paginator is not None and getattr(paginator, name, None):
            known.add(getattr(paginator, name))
    for backend in getattr(view, "filter_backends", []):
        known.update(_backend_parameters(backend, view))
    filter_serializer = getattr(view, "FilterSerializer", None)
    if filter_serializer is not None:
        known.update(filter_serializer().fields)
    # A view that reads a parameter by hand names it here (and in its schema).
    known.update(getattr(view, "extra_query_parameters", ()))
    return known


def _backend_parameters(backend, view) -> set[str]:
    if hasattr(backend, "ordering_param"):
        return {backend.ordering_param} if getattr(view, "ordering_fields", None) else set()
    if hasattr(backend, "search_param"):
        return {backend.search_param} if getattr(view, "search_fields", None) else set()
    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is not None:
        return set(filterset_class.base_filters)
    fields = getattr(view, "filterset_fields", None) or {}
    if isinstance(fields, dict):
        return {
            name if lookup == "exact" else f"{name}__{lookup}" for name, lookups in fields.items() for lookup in lookups
        }
    return set(fields)
