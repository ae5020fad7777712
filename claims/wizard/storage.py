"""A formtools storage backend that keeps wizard state on the Claim row.

The session would lose everything when it expires or when the resume link is opened in
another browser; the claim is the single place where answers live. Files never go through
the wizard (evidence has its own upload path), so step_files stays empty.

Two requests of one claim (two tabs, a double click) may run at once: each writes back only
the steps it changed, over the answers as stored at that moment, under the row's write lock.
"""

from collections.abc import Mapping

from django.db import transaction
from django.http import Http404
from django.utils.datastructures import MultiValueDict
from formtools.wizard.storage.base import BaseStorage

from claims.domain.drafting import DRAFT_KEYS
from claims.models import Claim
from claims.retention import keep_until_after
from claims.wizard.steps import FORMS

# Bounds on what one step may store: a little above the longest field (a draft without a
# channel limit, messages.UNLIMITED_DRAFT = 5,000) and above every step's longest legitimate
# answers (the messages step's nine drafts). A value past them can never be valid: it is cut
# so the form still says what is wrong, and whatever is past the step's budget is dropped.
MAX_VALUE_CHARS = 6_000
MAX_VALUES_PER_FIELD = 100
MAX_STEP_CHARS = 64_000

# The messages step has one field per draft the assessment calls for, and its digest.
DYNAMIC_FIELDS = {"messages": frozenset({*DRAFT_KEYS, *(f"basis_{key}" for key in DRAFT_KEYS)})}


def step_fields(step: str) -> frozenset[str]:
    """The field names a step's form can have: all that a step may store."""
    form = FORMS.get(step)
    names = frozenset(form.base_fields) if form else frozenset()
    return names | DYNAMIC_FIELDS.get(step, frozenset())


def bounded_step_data(step: str, data: Mapping) -> dict[str, list]:
    """The step's own fields out of a post ({"order-amount": ["50"]}), within the bounds."""
    allowed, prefix = step_fields(step), f"{step}-"
    pairs = data.lists() if isinstance(data, MultiValueDict) else data.items()
    budget = MAX_STEP_CHARS
    kept = {}
    for key, values in pairs:
        if not key.startswith(prefix) or key.removeprefix(prefix) not in allowed:
            continue
        values = list(values) if isinstance(values, list | tuple) else [values]
        kept[key] = []
        for value in values[:MAX_VALUES_PER_FIELD]:
            if isinstance(value, str):
                value = value[:MAX_VALUE_CHARS]
                budget -= len(value)
            if budget < 0:
                return kept
            kept[key].append(value)
    return kept


def save_answers(
    claim: Claim, changes: Mapping[str, dict | None], current_step: str, savepoint=True
) -> None:
    """Write changed steps (None: cleared) over the answers as stored now, not as loaded, with
    the keep-until date after this change: one UPDATE, one commit. `savepoint=False` inside a
    transaction that fails as a whole with this one (the signature's): two round trips less.

    The atomic block starts with the write lock: SELECT ... FOR UPDATE on PostgreSQL, and on
    SQLite the IMMEDIATE transaction mode (settings), so no reader ever has to upgrade.
    """
    with transaction.atomic(savepoint=savepoint):
        stored = (
            Claim.objects.select_for_update()
            .filter(pk=claim.pk)
            .values_list("answers", flat=True)
            .first()
        )
        if stored is None:  # deleted while this request ran
            raise Http404
        answers = dict(stored)
        for step, values in changes.items():
            if values is None:
                answers.pop(step, None)
            else:
                answers[step] = values
        claim.answers = answers
        claim.current_step = current_step
        claim.keep_until = keep_until_after(claim)
        claim.save(update_fields=["answers", "current_step", "updated_at", "keep_until"])


class ClaimStorage(BaseStorage):
    def __init__(self, prefix, request=None, file_storage=None):
        super().__init__(prefix, request, file_storage)
        self.claim = request.claim
        self.init_data()
        self.data[self.step_key] = self.claim.current_step or None
        self.data[self.step_data_key] = {
            step: _with_prefix(step, values) for step, values in self.claim.answers.items()
        }
        self._saved = self._snapshot()
        self.revision = 0  # counts changes to the answers: what is derived from them is kept
        self.changed: set[str] = set()  # the steps whose answers this request changed

    def reset(self):
        """Finishing the wizard keeps the answers: the done page and the dossier need them."""

    def set_step_data(self, step, cleaned_data):
        # Not the CSRF token, not the wizard's management form, not whatever else was posted.
        self.data[self.step_data_key][step] = bounded_step_data(step, cleaned_data)
        self.revision += 1
        self.changed.add(step)

    def clear_step_data(self, step) -> None:
        if self.data[self.step_data_key].pop(step, None) is not None:
            self.revision += 1
            self.changed.add(step)

    def update_response(self, response):
        super().update_response(response)
        self.save()

    def save(self, savepoint=True) -> None:
        """Write what changed since the claim was read or last saved (nothing if nothing);
        `savepoint`: as save_answers."""
        current_step, answers = self._snapshot()
        saved_step, saved_answers = self._saved
        if (current_step, answers) == (saved_step, saved_answers):
            return
        changes = {
            step: answers.get(step)
            for step in answers.keys() | saved_answers.keys()
            if answers.get(step) != saved_answers.get(step)
        }
        save_answers(self.claim, changes, current_step or "", savepoint)
        self._saved = self._snapshot()

    def _snapshot(self) -> tuple[str | None, dict]:
        """The current step and the answers in their stored shape (fresh copies)."""
        return self.data[self.step_key], {
            step: _without_prefix(step, values)
            for step, values in self.data[self.step_data_key].items()
        }


def _with_prefix(step: str, values: dict) -> dict:
    return {f"{step}-{name}": list(value) for name, value in values.items()}


def _without_prefix(step: str, values: dict) -> dict:
    prefix = f"{step}-"
    return {key.removeprefix(prefix): list(value) for key, value in values.items()}
