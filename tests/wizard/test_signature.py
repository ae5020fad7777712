"""A signed claim stays true: any change of what was signed asks for a new declaration, and
the dossier prints what the signature covers (issue 14 items 1 and 2)."""

import io
import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from claims.dossier.render import prepare
from claims.models import Claim
from claims.wizard.signature import ClaimContent, is_complete, sign
from tests.dossier_worker import download as get_dossier
from tests.factories import add_evidence
from tests.journey import ANSWERS, fill_in, go_back, image_file, start_claim, upload, walk_to

pytestmark = pytest.mark.django_db


def signed_claim(client) -> str:
    token = start_claim(client)
    assert walk_to(client, token, "declaration").url == f"/c/{token}/done/"
    assert is_complete(Claim.objects.get(token=token))
    return token


def sign_again(client, token) -> None:
    assert fill_in(client, token, "declaration").url == f"/c/{token}/done/"


def claim_of(token) -> Claim:
    return Claim.objects.get(token=token)


def lands(client, url) -> str:
    """The step a GET ends on after every redirect."""
    response = client.get(url, follow=True)
    return response.redirect_chain[-1][0].split("?")[0].rstrip("/").split("/")[-1]


def test_it_keeps_a_signed_claim_complete_while_nothing_changes(client):
    token = signed_claim(client)

    assert client.get(f"/c/{token}/done/").status_code == 200
    assert client.get(f"/c/{token}/plan.ics").status_code == 200


def test_the_declarations_own_post_signs_and_the_finish_address_stays_for_a_reload(client):
    """No hop through /finish/ (one round trip less on a phone, and no GET that signs); a
    reload of that old address, or an old link, finds the done page, not the declaration."""
    token = start_claim(client)
    walk_to(client, token, "review")
    assert not claim_of(token).signed_digest

    assert fill_in(client, token, "declaration").url == f"/c/{token}/done/"
    assert is_complete(claim_of(token))
    assert client.get(f"/c/{token}/finish/").url == f"/c/{token}/done/"


def test_the_finish_address_never_signs(client):
    """A declaration ticked and left by Back is stored; a GET (a reload, an old link, a
    browser's prefetch) or a HEAD of /finish/ must not turn it into a signature."""
    token = start_claim(client)
    walk_to(client, token, "review")
    go_back(client, token, "declaration", "review", **ANSWERS["declaration"])
    assert "declaration" in claim_of(token).answers

    assert client.get(f"/c/{token}/finish/").url == f"/c/{token}/declaration/"
    assert client.head(f"/c/{token}/finish/").status_code == 302
    claim = claim_of(token)
    assert claim.completed_at is None and not claim.signed_digest


def test_a_second_click_on_sign_keeps_the_first_signature(client):
    """Two posts of the declaration (a double click): one signature, one render queued."""
    token = start_claim(client)
    walk_to(client, token, "review")
    assert fill_in(client, token, "declaration").url == f"/c/{token}/done/"
    first = claim_of(token)

    assert fill_in(client, token, "declaration").url == f"/c/{token}/done/"
    again = claim_of(token)
    assert (again.completed_at, again.signed_digest) == (first.completed_at, first.signed_digest)
    assert again.keep_until == first.keep_until
    assert len(DBTaskResult.objects.filter(task_path__endswith="render_dossier_copy")) == 1


def test_a_signature_over_answers_another_tab_changed_meanwhile_is_refused(client):
    """The page checked one set of answers; another tab saved others before the post was
    signed: nothing is signed, and the declaration shows the answers as they are now."""
    token = start_claim(client)
    walk_to(client, token, "review")
    claim = claim_of(token)  # as the declaration's post read it
    answers = claim_of(token).answers
    answers["problem"]["description"] = ["兑换时提示卡密无效，另一个标签页改过。"]
    Claim.objects.filter(pk=claim.pk).update(answers=answers)  # another tab, meanwhile

    assert sign(claim, "李明") is None
    assert not claim_of(token).signed_digest
    assert sign(claim_of(token), "李明") is not None  # read again: signed


def test_a_changed_answer_asks_for_a_new_declaration_before_anything_is_offered(client):
    token = signed_claim(client)

    changed = {**ANSWERS["problem"], "description": "兑换时提示卡密无效，客服不再回复。"}
    fill_in(client, token, "problem", query="?return=review", **changed)

    assert not is_complete(claim_of(token))
    for download in ("done/", "dossier.pdf", "dossier-archive.pdf", "plan.ics"):
        assert client.get(f"/c/{token}/{download}").url == f"/c/{token}/", download
    page = client.get(f"/c/{token}/", follow=True)
    assert page.redirect_chain[-1][0].startswith(f"/c/{token}/declaration/")
    assert "重新签署：新的签署覆盖申请现在的内容" in page.content.decode()


def test_a_required_date_blanked_with_back_sends_the_user_to_that_step(client):
    token = signed_claim(client)

    typed = {**ANSWERS["problem"], "discovered_on": ""}
    go_back(client, token, "problem", to="buyer", **typed)

    assert not is_complete(claim_of(token))
    page = client.get(f"/c/{token}/done/", follow=True)
    assert page.redirect_chain[-1][0].split("?")[0] == f"/c/{token}/problem/"
    assert "申请在签署后有改动" in page.content.decode()


def test_the_declaration_is_given_again_with_the_name_kept(client):
    token = signed_claim(client)
    fill_in(client, token, "problem", query="?return=review", description="另一段说明。")

    form = client.get(f"/c/{token}/declaration/").context["wizard"]["form"]

    assert not form.is_bound
    assert form["full_name"].value() == claim_of(token).signed_name
    assert "declaration" not in claim_of(token).answers


def test_signing_again_makes_it_complete_with_the_time_of_the_new_signature(client):
    token = signed_claim(client)
    first = claim_of(token).completed_at
    fill_in(client, token, "problem", query="?return=review", description="另一段说明。")

    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        sign_again(client, token)
        claim = claim_of(token)
        assert is_complete(claim)
        pdf = get_dossier(client, f"/c/{token}/dossier.pdf")

    assert claim.completed_at > first + timedelta(hours=1)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    signed = timezone.localtime(claim.completed_at).strftime("%Y年%-m月%-d日 %H:%M")
    assert signed in text
    assert timezone.localtime(first).strftime("%H:%M") not in text.split("签署时间")[1][:20]


def test_an_untouched_draft_follows_the_changed_facts_into_the_dossier(client):
    token = signed_claim(client)
    old = ClaimContent.of(claim_of(token)).texts["merchant_chat"]
    assert "648" in old

    order = {**ANSWERS["order"], "amount": "328"}
    fill_in(client, token, "order", query="?return=review", **order)
    sign_again(client, token)

    html = prepare(claim_of(token)).html
    assert "¥328" in html and "¥648" not in html


def test_a_draft_edited_after_signing_asks_for_a_new_signature(client):
    token = signed_claim(client)
    page = client.get(f"/c/{token}/messages/")
    form = page.context["wizard"]["form"]
    answers = {name: form[name].value() for name in form.fields}
    answers["merchant_chat"] = answers["merchant_chat"] + "\n请今天内答复。"

    fill_in(client, token, "messages", query="?return=review", **answers)

    assert not is_complete(claim_of(token))


def test_a_draft_sent_back_with_crlf_line_ends_is_not_a_change(client):
    token = signed_claim(client)
    form = client.get(f"/c/{token}/messages/").context["wizard"]["form"]
    answers = {name: str(form[name].value()).replace("\n", "\r\n") for name in form.fields}

    fill_in(client, token, "messages", query="?return=review", **answers)

    assert is_complete(claim_of(token))


def test_an_exhibit_added_or_removed_after_signing_asks_for_a_new_signature(client):
    token = signed_claim(client)
    upload(client, token, image_file(color=(200, 30, 30)))
    assert not is_complete(claim_of(token))

    sign_again(client, token)
    assert is_complete(claim_of(token))

    item = claim_of(token).evidence.get()
    client.post(f"/c/{token}/evidence/{item.pk}/remove/")
    assert not claim_of(token).evidence.exists()
    assert not is_complete(claim_of(token))


def test_events_recorded_after_signing_never_ask_for_a_signature_and_are_printed_apart(client):
    token = signed_claim(client)
    before = prepare(claim_of(token)).html

    client.post(
        f"/c/{token}/done/",
        {
            "event-kind": "sent",
            "event-happened_on": timezone.localdate().isoformat(),
            "event-note": "通过站内信发出书面催告",
        },
    )

    claim = claim_of(token)
    assert is_complete(claim)
    html = prepare(claim).html
    section = html.split("签署后记录的事项")[-1]
    assert "签署后记录的事项" in html and "签署后记录的事项" not in before
    assert "通过站内信发出书面催告" in section
    assert "通过站内信发出书面催告" not in html.split("签署后记录的事项")[0]
    # The signed texts are the ones printed: a later event rewrites none of them.
    signed_texts = re.findall(r'<div class="message">(.*?)</div>', before, re.S)
    assert signed_texts == re.findall(r'<div class="message">(.*?)</div>', html, re.S)


def test_the_dossier_prints_the_digest_the_signature_covers(client):
    token = signed_claim(client)
    claim = claim_of(token)

    html = prepare(claim).html

    assert len(claim.signed_digest) == 64
    assert claim.signed_digest == ClaimContent.of(claim).digest()
    assert claim.signed_digest in html


def test_a_claim_signed_before_signatures_had_a_digest_is_signed_again(client):
    token = signed_claim(client)
    Claim.objects.filter(token=token).update(signed_digest="")

    assert not is_complete(claim_of(token))
    assert lands(client, f"/c/{token}/dossier.pdf") == "declaration"
    # Nothing changed, and the page must not say it did (the reviewer's finding).
    page = client.get(f"/c/{token}/", follow=True).content.decode()
    assert "你的回答和文件都保持原样" in page
    assert "之后内容有改动" not in page and "申请在签署后有改动" not in page


def test_the_digest_covers_facts_texts_and_exhibits_but_not_events_or_the_date():
    from tests.factories import make_claim

    claim = make_claim(signed_name="李明")
    digest = claim.signed_digest
    claim.events.create(kind="replied", happened_on=timezone.localdate(), note="稍后处理")
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        assert is_complete(claim)
    add_evidence(claim)  # signs again, as its owner must
    assert claim.signed_digest != digest
    sign(claim, "李明")
    claim.answers = {**claim.answers, "seller": {**claim.answers["seller"], "payee_name": ["某"]}}
    assert not is_complete(claim)


def test_the_content_read_once_per_request_is_read_again_after_any_change(client):
    """ClaimContent is kept on the claim instance while its answers, signature time and
    events stay the same; any of them changing gives a new content and a new digest."""
    claim = claim_of(signed_claim(client))
    first = ClaimContent.of(claim)
    assert ClaimContent.of(claim) is first
    signed = first.digest()

    problem = {**claim.answers["problem"], "description": ["兑换时提示卡密无效，客服不再回复。"]}
    claim.answers = {**claim.answers, "problem": problem}
    changed = ClaimContent.of(claim)

    assert changed is not first
    assert changed.digest() != signed
    assert not is_complete(claim)
    claim.completed_at = claim.completed_at + timedelta(seconds=1)
    assert ClaimContent.of(claim) is not changed


@pytest.mark.django_db(transaction=True)
def test_the_signature_and_the_answers_it_leaves_are_saved_together(client, monkeypatch):
    """One commit for the signature, the cleared declaration and the keep-until date: when
    the answers cannot be saved, the claim is not signed either."""
    token = start_claim(client)
    walk_to(client, token, "review")
    # Typed once and left by Back: stored, so the signature has a declaration to clear.
    go_back(client, token, "declaration", "review", **ANSWERS["declaration"])
    assert "declaration" in claim_of(token).answers

    def refused(claim, now=None):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr("claims.wizard.storage.keep_until_after", refused)
    client.raise_request_exception = False
    assert fill_in(client, token, "declaration").status_code == 500
    claim = claim_of(token)
    assert claim.completed_at is None and not claim.signed_digest
    assert "declaration" in claim.answers

    monkeypatch.undo()
    assert fill_in(client, token, "declaration").url == f"/c/{token}/done/"
    claim = claim_of(token)
    assert claim.signed_digest and "declaration" not in claim.answers
