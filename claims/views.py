"""The views around the wizard: start, resume, done, the plan, the link and claim deletion."""

import io

import segno
from django.conf import settings
from django.contrib import messages
from django.db import connection, transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from claims import once, ratelimit
from claims.access import completed_claim, get_claim_or_404
from claims.domain.calendar_ics import plan_to_ics
from claims.domain.eligibility import assess, offers_dossier
from claims.domain.rules.fraud import own_words_suggest_abuse
from claims.dossier import fonts, queue
from claims.dossier.cache import Copy
from claims.downloads import as_attachment
from claims.followup import plan_for, plan_with_drafts
from claims.forms import EventForm, StartForm
from claims.models import Claim
from claims.retention import refresh_keep_until
from claims.wizard import signature
from claims.wizard.facts import facts_for_claim
from claims.wizard.steps import RETURN_TO_REVIEW, STEP_FORMS
from claims.wizard.storage import save_answers

FIRST_STEP = STEP_FORMS[0][0]
IN_APP_BROWSERS = ("MicroMessenger", "QQ/")


@require_http_methods(["GET", "POST"])
@ratelimit.limit(ratelimit.CLAIMS)
def start(request):
    form = StartForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        claim = Claim.objects.create(
            consent_version=settings.PRIVACY_NOTICE_VERSION, consented_at=timezone.now()
        )
        return redirect("claims:step", token=claim.token, step=FIRST_STEP)
    return render(
        request,
        "claims/start.html",
        {
            "form": form,
            "retention_days": settings.CLAIM_RETENTION_DAYS,
            "completed_retention_days": settings.COMPLETED_CLAIM_RETENTION_DAYS,
            "privacy_contact": settings.PRIVACY_CONTACT,
        },
    )


@require_GET
def resume(request, token):
    """The link people keep: it lands where they left off (the wizard guards the rest). A claim
    changed since it was signed goes to what needs answers, then to a new declaration."""
    claim = get_claim_or_404(token)
    if signature.is_complete(claim):
        return redirect("claims:done", token=claim.token)
    if claim.was_signed:
        step = signature.where_to_continue(claim)
        if claim.signed_digest and step != signature.SIGNING_STEP:  # the declaration says it
            messages.warning(
                request,
                _(
                    "Your claim changed after you signed it, so the dossier, drafts and plan "
                    "wait for a new signature. Check what is asked, then sign again."
                ),
            )
        return redirect("claims:step", token=claim.token, step=step)
    return redirect("claims:step", token=claim.token, step=claim.current_step or FIRST_STEP)


@require_http_methods(["GET", "POST"])
@completed_claim
def done(request, claim):
    """Download the dossier, follow the plan, and record what happened since."""
    facts = facts_for_claim(claim)
    assessment = assess(facts) if facts else None
    if assessment is None or assessment.blocks_documents:
        # An open question or a stop (R17) since signing: the wizard shows which.
        return redirect("claims:step", token=claim.token, step=RETURN_TO_REVIEW)
    form = EventForm(
        request.POST if request.method == "POST" else None,
        prefix="event",
        earliest=facts.purchased_at.date(),
        claim_offered=offers_dossier(assessment),
    )
    if request.method == "POST" and form.is_valid():
        return _record_event(request, claim, form)
    user_agent = request.headers.get("User-Agent", "")
    fonts_ready = fonts.cjk_font_available()
    # The default reader's copy in the page's language (queued if not on the way).
    prepared = (
        queue.status(claim, Copy(english=(get_language() or "").startswith("en")))
        if fonts_ready and offers_dossier(assessment)
        else None
    )
    response = render(
        request,
        "claims/done.html",
        {
            "claim": claim,
            "assessment": assessment,
            "plan": plan_with_drafts(claim),
            "events": claim.events.all(),
            "event_form": form,
            "in_app_browser": any(marker in user_agent for marker in IN_APP_BROWSERS),
            "dossier_ready": fonts_ready,
            "prepared": prepared,
            "refresh_s": queue.refresh_seconds(prepared) if prepared else None,
        },
    )
    if prepared is not None:
        queue.keep_reloading(request, response, prepared)
    return response


def _record_event(request, claim, form):
    """Record the event once: the same form posted again lands where the first post did."""
    note = form.cleaned_data["note"]
    asks = own_words_suggest_abuse(note)
    landing = _gate_url(claim) if asks else f"{reverse('claims:done', args=[claim.token])}#plan"
    before = plan_for(claim)
    # One transaction: the token is used if and only if the event is saved.
    with transaction.atomic():
        repeat, _event = once.run(
            claim,
            form.cleaned_data["once"],
            landing,
            lambda: claim.events.create(
                kind=form.cleaned_data["kind"],
                happened_on=form.cleaned_data["happened_on"],
                note=note,
            ),
        )
    if repeat is not None:
        messages.info(request, _("This was already saved."))
        return redirect(repeat.landing or landing)
    refresh_keep_until(claim)
    if asks:
        return _ask_about_note(request, claim, note)
    if plan_for(claim) == before:
        messages.success(request, _("Saved. Your plan stays as it was."))
    else:
        messages.success(request, _("Saved. Your plan below has changed: see the next step."))
    return redirect(landing)


def _gate_url(claim) -> str:
    """Where _ask_about_note sends the user (a repeated post must land there too)."""
    url = reverse("claims:step", kwargs={"token": claim.token, "step": "gate"})
    return f"{url}?return={RETURN_TO_REVIEW}"


def _ask_about_note(request, claim, note: str):
    """R17 in an event note: the event is kept, the note joins the question's words, and the
    claim waits for the answer (and a new signature) before its plan goes on."""
    # The note changes what is signed: the claim is no longer complete until signed again.
    # Read and written under the row's lock, as every wizard save is: a step posted from
    # another tab at the same moment keeps its answers, and so does this note.
    with transaction.atomic():
        stored = Claim.objects.select_for_update().get(pk=claim.pk).answers
        gate = dict(stored.get("gate", {}))
        gate["event_notes"] = [*gate.get("event_notes", []), note]
        save_answers(claim, {"gate": gate}, "gate")
    messages.warning(
        request, _("Saved. Before your plan goes on, answer one question about what you wrote.")
    )
    url = reverse("claims:step", kwargs={"token": claim.token, "step": "gate"})
    return redirect(f"{url}?return={RETURN_TO_REVIEW}")


@require_GET
@completed_claim
def plan_calendar(request, claim):
    """The escalation plan as an .ics file: reminders on the days to act."""
    facts = facts_for_claim(claim)
    if facts is None or assess(facts).blocks_documents:
        raise Http404
    body = plan_to_ics(plan_for(claim), reference=claim.reference, now=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    return as_attachment(response, f"{claim.reference}.ics")


@require_POST
def new_link(request, token):
    claim = get_claim_or_404(token)
    claim.replace_token()
    refresh_keep_until(claim)
    messages.success(
        request, _("Your claim has a new link. The old link no longer works: save this one.")
    )
    return redirect("claims:resume", token=claim.token)


@require_http_methods(["GET", "POST"])
def delete_claim(request, token):
    claim = get_claim_or_404(token)
    if request.method == "POST":
        claim.delete_with_files()
        messages.success(request, _("Your claim and all its files were deleted."))
        return redirect("claims:start")
    return render(request, "claims/delete.html", {"claim": claim})


@require_GET
def resume_qr(request, token):
    claim = get_claim_or_404(token)
    url = request.build_absolute_uri(reverse("claims:resume", args=[claim.token]))
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=5, border=2, xmldecl=False)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


@require_GET
def healthz(request):
    checks = {
        "database": _database_ok(),
        "cjk_font": fonts.cjk_font_available(),
        "harfbuzz_subset": fonts.harfbuzz_subset_available(),
    }
    body = {"status": "ok" if all(checks.values()) else "unavailable", "checks": checks}
    return JsonResponse(
        body, status=200 if all(checks.values()) else 503, json_dumps_params={"ensure_ascii": False}
    )


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any database failure means "not healthy"
        return False
