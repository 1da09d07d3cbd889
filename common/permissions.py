"""Who may do what through the API: reading needs a signed-in user, writing a role's permission."""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission


class HasRequiredPermissions(BasePermission):
    """Unsafe methods need every Django permission in ``view.required_permissions``.

    The curator group holds ``claims.change_*`` and ``articles.add_article``; analysts hold
    only ``view_*``, so they can read everything and change nothing.
    """

    message = "You do not have permission to do this."

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            return True
        required = tuple(getattr(view, "required_permissions", ()))
        if not required:
            return False  # a write endpoint that forgot to declare its permission stays closed
        if user.has_perms(required):
            return True
        self.message = f"This needs the permission {', '.join(required)} (the curator role)."
        return False
