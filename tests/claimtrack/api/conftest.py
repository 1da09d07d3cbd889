"""The API as a whole is tested on the claims API's known world."""

from tests.claims.apis.conftest import _roles_have_their_permissions, many_claims, world  # noqa: F401 (fixtures)
