"""API plumbing shared by every app: errors as JSON, strict ordering, cursor pages, schema extras."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views import defaults
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, filters, pagination, serializers
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import exception_handler as drf_exception_handler

from common.exceptions import ApplicationError, PayloadTooLarge

MAX_PAGE_SIZE = 500


def exception_handler(exc, context):
    """Every error is ``{"message": str, "extra": {...}}``; field errors go under ``extra.fields``."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or None)
    if isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge(str(exc) or None)
    if isinstance(exc, TooManyFieldsSent):
        exc = exceptions.ParseError(str(exc))
    if isinstance(exc, ApplicationError):
        return Response({"message": exc.message, "extra": exc.extra}, status=400)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    _answer_errors_in_json(context.get("request"))
    if isinstance(getattr(exc, "detail", None), (list, dict)):
        response.data = {"message": "Invalid input.", "extra": {"fields": response.data}}
    else:
        response.data = {"message": str(getattr(exc, "detail", exc)), "extra": {}}
    return response


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 404 for URLs no route matches: JSON under /api/, Django's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"message": f"There is no API endpoint at {request.path}.", "extra": {}}, status=404)
    return defaults.page_not_found(request, exception)


def _answer_errors_in_json(request) -> None:
    """An error asked for as CSV or JSON-LD still comes as JSON (a browser keeps its HTML page)."""
    renderer = getattr(request, "accepted_renderer", None)
    if renderer is not None and renderer.media_type not in ("application/json", "text/html"):
        request.accepted_renderer, request.accepted_media_type = JSONRenderer(), JSONRenderer.media_type


class StrictOrderingFilter(filters.OrderingFilter):
    """``?ordering=field`` or ``-field``: an unknown field is a 400, not silently ignored.

    One field only, with ``id`` added as a tie-breaker in the same direction: cursor pagination
    positions on the first field and needs a stable order among equal values.
    """

    def get_ordering(self, request, queryset, view):
        param = request.query_params.get(self.ordering_param, "").strip()
        if not param:
            return self.get_default_ordering(view)
        valid = [item[0] for item in self.get_valid_fields(queryset, view, {"request": request})]
        if param.lstrip("-") not in valid:
            choices = ", ".join(valid + [f"-{name}" for name in valid])
            raise exceptions.ValidationError({self.ordering_param: [f"Unknown ordering {param!r}; use one of: {choices}."]})
        if param.lstrip("-") == "id":
            return (param,)
        return (param, "-id" if param.startswith("-") else "id")


class StrictPageSizeMixin:
    """``?page_size=`` is a whole number from 1 to ``MAX_PAGE_SIZE``; anything else is a 400.

    REST framework would cap a larger size silently (and ignore a bad one): a client asking for
    1,000 rows would take 500 for the whole list. Every paginated endpoint answers the same way.
    """

    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is not None and not (raw.isdigit() and 1 <= int(raw) <= MAX_PAGE_SIZE):
            raise exceptions.ValidationError({"page_size": [f"Must be a whole number from 1 to {MAX_PAGE_SIZE}."]})
        return super().get_page_size(request)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {**parameter["schema"], "minimum": 1, "maximum": MAX_PAGE_SIZE}
        return parameters


class CursorPagination(StrictPageSizeMixin, pagination.CursorPagination):
    """Cursor pages (no COUNT, constant cost at any depth); ``?page_size=`` up to 500."""

    ordering = ("-id",)

    def paginate_queryset(self, queryset, request, view=None):
        """Find the page on narrow rows (keys and sort values only), then load those rows in full.

        PostgreSQL then sorts a few bytes per matching row instead of whole rows with their joins:
        a search that matches a third of 100,000 claims stays in memory. One query more, always.
        """
        full = queryset
        ordering = [name.lstrip("-") for name in self.get_ordering(request, queryset, view)]
        # Plain dicts of the sort keys (REST framework's cursor reads dicts too): no model instances,
        # and annotations the order does not use (a speaker's claim count) are not computed twice.
        narrow = queryset.select_related(None).prefetch_related(None).values(*dict.fromkeys(["id", *ordering]))
        page = super().paginate_queryset(narrow, request, view)
        if page is None:
            return None
        rows = full.in_bulk([row["id"] for row in page])
        self.page = [rows[row["id"]] for row in page if row["id"] in rows]
        return self.page

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except exceptions.NotFound as error:  # a malformed cursor is a bad request, not a missing page
            raise exceptions.ValidationError({self.cursor_query_param: [str(error.detail)]}) from error

    def get_ordering(self, request, queryset, view):
        if not any(hasattr(backend, "get_ordering") for backend in getattr(view, "filter_backends", [])):
            return tuple(getattr(view, "ordering", None) or self.ordering)  # fixed order, no ?ordering=
        return super().get_ordering(request, queryset, view)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        # CSV and JSON-LD bodies carry no "next" field: the Link header does it for every format.
        links = [f'<{url}>; rel="{rel}"' for rel, url in (("next", self.get_next_link()), ("prev", self.get_previous_link())) if url]
        if links:
            response["Link"] = ", ".join(links)
        return response

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }


class TokenObtainThrottle(AnonRateThrottle):
    scope = "token"
    rate = "30/minute"  # per client address: slows password guessing


class BoundedAuthTokenSerializer(AuthTokenSerializer):
    """The sign-in form's bound on the user name, which REST framework's serializer lacks: a longer
    name is a 400 here, before django-axes tries to record the failed attempt in its own column."""

    username = serializers.CharField(
        label="Username", write_only=True, max_length=get_user_model()._meta.get_field("username").max_length
    )


class TokenObtainApi(ObtainAuthToken):
    """POST username and password, get the user's API token (the same one ``drf_create_token`` prints)."""

    serializer_class = BoundedAuthTokenSerializer
    throttle_classes = [TokenObtainThrottle]

    def post(self, request, *args, **kwargs):
        # A wrong password is answered, not raised: REST framework rolls the request's transaction
        # back on a raised error, and with it the failed attempt django-axes has just recorded.
        serializer = self.get_serializer(data=request.data)
        if serializer.is_valid():
            token, _ = Token.objects.get_or_create(user=serializer.validated_data["user"])
            return Response({"token": token.key})
        if getattr(request, "axes_locked_out", False):  # django-axes refused it: as the sign-in pages do
            return Response(
                {"message": "Too many sign-in attempts from this address; try again later.", "extra": {}}, status=429
            )
        return Response({"message": "Invalid input.", "extra": {"fields": serializer.errors}}, status=400)


_PK_MARK = "987654321"


@extend_schema_field(OpenApiTypes.URI)
class DetailUrlField(serializers.Field):
    """The absolute URL of a row's detail endpoint, like ``HyperlinkedIdentityField``.

    ``reverse()`` runs once per response and view name, not once per row: on a page of claims
    with their articles that is a hundred URL resolutions saved.
    """

    def __init__(self, view_name: str, **kwargs) -> None:
        self.view_name = view_name
        super().__init__(source="pk", read_only=True, **kwargs)

    def to_representation(self, pk: int) -> str:
        templates = self.context.setdefault("_detail_urls", {})
        if self.view_name not in templates:
            path = reverse(self.view_name, args=[_PK_MARK])
            request = self.context.get("request")
            templates[self.view_name] = (request.build_absolute_uri(path) if request else path).split(_PK_MARK, 1)
        prefix, suffix = templates[self.view_name]
        return f"{prefix}{pk}{suffix}"
