"""Files posted on the evidence step: saved, filed under the need they were chosen for, and
queued for reading and print copies; refused files are listed on the same page."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import ngettext

from claims import once, tasks
from claims.evidence import checklist, pipeline
from claims.evidence.forms import upload_repeat_message
from claims.retention import refresh_keep_until


def handle_upload(wizard):
    """The evidence step's upload: a redirect when every file was taken, else the page with
    each refused file's message (status 400)."""
    upload_form = checklist.bound_upload_form(wizard)
    if upload_form.is_valid():
        landing = wizard.get_step_url("evidence")
        repeat, result = once.run(
            wizard.claim,
            upload_form.cleaned_data["once"],
            landing,
            lambda: pipeline.accept_uploads(
                wizard.claim,
                upload_form.cleaned_data["files"],
                category=upload_form.cleaned_data["category"],
                caption=upload_form.caption_text,
            ),
        )
        if repeat is not None:
            messages.info(wizard.request, upload_repeat_message(repeat))
            return redirect(repeat.landing or landing)
        if not result.saved and not result.duplicates:
            once.give_back(wizard.claim, upload_form.cleaned_data["once"])
        for text in result.duplicates:
            messages.info(wizard.request, text)
        for name, error in result.errors:
            upload_form.add_error("files", f"{name}: {error}")
        checklist.file_under(result.saved, upload_form.cleaned_data["need"])
        if result.saved:
            refresh_keep_until(wizard.claim)
        tasks.request_readings(result.saved)
        tasks.request_exhibit_images(result.saved)
        if result.saved:
            count = len(result.saved)
            messages.success(
                wizard.request,
                ngettext("%(count)d file added.", "%(count)d files added.", count)
                % {"count": count},
            )
        if not result.errors:
            return redirect(landing)
        upload_form.renew_token()
    # Each refused file keeps its own message on the page; the status says "refused".
    response = wizard.render(wizard.get_form(step="evidence"), upload_form=upload_form)
    response.status_code = 400
    return response
