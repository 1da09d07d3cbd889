"""API plumbing shared by every app: one exception handler so every error is JSON with a message."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from common.exceptions import ApplicationError


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, ApplicationError):
        return Response({"message": exc.message, "extra": exc.extra}, status=400)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc.detail, (list, dict)) if hasattr(exc, "detail") else False:
        response.data = {"message": "Invalid input.", "extra": {"fields": response.data}}
    else:
        response.data = {"message": str(getattr(exc, "detail", exc)), "extra": {}}
    return response
