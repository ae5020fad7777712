"""The claim wizard: formtools for navigation, the Claim row for storage.

Declared, not programmed: the step list and its forms live in wizard.steps.STEP_FORMS; this
class adds the few rules formtools lacks: a token in every URL, guards against skipping
ahead, Back that keeps what was typed, and a return to the review page after a change.
"""

from functools import cached_property, partial

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from formtools.wizard.views import NamedUrlWizardView

from claims.access import get_claim_or_404
from claims.domain.eligibility import assess
from claims.dossier import preview
from claims.evidence import checklist, step_upload
from claims.followup import events_of
from claims.screenshots import prefill, readings
from claims.wizard import drafts as message_drafts
from claims.wizard import parts, progress, review, signature
from claims.wizard.facts import facts_for_claim, facts_from, forms_of
from claims.wizard.part_pages import StepPartsMixin
from claims.wizard.steps import (
    RETURN_TO_REVIEW,
    SIGNING_STEP,
    STEP_CONDITIONS,
    STEP_FORMS,
    STEP_LABELS,
    STEP_PARTS,
    form_kwargs,
    raw_answer,
)


def _when(predicate):
    """A condition_dict entry from one of wizard.steps' predicates over the raw step data."""
    return lambda wizard: predicate(wizard.raw_step_data())


# Pages whose form has no id="step-form" (their templates are drawn elsewhere): their Back
# stays a button under the form; every other page has GOV.UK's back link at the top.
BACK_UNDER_FORM = ("messages", "review", "declaration")
NEEDS_ASSESSMENT = ("assessment", "evidence", "messages", "review", "declaration")
# What a step's template needs beyond its form, built by the package that owns the data.
STEP_CONTEXT = {
    **dict.fromkeys(prefill.STEPS, prefill.step_context),
    "evidence": checklist.step_context,
    "review": review.step_context,
    "messages": message_drafts.step_context,
    SIGNING_STEP: preview.step_context,
}
# Steps whose context comes from more than one package.
MORE_STEP_CONTEXT = {"review": checklist.missing_evidence}
# Pages that read the claim's files more than once (exhibit numbers, list, checklist).
READ_FILES_ONCE = ("review",)


class ClaimWizard(StepPartsMixin, NamedUrlWizardView):
    form_list = STEP_FORMS
    storage_name = "claims.wizard.storage.ClaimStorage"
    condition_dict = {step: _when(predicate) for step, predicate in STEP_CONDITIONS.items()}

    def dispatch(self, request, *args, token, **kwargs):
        self.claim = get_claim_or_404(token)
        request.claim = self.claim
        return super().dispatch(request, *args, **kwargs)

    def get_prefix(self, request, *args, **kwargs):
        return f"claim_{self.claim.pk}"

    def get_template_names(self):
        return [f"claims/steps/{self.steps.current}.html", "claims/steps/form.html"]

    def get_step_url(self, step):
        url = reverse("claims:step", kwargs={"token": self.claim.token, "step": step})
        if self.returning_to_review() and step not in (RETURN_TO_REVIEW, self.done_step_name):
            url += f"?return={RETURN_TO_REVIEW}"
        return url

    # -- facts and the pure functions -------------------------------------------------

    def raw_step_data(self) -> dict:
        """Every step's saved answers as typed (conditions read these, never cleaned data)."""
        return {step: self.storage.get_step_data(step) for step in self.form_list}

    def derived(self, name, compute):
        """`compute()` once per state of the answers. One page asks for the facts, the drafts
        and the validity of every earlier step many times (conditions, guards, sections,
        context); each stays the same until an answer changes (storage.revision). While only
        the declaration changed, only what reads it is computed again: the declaration's own
        post signs after checking every other step, as the guard just did."""
        reads_declaration = isinstance(name, tuple) and SIGNING_STEP in name
        loaded = self.as_loaded() and not reads_declaration
        key = (name, "loaded" if loaded else self.storage.revision)
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]

    @cached_property
    def _derived(self) -> dict:
        return {}

    def as_loaded(self) -> bool:
        """No answer but the declaration's changed yet in this request (nothing derived reads
        the declaration): the wizard's answers are the claim's, so what the claim's other
        readers (signature, plan) keep for them is shared."""
        return not self.storage.changed - {SIGNING_STEP}

    def facts(self):
        return self.derived(
            "facts",
            lambda: (
                facts_for_claim(self.claim)
                if self.as_loaded()
                else facts_from(self.raw_step_data(), bind=self.stored_form)
            ),
        )

    def assessment(self):
        facts = self.facts()
        return self.derived("assessment", lambda: assess(facts) if facts else None)

    def drafts(self):
        return self.derived(
            "drafts",
            lambda: (
                message_drafts.drafts_for_claim(self.claim, self.events())
                if self.as_loaded()
                else message_drafts.drafts_from_answers(
                    self.raw_step_data(), self.events(), bind=self.stored_form
                )
            ),
        )

    def events(self):
        """The claim's events, read once a request: the drafts, the signature and the plan
        behind the keep-until date each ask for them."""
        prefetch_related_objects([self.claim], "events")
        return events_of(self.claim)

    def get_form_kwargs(self, step=None):
        if step == "assessment":
            return {"assessment": self.assessment()}
        if step == "messages":
            return {"drafts": self.drafts()}
        return form_kwargs(step, self.raw_step_data())

    def get_form_initial(self, step):
        if step == "messages":
            return message_drafts.initial_for(self.drafts())
        if step in prefill.STEPS:
            return {**super().get_form_initial(step), **self.read_values[step]}
        if step == SIGNING_STEP:
            # The name is asked once: the 12315 step's name signs unless one signed before.
            name = self.claim.signed_name or raw_answer(
                self.raw_step_data(), "identity", "complainant_name"
            )
            return {"full_name": name} if name else {}
        return super().get_form_initial(step)

    @cached_property
    def readings(self):
        return readings.states_for(self.claim)

    @cached_property
    def read_values(self) -> dict:
        """What screenshots showed, per step: suggestions until the user submits the step."""
        return prefill.suggestions(self.readings)

    def get_form(self, step=None, data=None, files=None):
        step = step or self.steps.current
        if step in STEP_PARTS and data is not None and self.first_visit_of_part(step, data):
            # A page not answered yet shows no errors: the answers of the other pages are
            # its starting values, as the stored data would be.
            form = super().get_form(step, None, files)
            form.initial = {**form.initial, **self._unprefixed(step, data)}
            return form
        return self._bound_form(step, data, files)

    def stored_form(self, step):
        """The step's form bound to its stored answers, once per state of the answers: the
        step guard, the facts, the drafts and the review all read the same validated form."""
        if self.as_loaded() and step not in ("assessment", "messages", SIGNING_STEP):
            # Bound with the same arguments (wizard.steps.form_kwargs) to the same answers.
            return self.derived("claim's forms", lambda: forms_of(self.claim))(step)
        return self.derived(
            ("stored form", step),
            lambda: self._bound_form(step, self.storage.get_step_data(step)),
        )

    def _bound_form(self, step, data, files=None):
        if step != "messages" or data is None:
            return super().get_form(step, data, files)
        drafts = self.drafts()
        data, stale = message_drafts.refresh(data, drafts)
        form = super().get_form(step, data, files)
        form.stale_keys = stale
        return form

    # -- guards ----------------------------------------------------------------------

    def first_incomplete_step(self, before=None):
        """The first step, before `before`, whose saved answers are missing or invalid."""
        for step in self.get_form_list():
            if step == before:
                return None
            if not self.derived(("valid", step), partial(self.step_is_valid, step)):
                return step
        return None

    def step_is_valid(self, step) -> bool:
        data = self.storage.get_step_data(step)
        return data is not None and self.stored_form(step).is_valid()

    def change_url(self, step):
        url = reverse("claims:step", kwargs={"token": self.claim.token, "step": step})
        return f"{url}?return={RETURN_TO_REVIEW}"

    def returning_to_review(self) -> bool:
        return self.request.GET.get("return") == RETURN_TO_REVIEW

    def get(self, request, *args, **kwargs):
        step = kwargs.get("step")
        if step in self.get_form_list():
            blocker = self.first_incomplete_step(before=step)
            if blocker:
                return redirect(self.get_step_url(blocker))
        return super().get(request, *args, **kwargs)

    def post(self, *args, **kwargs):
        step = kwargs.get("step")
        if step not in self.get_form_list():
            raise Http404
        blocker = self.first_incomplete_step(before=step)
        if blocker:
            return redirect(self.get_step_url(blocker))
        self.storage.current_step = step
        goto = self.request.POST.get("wizard_goto_step")
        if goto in self.get_form_list():
            # formtools drops what was typed on Back (#284): keep it, valid or not.
            self.storage.set_step_data(step, self.request.POST)
            return self.render_goto_step(goto)
        if step == "evidence" and self._is_upload():
            return self.handle_upload()
        if step == "messages" and "reset" in self.request.POST:
            return self.reset_draft(self.request.POST["reset"])
        if step in STEP_PARTS and parts.POSTED_PART in self.request.POST:
            response = self.post_part(step)
            if response is not None:
                return response
        return super().post(*args, **kwargs)

    def reset_draft(self, key: str):
        """Put one draft back to the generated text; the other drafts keep what was typed."""
        data = message_drafts.reset(self.request.POST, self.drafts(), key)
        self.storage.set_step_data("messages", data)
        return redirect(f"{self.get_step_url('messages')}#field-messages-{key}")

    # -- evidence uploads, handled here so errors render on the same page -------------

    def _is_upload(self) -> bool:
        return "upload" in self.request.POST or bool(self.request.FILES)

    def handle_upload(self):
        return step_upload.handle_upload(self)

    # -- navigation --------------------------------------------------------------------

    def clear_skipped_steps(self):
        for step in self.form_list:
            if step not in self.get_form_list():
                self.storage.clear_step_data(step)

    def render_next_step(self, form, **kwargs):
        self.clear_skipped_steps()
        if self.returning_to_review():
            target = self.first_incomplete_step(before=RETURN_TO_REVIEW) or RETURN_TO_REVIEW
            self.storage.current_step = target
            return redirect(self.get_step_url(target))
        return super().render_next_step(form, **kwargs)

    def render_done(self, form, **kwargs):
        """Sign in the declaration's own post: formtools would redirect to its done step
        first, one more round trip on a phone and a GET that signs. That step's URL never
        signs: a reload, an old link or a prefetch lands on the done page of a signed claim,
        else on the declaration."""
        if signature.is_complete(self.claim):  # signed as it stands: a second click too
            self.storage.clear_step_data(SIGNING_STEP)  # never kept ticked for a next time
            return redirect("claims:done", token=self.claim.token)
        if self.request.method != "POST":
            return redirect(self.get_step_url(SIGNING_STEP))
        self.clear_skipped_steps()
        # formtools' last check of every step, on the forms this request validated already.
        forms = {}
        for step in self.get_form_list():
            forms[step] = self.stored_form(step)
            if not forms[step].is_valid():
                return self.render_revalidation_failure(step, forms[step], **kwargs)
        response = self.done(list(forms.values()), form_dict=forms, **kwargs)
        self.storage.reset()
        return response

    def done(self, form_list, form_dict, **kwargs):
        def clear_the_declaration():
            # A signature is given once: after any change the boxes are ticked again.
            self.storage.clear_step_data(SIGNING_STEP)
            self.storage.save(savepoint=False)  # in the signature's transaction and commit

        name = form_dict["declaration"].cleaned_data["full_name"]
        if signature.sign(self.claim, name, along=clear_the_declaration) is None:
            # Changed in another tab since this page was read: sign what it says now.
            return redirect(self.get_step_url(SIGNING_STEP))
        return redirect("claims:done", token=self.claim.token)

    # -- templates ---------------------------------------------------------------------

    def section_links(self):
        steps = list(self.get_form_list())
        return progress.section_links(
            steps, self.first_incomplete_step(), self.steps.current, self.get_step_url
        )

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        step = self.steps.current
        context.update(
            claim=self.claim,
            step_name=step,
            step_label=STEP_LABELS.get(step, step),
            sections=self.section_links(),
            section_count=len(progress.SECTIONS),
            returning_to_review=self.returning_to_review(),
            back_at_top=step not in BACK_UNDER_FORM,
            **self.page_context(form),
        )
        if step in NEEDS_ASSESSMENT:
            context["assessment"] = self.assessment()
        if step in READ_FILES_ONCE:  # read here: after any upload this request saved
            prefetch_related_objects([self.claim], "evidence")
        if step in STEP_CONTEXT:
            context.update(STEP_CONTEXT[step](self, form, context))
        if step in MORE_STEP_CONTEXT:
            context.update(MORE_STEP_CONTEXT[step](self, form, context))
        if step == SIGNING_STEP and signature.changed_since_signing(self.claim):
            # Signed before signatures recorded what they cover: nothing changed, say so.
            key = "signed_before" if self.claim.signed_digest else "signed_without_digest"
            context[key] = self.claim.completed_at
        return context
