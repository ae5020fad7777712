from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from claims.domain.calendar_ics import PRODID, plan_to_ics
from claims.domain.eligibility import assess
from claims.domain.escalation import Event, PlanStep, escalation_plan
from claims.domain.text import Text
from tests.factories import INVALID, make_facts

NOW = datetime(2026, 11, 22, 3, 4, 5, tzinfo=UTC)
REFERENCE = "RH-7K2P9Q"


def plan_for(*events, **overrides):
    facts = make_facts(**overrides)
    return escalation_plan(facts, assess(facts), events)


def ics_for(plan, reference=REFERENCE) -> str:
    return plan_to_ics(plan, reference=reference, now=NOW)


def events_of(text: str) -> list:
    return icalendar.Calendar.from_ical(text).walk("VEVENT")


def a_step(**changes) -> PlanStep:
    fields = {
        "key": "payment",
        "title": Text("向支付宝投诉", "Complain to Alipay"),
        "due": date(2026, 11, 24),
        "approximate": False,
        "action": Text("动作", "Action"),
        "where": Text("地方", "Place"),
        "attach": Text("附件", "Attachments"),
        "status": "later",
    }
    return PlanStep(**{**fields, **changes})


@pytest.mark.parametrize(
    "overrides",
    [{}, INVALID, {"site_closed": True, "fraud_signs": ("vanished",)}, {"purpose": "resale"}],
)
def test_each_step_to_come_is_an_all_day_event_on_its_date(overrides):
    plan = plan_for(**overrides)
    found = events_of(ics_for(plan))

    assert [e.decoded("DTSTART") for e in found] == [step.due for step in plan]
    assert [e.decoded("DTEND") for e in found] == [s.due + timedelta(days=1) for s in plan]
    assert [str(e["SUMMARY"]) for e in found] == [step.title.zh for step in plan]


def test_every_event_reminds_at_nine_on_its_day():
    for event in events_of(ics_for(plan_for())):
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == timedelta(hours=9)
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])


def test_the_description_carries_the_english_and_where_to_go():
    plan = plan_for()
    payment = next(e for e in events_of(ics_for(plan)) if "payment" in str(e["UID"]))
    step = next(s for s in plan if s.key == "payment")
    description = str(payment["DESCRIPTION"])

    for text in (step.action.zh, step.where.zh, step.action.en, step.where.en, step.attach.en):
        assert text in description


def test_steps_done_or_skipped_are_left_out():
    plan = plan_for(Event("sent", date(2026, 11, 22)), Event("filed_12315", date(2026, 12, 8)))
    uids = [str(e["UID"]) for e in events_of(ics_for(plan))]

    assert not any("merchant_demand" in uid or "consumer_association" in uid for uid in uids)
    assert any("complaint_12315_reply" in uid for uid in uids)


def test_a_finished_plan_is_an_empty_calendar():
    plan = plan_for(Event("sent", date(2026, 11, 22)), Event("refunded", date(2026, 11, 23)))

    assert events_of(ics_for(plan)) == []


def test_the_calendar_names_itself_and_stamps_every_event():
    text = ics_for(plan_for())
    calendar = icalendar.Calendar.from_ical(text)

    assert str(calendar["PRODID"]) == PRODID == "-//RefundHelper//退款助手//ZH"
    assert str(calendar["VERSION"]) == "2.0"
    for event in calendar.walk("VEVENT"):
        assert event.decoded("DTSTAMP") == NOW


def test_uids_are_unique_and_built_from_the_public_reference_only():
    uids = [str(e["UID"]) for e in events_of(ics_for(plan_for(), "RH-7K2P9Q; token=abc,def"))]

    assert len(set(uids)) == len(uids)
    assert all(uid.startswith("RH-7K2P9Qtokenabcdef-") for uid in uids)
    assert all(uid.endswith("@refundhelper") for uid in uids)


def test_it_uses_crlf_and_folds_lines_at_75_octets_without_breaking_characters():
    text = ics_for(plan_for())

    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert max(len(line.encode()) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)
    text.encode().decode()  # every fold fell between characters


def test_it_escapes_commas_semicolons_backslashes_and_newlines():
    tricky = "先付款，再发货；路径 C:\\退款\n第二行"
    step = a_step(title=Text(tricky, "a, b; c"), action=Text(tricky, "x\\y"))
    (event,) = events_of(ics_for((step,)))

    assert str(event["SUMMARY"]) == tricky
    assert tricky in str(event["DESCRIPTION"]) and "x\\y" in str(event["DESCRIPTION"])
    assert "\\n" in ics_for((step,)) and "\\;" in ics_for((step,))


def test_an_estimated_date_says_so():
    step = a_step(approximate=True)

    assert "估算" in str(events_of(ics_for((step,)))[0]["DESCRIPTION"])


def test_it_refuses_a_naive_timestamp_and_an_empty_reference():
    with pytest.raises(ValueError, match="aware"):
        plan_to_ics((a_step(),), reference=REFERENCE, now=datetime(2026, 11, 22))  # noqa: DTZ001
    with pytest.raises(ValueError, match="reference"):
        plan_to_ics((a_step(),), reference="；", now=NOW)


def test_it_folds_long_chinese_text_between_characters_and_reads_it_back_whole():
    long_zh = "店家收款后一直没有发货，客服也不回复，请尽快处理。" * 12
    step = a_step(title=Text(long_zh[:60], "Long"), action=Text(long_zh, "Act"))
    text = ics_for((step,))
    (event,) = events_of(text)

    lines = text.split("\r\n")
    assert max(len(line.encode()) for line in lines) <= 75
    assert sum(line.startswith(" ") for line in lines) > 10
    assert str(event["SUMMARY"]) == long_zh[:60]
    assert str(event["DESCRIPTION"]).startswith(long_zh + "\n在哪里：地方\n")


def test_it_escapes_the_calendar_name_and_every_event_text_field():
    step = a_step(where=Text("网站，工单；邮件", "site, ticket; mail"))
    text = ics_for((step,), reference="RH-1; a,b")
    calendar = icalendar.Calendar.from_ical(text)

    assert "X-WR-CALNAME:退款助手 RH-1\\; a\\,b\r\n" in text
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Shanghai"
    assert "Where: site, ticket; mail" in str(calendar.walk("VEVENT")[0]["DESCRIPTION"])
    assert "site\\, ticket\\; mail" in text.replace("\r\n ", "")


def test_the_reminder_counts_from_the_start_of_the_day_and_the_event_blocks_no_time():
    (event,) = events_of(ics_for((a_step(),)))
    (alarm,) = event.walk("VALARM")

    assert alarm["TRIGGER"].params["RELATED"] == "START"
    assert str(event["TRANSP"]) == "TRANSPARENT"
    assert event["DTSTART"].params["VALUE"] == "DATE"
