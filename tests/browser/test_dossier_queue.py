"""The done page while the task worker prepares the dossier, then once it is ready."""

import pytest

from tests.dossier_worker import run_dossier_renders
from tests.factories import add_evidence, make_claim

pytestmark = [pytest.mark.heavy, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("javascript", [True, False])
def test_the_done_page_reloads_itself_until_the_dossier_is_ready(
    browser, live_server, tmp_path, javascript
):
    claim = make_claim(signed_name="李明")
    add_evidence(claim)
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        java_script_enabled=javascript,
        accept_downloads=True,
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{live_server.url}/c/{claim.token}/done/")

    assert page.locator("[role=status]").filter(has_text="排队位置").is_visible()
    assert page.locator('a[href$="/dossier.pdf"][download]').count() == 0
    page.screenshot(path=tmp_path / "done-preparing.png", full_page=False)

    run_dossier_renders()
    link = page.locator('a[href$="/dossier.pdf"][download]')
    link.wait_for(timeout=20_000)  # no script: the meta refresh brought it
    page.screenshot(path=tmp_path / "done-ready.png", full_page=False)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"{claim.reference}.pdf"

    # The archive copy is queued when first asked for: its page waits, then the file comes.
    page.locator('a[href$="/dossier-archive.pdf"]').click()
    page.locator("h1").filter(has_text="正在准备你的申请材料").wait_for()
    page.screenshot(path=tmp_path / "archive-preparing.png", full_page=False)
    with page.expect_download(timeout=20_000) as archive:
        run_dossier_renders()
    assert archive.value.suggested_filename == f"{claim.reference}-archive.pdf"
    assert errors == []
    context.close()
