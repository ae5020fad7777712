"""Typed facts against what the screenshots show (OCR readings): the disagreements to flag."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from claims.domain.formatting import format_yuan
from claims.domain.normalize import compact_identifier
from claims.models import Evidence
from claims.screenshots.readings import state_of


@dataclass(frozen=True)
class Disagreement:
    number: int  # the exhibit's number in the dossier (证据N)
    title: str
    what: str  # "amount", "date", "order_number" or "transaction_number"
    typed: str
    shown: str

    @property
    def message(self) -> str:
        values = {
            "number": self.number,
            "title": self.title,
            "typed": self.typed,
            "shown": self.shown,
        }
        texts = {
            "amount": _(
                "You typed %(typed)s as the amount paid, but exhibit %(number)d (%(title)s) "
                "shows %(shown)s."
            ),
            "date": _(
                "You typed %(typed)s as the payment date, but exhibit %(number)d (%(title)s) "
                "shows %(shown)s."
            ),
            "order_number": _(
                "You typed the order number %(typed)s, but exhibit %(number)d (%(title)s) "
                "shows %(shown)s."
            ),
            "transaction_number": _(
                "You typed the payment transaction number %(typed)s, but exhibit %(number)d "
                "(%(title)s) shows %(shown)s."
            ),
        }
        text = texts[self.what]
        return text % values


@dataclass
class EvidenceCheck:
    disagreements: list[Disagreement] = field(default_factory=list)
    pending: int = 0  # payment screenshots still being read

    def __bool__(self) -> bool:
        return bool(self.disagreements or self.pending)


def evidence_check(facts, exhibits) -> EvidenceCheck:
    """Where the amount, date or numbers typed differ from what a readable exhibit shows.

    `exhibits` are (number, Evidence) pairs, numbered as in the dossier.
    """
    check = EvidenceCheck()
    if facts is None:
        return check
    for number, item in exhibits:
        state = state_of(item)
        if state is None:
            continue
        if state.pending and item.category == Evidence.Category.TRANSACTION:
            check.pending += 1
        if state.done:
            title = item.caption or item.original_name
            check.disagreements += [
                Disagreement(number, title, what, typed, shown)
                for what, typed, shown in _differences(facts, state.reading)
            ]
    return check


def _differences(facts, reading):
    if reading.amount is not None and reading.amount != facts.amount:
        yield "amount", format_yuan(facts.amount), format_yuan(reading.amount)
    if reading.paid_at is not None:
        typed_day = timezone.localdate(facts.purchased_at)
        shown_day = timezone.localdate(reading.paid_at)
        if typed_day != shown_day:
            yield "date", date_format(typed_day, "Y-m-d"), date_format(shown_day, "Y-m-d")
    on_screen = {_number(reading.order_number), _number(reading.transaction_number)} - {""}
    for what in ("order_number", "transaction_number"):
        typed, shown = getattr(facts, what), getattr(reading, what)
        if typed and shown and _number(typed) not in on_screen:
            yield what, typed, shown


def _number(text: str) -> str:
    return compact_identifier(text or "").upper()
