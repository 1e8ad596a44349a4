"""The public's email alert pages: follow (an area, the national plan, one action), confirm,
unsubscribe (one click, RFC 8058) and delete one's address. No page shows an address."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from concordat.accounts.security import client_ip, rate_limit_exceeded
from concordat.core.models import Action, Area
from concordat.core.selectors.updates import current_ref

from . import services
from .forms import FollowForm
from .models import Subscription


def _published_action(area, ref):
    action = (
        Action.objects.published()
        .filter(version__plan__area=area, ref=ref)
        .newest_version_first()
        .first()
    )
    if action is None:
        raise Http404("No such action in the published plan.")
    return action


@require_http_methods(["GET", "POST"])
def follow(request, slug, ref=None):
    area = get_object_or_404(Area, slug=slug)
    action = _published_action(area, ref) if ref is not None else None
    form = FollowForm(request.POST or None)
    subject = Subscription(area=area, identity_id=action.identity_id if action else None)
    subject.action_ref = action.ref if action else ""
    what = services.describe(subject)
    if request.method == "POST":
        if rate_limit_exceeded("alerts", client_ip(request), rate=settings.CONCORDAT_ALERTS_RATE):
            form.add_error(None, "Too many requests from your connection. Try again later.")
        elif form.is_valid():
            services.subscription_request(
                email=form.cleaned_data["email"],
                area=area,
                identity=action.identity if action else None,
                frequency=form.cleaned_data["frequency"],
                action_ref=action.ref if action else "",
            )
            return render(
                request,
                "alerts/check_email.html",
                {"what": what, "days": settings.CONCORDAT_ALERTS_UNCONFIRMED_DAYS},
            )
    return render(
        request,
        "alerts/follow.html",
        {"form": form, "area": area, "action": action, "what": what},
        status=429 if form.non_field_errors() else 400 if form.errors else 200,
    )


def _subscriptions():
    """Subscriptions with their area and `action_ref`, the ref of the action followed."""
    return Subscription.objects.select_related("area").annotate(action_ref=current_ref())


def _subscription_or_404(token):
    subscription = _subscriptions().filter(token=token).first()
    if subscription is None:
        raise Http404("This link is not valid any more.")
    return subscription


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """A button, not the link itself, confirms: mail scanners that open links confirm nothing."""
    subscription = _subscription_or_404(token)
    if request.method == "POST":
        services.subscription_confirm(token=token)
        messages.success(request, "Your email alerts are confirmed.")
        return redirect("alerts:manage", token=token)
    return render(
        request,
        "alerts/confirm.html",
        {"subscription": subscription, "what": services.describe(subscription)},
    )


@csrf_exempt  # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" without a form
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if request.method == "POST":
        services.subscription_cancel(token=token)
        return render(request, "alerts/unsubscribed.html")
    subscription = _subscription_or_404(token)
    return render(
        request,
        "alerts/unsubscribe.html",
        {"subscription": subscription, "what": services.describe(subscription)},
    )


@require_http_methods(["GET", "POST"])
def manage(request, token):
    subscription = _subscription_or_404(token)
    if request.method == "POST":
        services.address_delete(token=token)
        return render(request, "alerts/deleted.html")
    others = _subscriptions().filter(email=subscription.email)
    return render(
        request,
        "alerts/manage.html",
        {
            "subscription": subscription,
            "following": [(s, services.describe(s)) for s in others.order_by("pk")],
        },
    )
