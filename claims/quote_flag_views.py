"""The one write on the claim page: a curator dismisses a quote flag (form POST, CSRF-checked)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from claims.models import Claim, QuoteFlag
from claims.services.quote_drift import quote_flag_dismiss
from common.exceptions import ApplicationError


@login_required
@permission_required("claims.change_quoteflag", raise_exception=True)
@require_POST
def quote_flag_dismiss_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Dismiss the flag, then show the claim page it was dismissed from (one of the flag's claims)."""
    flag = get_object_or_404(QuoteFlag, pk=pk)
    shown = request.POST.get("claim", "")
    claim_id = int(shown) if shown.isdigit() and int(shown) in (flag.claim_a_id, flag.claim_b_id) else flag.claim_a_id
    try:
        quote_flag_dismiss(flag=flag, user=request.user)
    except ApplicationError:
        pass  # dismissed meanwhile by someone else: the page shows it so
    return redirect(get_object_or_404(Claim, pk=claim_id).get_absolute_url() + "#quote-flags-h")
