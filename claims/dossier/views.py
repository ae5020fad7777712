"""The dossier's downloads (the claim's owner) and the public verify page (anyone)."""

from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from claims import tasks
from claims.access import completed_claim
from claims.domain.eligibility import assess, offers_dossier
from claims.dossier import fonts, queue
from claims.dossier.cache import Copy
from claims.dossier.forms import VerifyForm
from claims.dossier.render import DossierUnavailable, render_english_statement
from claims.dossier.statement import DEFAULT_RECIPIENT, chosen_recipient, offered_recipients
from claims.dossier.stored import dossier_cache_storage
from claims.dossier.verify import check, sha256_of
from claims.downloads import as_attachment
from claims.wizard.facts import facts_for_claim


@require_GET
@completed_claim
def dossier_pdf(request, claim):
    """The dossier to send: print copies only. Rendered once per change of the claim."""
    return _dossier_download(request, claim, archive=False)


@require_GET
@completed_claim
def dossier_archive(request, claim):
    """The user's own copy: the same pages with the original files embedded."""
    return _dossier_download(request, claim, archive=True)


@require_GET
@completed_claim
def dossier_english(request, claim):
    """The user's English reading of the statement to one reader: theirs, never sent."""
    facts = facts_for_claim(claim)
    assessment = assess(facts) if facts is not None else None
    if assessment is None or not offers_dossier(assessment):
        return render(request, "claims/dossier_not_offered.html", {"claim": claim}, status=404)
    recipient = _reader(request, facts, assessment)
    try:
        pdf = render_english_statement(claim, recipient=recipient)
    except DossierUnavailable:
        return render(request, "claims/dossier_unavailable.html", {"claim": claim}, status=503)
    suffix = "" if recipient == DEFAULT_RECIPIENT else f"-{recipient}"
    response = HttpResponse(pdf, content_type="application/pdf")
    return as_attachment(response, f"{claim.reference}{suffix}-english-reading.pdf")


def _reader(request, facts, assessment) -> str:
    """?for=alipay: only a reader the assessment offers; another is not guessed at but refused."""
    recipient = chosen_recipient(request.GET.get("for"), offered_recipients(facts, assessment))
    if recipient is None:
        raise Http404("This dossier is not addressed to that reader.")
    return recipient


@never_cache
@require_GET
@completed_claim
def dossier_status(request, claim):
    """Where a copy stands, for scripts and the load bench: the same answer the done page
    shows (?for=reader, ?copy=archive); asking queues a copy that is not on the way."""
    copy, refused = _wanted_copy(request, claim, archive=request.GET.get("copy") == "archive")
    if refused is not None:
        return refused
    return JsonResponse(queue.status(claim, copy).as_json())


def _wanted_copy(request, claim, *, archive: bool):
    """(the Copy the request asks for, None), or (None, the response that refuses it)."""
    facts = facts_for_claim(claim)
    assessment = assess(facts) if facts is not None else None
    if assessment is not None and not offers_dossier(assessment):
        # R6/R17: no claim, so no claim file to send to anyone.
        page = render(request, "claims/dossier_not_offered.html", {"claim": claim}, status=404)
        return None, page
    recipient = _reader(request, facts, assessment)
    if not fonts.cjk_font_available():
        page = render(request, "claims/dossier_unavailable.html", {"claim": claim}, status=503)
        return None, page
    english = (translation.get_language() or "").startswith("en")
    return Copy(recipient, archive, english), None


def _dossier_download(request, claim, *, archive: bool):
    """The stored file when ready; else a page that says so and reloads itself (202), or
    that the render failed (503). Never rendered here: the task worker does it."""
    copy, refused = _wanted_copy(request, claim, archive=archive)
    if refused is not None:
        return refused
    # Pictures of PDFs and videos uploaded before they were made, or whose task was lost: the
    # dossier says they are on the way, and the next render prints them.
    tasks.request_missing_exhibit_images(claim.evidence.all())
    for _attempt in range(2):
        state = queue.status(claim, copy)
        if not state.ready:
            return _preparing(request, claim, state)
        try:
            stored = dossier_cache_storage().open(state.name, "rb")
        except FileNotFoundError:  # replaced by a newer generation since it was found
            continue
        return _attachment(claim, copy, stored)
    return _preparing(request, claim, queue.Status("waiting", estimate_s=1))


def _attachment(claim, copy: Copy, stored):
    suffix = "" if copy.recipient == DEFAULT_RECIPIENT else f"-{copy.recipient}"
    if copy.archive:  # up to DOSSIER_ARCHIVE_MAX_BYTES: streamed from storage
        response = FileResponse(stored, content_type="application/pdf")
        return as_attachment(response, f"{claim.reference}{suffix}-archive.pdf")
    with stored:
        response = HttpResponse(stored.read(), content_type="application/pdf")
    return as_attachment(response, f"{claim.reference}{suffix}.pdf")


def _preparing(request, claim, state):
    failed = state.state == "failed"
    response = render(
        request,
        "claims/dossier_preparing.html",
        {
            "claim": claim,
            "dossier": state,
            "refresh_s": queue.refresh_seconds(state),
            "done_url": reverse("claims:done", args=[claim.token]),
        },
        status=503 if failed else 202,
    )
    queue.keep_reloading(request, response, state)
    add_never_cache_headers(response)
    if failed:
        response["Retry-After"] = str(int(queue.RETRY_AFTER.total_seconds()))
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    posted = request.method == "POST"
    form = VerifyForm(request.POST if posted else None, request.FILES if posted else None)
    verdict = None
    if posted and form.is_valid():
        verdict = check(form.cleaned_data["fingerprint"], sha256_of(form.cleaned_data["file"]))
    return render(
        request,
        "claims/verify.html",
        {
            "form": form,
            "verdict": verdict,
            "fingerprint": form.cleaned_data.get("fingerprint") if verdict else None,
        },
        status=400 if posted and verdict is None else 200,
    )
