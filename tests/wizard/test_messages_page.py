"""The drafts page opens each text with where to send it and what to attach."""

import pytest

from tests.journey import start_claim, step_url, walk_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(client):
    token = start_claim(client)
    walk_to(client, token, "messages")
    return token


def test_it_opens_each_draft_with_where_to_send_it_and_what_to_attach(client, token):
    page = client.get(step_url(token, "messages")).content.decode()

    assert "这是对系统生成的中文草稿的说明" not in page
    first = page.index('class="draft"')
    assert page.index("发到哪里", first) < page.index("<textarea", first)
    assert page.index("<dt>附上</dt>", first) < page.index("<textarea", first)


def test_it_explains_the_chinese_text_in_english_without_the_generic_line(client, token):
    client.cookies["rh_language"] = "en"
    page = client.get(step_url(token, "messages")).content.decode()

    assert "What the Chinese text says" in page
    assert "This explains the Chinese draft as we generated it" not in page
    assert "This short chat message asks the shop to put it right" in page
