"""The OpenAPI schema: drf-spectacular's, plus the JSON error answers every operation can give.

Kept apart from ``common.api``: REST framework imports that module while it starts, and
drf-spectacular imports REST framework's views, so one module cannot hold both.
"""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    """The body of every 4xx answer (documented in the schema for every operation)."""

    message = serializers.CharField()
    extra = serializers.DictField()


ERROR_STATUSES = ("400", "401", "403", "404", "413", "415", "429")
# Bodies that are not JSON objects of the serializer's shape.
NON_JSON_SCHEMAS = {"text/csv": {"type": "string"}, "application/ld+json": {"type": "object", "additionalProperties": True}}


# common.negotiation.StrictContentNegotiation, said once on every operation that reads query parameters.
QUERY_PARAMETER_NOTE = (
    "An unknown query parameter, an empty one, or an empty or unknown `format` is answered 400, "
    "naming the parameter."
)


class AutoSchema(SpectacularAutoSchema):
    """drf-spectacular's schema plus the JSON error answers every operation can give."""

    def get_description(self):
        description = super().get_description()
        if self.method != "GET":
            return description
        return f"{description}\n\n{QUERY_PARAMETER_NOTE}" if description else QUERY_PARAMETER_NOTE

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for response in responses.values():
            for media_type, body in response.get("content", {}).items():
                if media_type in NON_JSON_SCHEMAS:
                    body["schema"] = NON_JSON_SCHEMAS[media_type]
        for code in ERROR_STATUSES:
            if code not in responses:
                responses[code] = self._get_response_for_code(ErrorSerializer, code, ["application/json"], direction)
        return responses
