"""What the declaration signs, and whether the claim still says what was signed.

The signature covers the user's facts (every answer of a step that applies), the texts that
go out (the drafts as they read now, the user's edits included) and the exhibits (each file's
SHA-256 and what the user set on it). Its digest is stored with it. A claim is complete only
while every step that applies is valid and the claim as it is now gives the same digest:
any change of facts, drafts or exhibits asks for a new declaration.

Outside the signature: events recorded after signing and the plan's dates, which move with
the calendar. They never ask for a new signature; the dossier prints them apart. The drafts
are therefore written from the events recorded up to the signature, so that a later event
cannot change a signed text.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.db import transaction
from django.utils import timezone

from claims.domain.eligibility import assess
from claims.domain.escalation import Event
from claims.domain.normalize import as_seen
from claims.followup import as_events
from claims.models import Claim, ClaimGone
from claims.retention import keep_until_after
from claims.wizard.drafts import drafts_for_claim, refresh
from claims.wizard.facts import (
    answers_key,
    facts_for_claim,
    forms_of,
    kept_on,
    key_of_answers,
    prefixed_step_data,
)
from claims.wizard.steps import FORMS, SIGNING_STEP, active_steps

# Steps that ask nothing of the facts: their data is a confirmation, or (messages) a text
# covered as it finally reads, not as stored.
UNSIGNED_STEPS = ("assessment", "evidence", "messages", "review", SIGNING_STEP)


def signed_events(claim) -> tuple[Event, ...]:
    """The events the signed texts were written from: all of them while the claim is unsigned,
    else those recorded up to the signature."""
    signed = claim.completed_at
    # Chosen here, not by a query: a page that read the claim's events once (prefetched)
    # reads them again for nothing.
    return as_events(
        event for event in claim.events.all() if signed is None or event.recorded_at <= signed
    )


def events_after_signing(claim) -> list:
    """ClaimEvent rows recorded after the signature, for the dossier's own section."""
    if claim.completed_at is None:
        return []
    return list(claim.events.filter(recorded_at__gt=claim.completed_at))


@dataclass
class ClaimContent:
    """The claim as it is now, read once: what the signature would cover if signed now."""

    claim: object
    events: tuple[Event, ...]

    @classmethod
    def of(cls, claim) -> "ClaimContent":
        """Kept on the claim while its answers, signature time and events stay the same: one
        page asks whether the claim is complete several times, and each new content would
        write every draft again."""
        events = signed_events(claim)
        key = (answers_key(claim), claim.completed_at, events)
        return kept_on(claim, "_content", key, lambda: cls(claim, events))

    @cached_property
    def step_data(self) -> dict:
        return prefixed_step_data(self.claim.answers)

    @cached_property
    def steps(self) -> list[str]:
        return active_steps(self.step_data)

    @cached_property
    def written_on(self):
        """The day the texts are dated: the signature's, so the calendar cannot change them."""
        signed = self.claim.completed_at
        return timezone.localdate(signed) if signed else timezone.localdate()

    @cached_property
    def drafts(self) -> tuple:
        return drafts_for_claim(self.claim, self.events, today=self.written_on)

    @cached_property
    def texts(self) -> dict[str, str]:
        """Each draft as it goes out: the user's text where they edited it, else ours."""
        data, _stale = refresh(self.step_data.get("messages"), self.drafts)
        if data is None:
            return {draft.key: draft.text for draft in self.drafts}
        return {draft.key: data.get(f"messages-{draft.key}") or "" for draft in self.drafts}

    def step_needing_answers(self) -> str | None:
        """The first step that applies and is missing or invalid now (the signature aside)."""
        return self._step_needing_answers

    @cached_property
    def _step_needing_answers(self) -> str | None:
        facts = facts_for_claim(self.claim)
        assessment = assess(facts) if facts else None
        bind = forms_of(self.claim)  # the forms the facts were read from, validated once
        for step in self.steps:
            if step == SIGNING_STEP:
                continue
            data = self.step_data.get(step)
            if data is None:
                return step
            if step == "assessment":
                form = FORMS[step](data=data, prefix=step, assessment=assessment)
            elif step == "messages":
                data, _stale = refresh(data, self.drafts)
                form = FORMS[step](data=data, prefix=step, drafts=self.drafts)
            else:
                form = bind(step)
            if not form.is_valid():
                return step
        return None

    def covered(self) -> dict:
        answers = {
            step: {
                name: [as_seen(str(value)) for value in values]
                for name, values in self.claim.answers.get(step, {}).items()
            }
            for step in self.steps
            if step not in UNSIGNED_STEPS
        }
        exhibits = [
            {
                "sha256": item.sha256,
                "category": item.category,
                "caption": as_seen(item.caption),
                "rotation": item.rotation,
                "redactions": item.redactions,
            }
            for item in self.claim.evidence.order_by("pk")
        ]
        texts = {key: as_seen(text) for key, text in self.texts.items()}
        return {"answers": answers, "texts": texts, "exhibits": exhibits}

    def digest(self) -> str:
        canonical = json.dumps(
            self.covered(), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def sign(claim, signed_name: str, at: datetime | None = None, along=None) -> str | None:
    """Sign the claim as its signer checked it; the digest the signature covers, or None when
    its answers changed meanwhile (another tab saved): what was checked is not what would be
    signed. Under the row's write lock: a second click on Sign finds the signature the first
    click made of the same content meanwhile, and keeps it. `along()`: the writes that belong
    with the signature, in its transaction (one commit: on PostgreSQL each commit waits for
    the disk)."""
    at, loaded_at = at or timezone.now(), claim.completed_at
    with transaction.atomic():
        stored = (
            Claim.objects.select_for_update()
            .filter(pk=claim.pk)
            .values_list("answers", "signed_digest", "completed_at")
            .first()
        )
        if stored is None:
            raise ClaimGone(f"Claim {claim.pk} no longer exists.")
        answers, signed_digest, signed_at = stored
        if key_of_answers(answers) != answers_key(claim):
            return None
        claim.completed_at = at  # the events up to now are the ones the texts are written from
        digest = ClaimContent.of(claim).digest()
        if signed_at not in (None, loaded_at) and signed_digest == digest:
            claim.completed_at, claim.signed_digest = signed_at, digest  # signed meanwhile
        else:
            # A signed claim is kept to the end of its plan (claims.retention).
            keep_until = keep_until_after(claim, at)
            claim.mark_complete(signed_name, digest, at, keep_until=keep_until)
        if along is not None:
            along()
    return digest


def is_complete(claim) -> bool:
    """Signed, every step that applies valid now, and nothing covered changed since."""
    if claim.completed_at is None or not claim.signed_digest:
        return False
    content = ClaimContent.of(claim)
    if content.step_needing_answers() is not None:
        return False
    return hmac.compare_digest(claim.signed_digest, content.digest())


def changed_since_signing(claim) -> bool:
    """Signed once, but what it says now is not what was signed."""
    return claim.completed_at is not None and not is_complete(claim)


def where_to_continue(claim) -> str:
    """The step a signed-then-changed claim resumes at: what needs answers, else the
    declaration to sign again."""
    return ClaimContent.of(claim).step_needing_answers() or SIGNING_STEP
