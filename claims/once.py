"""One-time form tokens: a form posted twice (a double click, a page sent again) acts once.

Every rendering of a form carries a new random token in a hidden field. The first post that
uses it inserts a FormToken row; the unique (claim, token) constraint makes every later insert
fail, on SQLite and PostgreSQL alike, so of two concurrent posts exactly one does the work.
The others do nothing and land where the first one did.

A post without a token (a page from before the field existed, a hand-made post) is processed
as before: the token only stops repeats, it never locks anyone out. A malformed token counts
as none. Rows go with their claim and are purged after a day (purge_expired_claims).
"""

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django import forms
from django.db import IntegrityError, transaction

from claims.models import Claim, FormToken

FIELD = "once"
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{16,64}")
Outcome = TypeVar("Outcome")


def new_token() -> str:
    return secrets.token_urlsafe(24)


class OnceForm(forms.Form):
    """A form whose every rendering may be posted once (subclasses add their own fields)."""

    once = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[FIELD].initial = new_token()

    def clean_once(self) -> str:
        token = self.cleaned_data[FIELD]
        return token if TOKEN_SHAPE.fullmatch(token) else ""

    def renew_token(self) -> None:
        """A bound form shown again is a new rendering: it must not carry the used token."""
        self.data = self.data.copy()
        self.data[self.add_prefix(FIELD)] = new_token()


@dataclass(frozen=True)
class Repeat:
    """A later post of a used token: where the first post landed ("" while it still runs)."""

    landing: str

    @property
    def finished(self) -> bool:
        return bool(self.landing)


def run(
    claim: Claim, token: str, landing: str, work: Callable[[], Outcome]
) -> tuple[Repeat | None, Outcome | None]:
    """(None, work()) for the first post of token; (Repeat, None), without work, for others.

    When work fails the token is given back, so the same page can be sent again.
    """
    repeat = _take(claim, token)
    if repeat is not None:
        return repeat, None
    try:
        outcome = work()
    except BaseException:
        give_back(claim, token)
        raise
    if token:
        FormToken.objects.filter(claim=claim, token=token).update(landing=landing)
    return None, outcome


def give_back(claim: Claim, token: str) -> None:
    """The post did nothing that a repeat must not do again (every file refused): the same
    page may be sent again, from Back or another tab, and acts then."""
    if token:
        FormToken.objects.filter(claim=claim, token=token).delete()


def _take(claim: Claim, token: str) -> Repeat | None:
    if not token:
        return None
    try:
        with transaction.atomic():
            FormToken.objects.create(claim=claim, token=token)
    except IntegrityError:
        landing = (
            FormToken.objects.filter(claim=claim, token=token)
            .values_list("landing", flat=True)
            .first()
        )
        if landing is None:  # not a repeat: the claim itself is gone
            raise
        return Repeat(landing)
    return None
