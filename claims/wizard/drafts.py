"""Between the drafts the pure module writes and the texts the user edits and keeps.

A saved draft remembers the digest of the generated text it started from. When the answers
change, an untouched draft follows them; an edited one is kept and flagged, never overwritten.
"""

from collections.abc import Mapping
from dataclasses import replace

from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from claims.domain.drafting import Complainant, drafts_for
from claims.domain.drafting.common import EXPLAINS
from claims.domain.eligibility import GOODWILL_DRAFTS, assess, offers_dossier
from claims.domain.escalation import rescission_opened
from claims.domain.text import Text
from claims.wizard.facts import answers_key, facts_from, forms_of, kept_on, prefixed_step_data
from claims.wizard.forms.messages import draft_digest
from claims.wizard.steps import FORMS

PREFIX = "messages-"


def complainant_from(step_data: Mapping) -> Complainant:
    data = step_data.get("identity")
    if data is None:
        return Complainant()
    form = FORMS["identity"](data=data, prefix="identity")
    if not form.is_valid():
        return Complainant()
    return Complainant(
        name=form.cleaned_data["complainant_name"], phone=form.cleaned_data["complainant_phone"]
    )


def drafts_for_claim(claim, events: tuple, today=None) -> tuple:
    """The claim's drafts for its stored answers, kept on the instance while the answers,
    events and day stay the same: the done page writes them for the signature's check and
    for the plan, from the same answers and, on the day of signing, the same events."""
    day = today or timezone.localdate()
    return kept_on(
        claim,
        "_drafts",
        (answers_key(claim), tuple(events), day),
        lambda: drafts_from_answers(
            prefixed_step_data(claim.answers), events, today=day, bind=forms_of(claim)
        ),
    )


def drafts_from_answers(step_data: Mapping, events: tuple = (), today=None, bind=None) -> tuple:
    """The drafts for these answers; `events` (what the user recorded since) lets the
    third-party drafts say what was sent and answered, never more. `today` is the day they
    are written on (a signed claim's: the day of its signature). `bind`: as facts_from."""
    facts = facts_from(step_data, today=today, bind=bind)
    if facts is None:
        return ()
    assessment = assess(facts)
    if assessment.blocks_documents:
        return ()
    drafts = drafts_for(facts, assessment, complainant_from(step_data), events)
    drafts = _with_rescission(drafts, facts, assessment, step_data, events)
    if not offers_dossier(assessment):
        # No claim: a goodwill request to the shop, never a payment or 12315 complaint.
        drafts = tuple(draft for draft in drafts if draft.key in GOODWILL_DRAFTS)
    return drafts


def _with_rescission(drafts, facts, assessment, step_data, events) -> tuple:
    """The rescission notice, once the demand the user sent through the plan has run out:
    written as if they had answered that this deadline was given and passed (R2)."""
    deadline = rescission_opened(facts, assessment, events, facts.today)
    if deadline is None or any(draft.key == "merchant_rescission" for draft in drafts):
        return drafts
    later = replace(facts, deadline_given=True, deadline_on=deadline)
    notices = [
        draft
        for draft in drafts_for(later, assess(later), complainant_from(step_data), events)
        if draft.key == "merchant_rescission"
    ]
    keys = [draft.key for draft in drafts]
    at = keys.index("merchant_demand") + 1 if "merchant_demand" in keys else len(drafts)
    return (*drafts[:at], *notices, *drafts[at:])


def initial_for(drafts) -> dict:
    initial = {}
    for draft in drafts:
        initial[draft.key] = draft.text
        initial[f"basis_{draft.key}"] = draft_digest(draft.text)
    return initial


def refresh(data: MultiValueDict | None, drafts) -> tuple[MultiValueDict | None, set[str]]:
    """Saved drafts brought up to date with the answers; returns the keys edited but stale."""
    if data is None:
        return None, set()
    data = data.copy()
    stale = set()
    for draft in drafts:
        current = draft_digest(draft.text)
        text_key, basis_key = f"{PREFIX}{draft.key}", f"{PREFIX}basis_{draft.key}"
        saved, basis = data.get(text_key), data.get(basis_key)
        if saved is None or (basis != current and draft_digest(saved) == basis):
            data[text_key], data[basis_key] = draft.text, current
        elif basis != current:
            stale.add(draft.key)
    return data, stale


def reset(data: MultiValueDict, drafts, key: str) -> MultiValueDict:
    """The posted drafts, with one of them back to the generated text."""
    data = data.copy()
    for draft in drafts:
        if draft.key == key:
            data[f"{PREFIX}{key}"] = draft.text
            data[f"{PREFIX}basis_{key}"] = draft_digest(draft.text)
    return data


def about(draft) -> Text:
    """What a draft says, for a reader of the page's language, without the generic opener."""
    text = draft.explanation
    return Text(
        text.zh.removeprefix(EXPLAINS.zh).strip(), text.en.removeprefix(EXPLAINS.en).strip()
    )


def step_context(wizard, form, context) -> dict:
    """The messages page: each draft opens with where it goes and what goes with it."""
    return {
        "draft_rows": [
            (field, draft, is_stale, about(draft)) for field, draft, is_stale in form.draft_fields()
        ]
    }
