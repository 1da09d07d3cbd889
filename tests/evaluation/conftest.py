"""The page and API benchmarks are tested on the claims API's known world."""

from tests.claims.apis.conftest import _roles_have_their_permissions, many_claims  # noqa: F401 (fixtures)
