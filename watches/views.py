"""Pages of the watches app: watches, the alert inbox, webhook deliveries, and the Watch button.

Every view needs a signed-in user and shows or changes only that user's own rows; a row of
someone else answers 404, as if it did not exist. Writes are POSTs (CSRF-checked).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from common.exceptions import ApplicationError
from watches import selectors, services
from watches.forms import PreferenceForm, WatchForm, WebhookForm
from watches.models import AlertPreference

ALERTS_PER_PAGE = 50


def _back(request: HttpRequest, default: str = "watches:list") -> HttpResponse:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(default)


@login_required
@require_GET
def watch_list(request: HttpRequest) -> HttpResponse:
    """Template contract: ``watches``, ``preference_form``, ``webhooks``, ``webhook_form``."""
    preference = AlertPreference.objects.filter(user=request.user).first() or AlertPreference(user=request.user)
    ctx = {
        "watches": selectors.watches_for_user(user=request.user),
        "preference_form": PreferenceForm(instance=preference),
        "webhooks": selectors.webhooks_for_user(user=request.user),
        "webhook_form": WebhookForm(),
    }
    return render(request, "watches/watch_list.html", ctx)


@login_required
@require_POST
def watch_create(request: HttpRequest) -> HttpResponse:
    """The Watch button. An htmx post gets the button's "watching" state back; a plain post is redirected."""
    form = WatchForm(request.POST)
    watch, error = None, ""
    if form.is_valid():
        try:
            watch = services.watch_create(user=request.user, **form.service_arguments())
        except (ApplicationError, ValidationError) as exc:
            error = str(getattr(exc, "message", exc))
    else:
        error = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in form.errors.items())
    if request.htmx:
        return render(request, "watches/_watch_done.html", {"watch": watch, "error": error})
    if watch:
        messages.success(request, f"You are watching {watch}.")
    else:
        messages.error(request, f"Could not watch this: {error}")
    return _back(request)


@login_required
@require_POST
def watch_delete(request: HttpRequest, pk: int) -> HttpResponse:
    watch = get_object_or_404(selectors.watches_for_user(user=request.user), pk=pk)
    services.watch_delete(watch=watch)
    messages.success(request, f"You no longer watch {watch}.")
    return redirect("watches:list")


@login_required
@require_POST
def preference_set(request: HttpRequest) -> HttpResponse:
    form = PreferenceForm(request.POST)
    if form.is_valid():
        services.alert_preference_set(user=request.user, email=form.cleaned_data["email"])
        messages.success(request, "Your e-mail preference is saved.")
    return redirect("watches:list")


@login_required
@require_POST
def webhook_create(request: HttpRequest) -> HttpResponse:
    form = WebhookForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["url"])
        services.webhook_subscription_create(user=request.user, url=form.cleaned_data["url"])
        messages.success(request, "Webhook added. Its secret is below: use it to check each request's signature.")
    except ValidationError as exc:
        messages.error(request, f"Webhook refused: {' '.join(exc.messages)}")
    return redirect("watches:list")


@login_required
@require_POST
def webhook_delete(request: HttpRequest, pk: int) -> HttpResponse:
    subscription = get_object_or_404(selectors.webhooks_for_user(user=request.user), pk=pk)
    services.webhook_subscription_delete(subscription=subscription)
    messages.success(request, "Webhook removed.")
    return redirect("watches:list")


@login_required
@require_GET
def alert_list(request: HttpRequest) -> HttpResponse:
    """The inbox. Template contract: ``alerts`` (a page), ``unread_only``."""
    unread_only = request.GET.get("unread") == "1"
    alerts = selectors.alerts_for_user(user=request.user, unread=unread_only)
    ctx = {
        "alerts": Paginator(alerts, ALERTS_PER_PAGE).get_page(request.GET.get("page")),
        "unread_only": unread_only,
    }
    return render(request, "watches/alert_list.html", ctx)


@login_required
@require_POST
def alert_read(request: HttpRequest, pk: int) -> HttpResponse:
    alert = get_object_or_404(selectors.alerts_for_user(user=request.user), pk=pk)
    services.alert_mark_read(alert=alert)
    return _back(request, "watches:alerts")


@login_required
@require_POST
def alerts_read_all(request: HttpRequest) -> HttpResponse:
    count = services.alerts_mark_all_read(user=request.user)
    messages.success(request, f"{count} alert{'s' if count != 1 else ''} marked read.")
    return redirect("watches:alerts")


@login_required
@require_GET
def delivery_list(request: HttpRequest) -> HttpResponse:
    """The webhook delivery log. Template contract: ``deliveries`` (a page)."""
    deliveries = selectors.deliveries_for_user(user=request.user)
    ctx = {"deliveries": Paginator(deliveries, ALERTS_PER_PAGE).get_page(request.GET.get("page"))}
    return render(request, "watches/delivery_list.html", ctx)
