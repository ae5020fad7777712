"""Start from a screenshot: the upload, and the reading's progress for the page script.

The order page itself shows the reading (a refresh is enough without JavaScript); these
views only take the file in and answer the script's "is it read yet?".
"""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from claims import tasks
from claims.access import get_claim_or_404
from claims.evidence import pipeline
from claims.models import Evidence
from claims.retention import refresh_keep_until
from claims.screenshots import prefill, readings
from claims.screenshots.forms import ScreenshotForm
from claims.wizard.steps import RETURN_TO_REVIEW


def order_step_url(claim, returning: bool) -> str:
    url = reverse("claims:step", kwargs={"token": claim.token, "step": "order"})
    return f"{url}?return={RETURN_TO_REVIEW}#screenshot" if returning else f"{url}#screenshot"


@require_http_methods(["GET", "POST"])
def screenshot_upload(request, token):
    """Keep the screenshot as payment evidence, queue its reading, go back to the order step."""
    claim = get_claim_or_404(token)
    returning = request.GET.get("return") == RETURN_TO_REVIEW
    posted = request.method == "POST"
    form = ScreenshotForm(
        request.POST if posted else None, request.FILES if posted else None, claim=claim
    )
    if request.method == "POST" and form.is_valid():
        result = pipeline.accept_uploads(
            claim,
            [form.cleaned_data["screenshot"]],
            category=Evidence.Category.TRANSACTION,
            caption=_("Screenshot used to fill in the order"),
        )
        for _name, error in result.errors:
            form.add_error("screenshot", error)
        if result.saved:
            refresh_keep_until(claim)
            tasks.request_reading(result.saved[0])
            messages.success(
                request, _("The screenshot was added to your evidence (payment and order).")
            )
            return redirect(order_step_url(claim, returning))
        if result.duplicates:  # already in the evidence, and read then
            messages.info(request, result.duplicates[0])
            return redirect(order_step_url(claim, returning))
    context = {"claim": claim, "form": form, "returning": returning}
    status = 400 if form.errors else 200
    return render(request, "claims/ocr_upload.html", context, status=status)


@never_cache
@require_GET
def screenshot_status(request, token, pk):
    """{"status": "queued|running|done|failed", "slow": bool, "fields": {input name: value}}."""
    claim = get_claim_or_404(token)
    item = get_object_or_404(claim.evidence, pk=pk)
    state = readings.state_of(item)
    if state is None:
        return JsonResponse({"status": "none", "slow": False, "fields": {}})
    return JsonResponse(
        {
            "status": state.status,
            "slow": state.slow,
            "fields": prefill.script_values(state),
        }
    )
