"""A curator records a relation from the claim page: a claim close in meaning judged by a person
(form POST, CSRF-checked). The relation is a curator's, so re-linking never overturns it, and
``export_training_pairs`` hands it to the relation model's training."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from claims.models import Claim, Relation
from claims.services.curation import relation_create
from common.exceptions import ApplicationError


class RelateForm(forms.Form):
    other = forms.IntegerField(min_value=1)
    type = forms.ChoiceField(choices=Relation.Type.choices)


@login_required
@permission_required("claims.change_relation", raise_exception=True)
@require_POST
def claim_relate_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Relate the claim to another as the form says, then show the claim page again."""
    claim = get_object_or_404(Claim, pk=pk)
    back = redirect(claim.get_absolute_url() + "#close-h")
    form = RelateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a claim and one of agree, conflict or the same claim.")
        return back
    other = Claim.objects.filter(pk=form.cleaned_data["other"]).first()
    if other is None:
        messages.error(request, f"There is no claim {form.cleaned_data['other']}.")
        return back
    try:
        relation = relation_create(claim_a=claim, claim_b=other, type=form.cleaned_data["type"], user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return back
    messages.success(request, f"Recorded: claim {other.pk} — {relation.get_type_display().lower()}.")
    return back
