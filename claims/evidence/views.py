"""The views around one evidence file: serve, caption, rotate, cover, replace, remove.

Uploads themselves go through the wizard's evidence step (ClaimWizard.handle_upload in
claims/wizard/views.py).
Every view finds the file through the claim its token opens, so no token, no file.
"""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from claims import tasks
from claims.access import get_claim_or_404
from claims.downloads import as_attachment
from claims.evidence import pipeline, redaction
from claims.evidence.forms import (
    CaptionForm,
    PaymentConsentForm,
    RedactionForm,
    ReplaceForm,
    RotateForm,
)
from claims.models import Evidence
from claims.retention import refresh_keep_until


def _item(token, pk, *, image_only=False):
    claim = get_claim_or_404(token)
    item = get_object_or_404(claim.evidence, pk=pk)
    if image_only and not item.is_image:
        raise Http404
    return claim, item


def _back_to(claim, item=None):
    url = reverse("claims:step", args=[claim.token, "evidence"])
    return redirect(f"{url}#item-{item.pk}" if item else url)


@require_GET
def evidence_file(request, token, pk, variant):
    """Derived copies show inline; the original is only ever a download."""
    _claim, item = _item(token, pk)
    if variant == "original":
        response = FileResponse(item.original.open("rb"), content_type=item.content_type)
        return as_attachment(
            response,
            item.original_name,
            fallback=f"evidence-{item.pk}",
            extensions=item.file_extensions,
        )
    field = {
        "print": item.print_image,
        "thumb": item.thumbnail,
        "small": item.small_thumbnail,
    }.get(variant)
    if field is None or not field.name:
        raise Http404
    return FileResponse(field.open("rb"), content_type="image/jpeg")


@require_POST
def evidence_delete(request, token, pk):
    claim, item = _item(token, pk)
    item.delete_with_files()
    refresh_keep_until(claim)
    messages.success(request, _("The file was removed."))
    return _back_to(claim)


@require_POST
def evidence_caption(request, token, pk):
    claim, item = _item(token, pk)
    form = CaptionForm(request.POST)
    if form.is_valid():
        filed_as = item.category
        if not item.change_category(form.cleaned_data["category"] or item.category):
            messages.error(
                request,
                _(
                    "To file this as a payment record, remove it and upload it again under "
                    "'Payment and order', with the confirmation."
                ),
            )
        if item.category != filed_as:
            item.need = ""  # refiled by hand: the checklist matches it by its new category
        item.caption = form.cleaned_data["caption"]
        item.save(update_fields=["caption", "category", "need"])
        messages.success(request, _("Caption saved."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return _back_to(claim, item)


@require_POST
def evidence_payment_consent(request, token, pk):
    """The consent for a payment record found under another category: the file is filed as
    one and read again (readings found under no consent keep nothing)."""
    claim, item = _item(token, pk)
    form = PaymentConsentForm(request.POST)
    if not form.is_valid():
        for error in form.errors["payment_consent"]:
            messages.error(request, error)
        return _back_to(claim, item)
    item.change_category(Evidence.Category.TRANSACTION, payment_consent=True)
    item.save(update_fields=["category"])
    tasks.request_reading(item)
    messages.success(request, _("Thank you. The file is now filed as a payment record."))
    return _back_to(claim, item)


@require_POST
def evidence_rotate(request, token, pk):
    claim, item = _item(token, pk, image_only=True)
    form = RotateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose which way to turn the picture."))
        return _back_to(claim, item)
    try:
        pipeline.rotate(item, form.quarter_turns())
    except pipeline.EvidenceRejected as exc:
        messages.error(request, str(exc))
    return _back_to(claim, item)


@require_http_methods(["GET", "POST"])
def evidence_replace(request, token, pk):
    claim, item = _item(token, pk)
    posted = request.method == "POST"
    form = ReplaceForm(request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and form.is_valid():
        try:
            pipeline.replace_file(item, form.cleaned_data["file"])
        except pipeline.EvidenceRejected as exc:
            form.add_error("file", str(exc))
        else:
            refresh_keep_until(claim)
            tasks.request_readings([item])
            tasks.request_exhibit_images([item])
            messages.success(request, _("The file was replaced."))
            return _back_to(claim, item)
    status = 400 if form.errors else 200
    context = {"claim": claim, "item": item, "form": form}
    return render(request, "claims/evidence_replace.html", context, status=status)


@require_http_methods(["GET", "POST"])
def evidence_cover(request, token, pk):
    """Opaque boxes over personal data on the derived copies; the original stays as it was."""
    claim, item = _item(token, pk, image_only=True)
    current = redaction.from_stored(item.redactions)
    form = RedactionForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        try:
            pipeline.set_redactions(item, form.cleaned_data["box_list"])
        except pipeline.EvidenceRejected as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Saved. The covered areas are black in the dossier."))
            if "add_more" in request.POST:
                return redirect("claims:evidence_cover", token=claim.token, pk=item.pk)
            return _back_to(claim, item)
    context = {
        "claim": claim,
        "item": item,
        "form": form,
        "boxes": list(enumerate(current, start=1)),
    }
    return render(
        request, "claims/evidence_cover.html", context, status=400 if form.errors else 200
    )
