"""The pages of PDF exhibits and the key frames of recordings, drawn by the task worker."""

import io
import time

import av
import pytest
from django.core.management import call_command
from PIL import Image

from claims import tasks
from claims.evidence import exhibit_images, frames
from claims.evidence.pipeline import replace_file, store_upload
from claims.models import Evidence
from tests.evidence import slow
from tests.evidence.samples import COLOURS, mp4_bytes, statement_pdf, upload_of
from tests.factories import files_in, make_claim

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def upload(data: bytes, name: str, claim=None) -> Evidence:
    kind = "application/pdf" if name.endswith(".pdf") else "video/mp4"
    return store_upload(
        claim or make_claim(), upload_of(data, name, kind), category="merchant_breach", caption=""
    )


def made(item: Evidence) -> Evidence:
    tasks.request_exhibit_images([item])
    item.refresh_from_db()
    return item


def opened(name: str, storage) -> Image.Image:
    with storage.open(name, "rb") as handle:
        return Image.open(io.BytesIO(handle.read()))


def stored(storage, folder: str) -> list[str]:
    return sorted(path.name for path in files_in(storage, f"{folder}/"))


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    settings.TASKS = IMMEDIATE


def test_it_draws_the_first_pages_of_a_pdf_at_print_resolution(settings, private_storage):
    settings.EXHIBIT_PDF_MAX_PAGES = 10

    item = made(upload(statement_pdf(12), "statement.pdf"))

    state = exhibit_images.state_of(item)
    assert state.ready
    assert state.total_pages == 12
    assert [picture.page for picture in state.pictures] == list(range(1, 11))
    page = opened(state.pictures[0].name, private_storage)
    assert page.format == "JPEG"
    assert page.size in {(1240, 1754), (1241, 1754)}  # A4 at 150 dpi
    # The black bar under the heading is drawn: the page is not blank.
    assert page.convert("L").getpixel((620, 700)) < 40
    assert page.convert("L").getpixel((620, 1600)) > 215


def test_a_huge_page_is_drawn_within_the_pixel_bound(settings, private_storage):
    from weasyprint import HTML

    settings.EXHIBIT_MAX_PIXELS = 1_000_000
    poster = HTML(string="<style>@page { size: 2000mm 2000mm }</style><p>x</p>").write_pdf()

    item = made(upload(poster, "poster.pdf"))

    picture = exhibit_images.state_of(item).pictures[0]
    assert picture.width * picture.height <= 1_000_000
    assert opened(picture.name, private_storage).size == (picture.width, picture.height)


def test_it_takes_evenly_spaced_frames_of_a_recording_with_their_times(private_storage):
    item = made(upload(mp4_bytes(duration=5_000, size=(180, 320), fps=10), "录屏.mp4"))

    state = exhibit_images.state_of(item)
    assert state.ready
    times = [picture.at_ms for picture in state.pictures]
    assert times[:5] == [0, 1_000, 2_000, 3_000, 4_000]
    assert times[5] == 4_900  # the last frame: the recording ends on it
    for picture in state.pictures:
        frame = opened(picture.name, private_storage).convert("RGB")
        assert frame.size == (180, 320)
        colour = COLOURS[picture.at_ms // 1000 % len(COLOURS)]
        assert all(abs(a - b) < 24 for a, b in zip(frame.getpixel((90, 160)), colour, strict=True))


def test_a_recording_a_phone_turned_is_shown_upright(tmp_path):
    path = tmp_path / "turned.mp4"
    with av.open(str(path), "w", format="mp4") as output:
        stream = output.add_stream("libx264", rate=2)
        stream.width, stream.height = 320, 180  # stored sideways
        stream.pix_fmt = "yuv420p"
        stream.set_display_rotation(-90)  # shown turned a quarter clockwise
        stored = Image.new("RGB", (320, 180), (255, 255, 255))
        stored.paste((255, 0, 0), (0, 0, 40, 180))  # a red band down the left edge
        frame = av.VideoFrame.from_image(stored).reformat(format="yuv420p")
        for index in range(4):
            frame.pts = index
            output.mux(stream.encode(frame))
        output.mux(stream.encode())

    shot = frames.key_frames(str(path), count=1, max_side=960, max_pixels=10**6, seconds=10)[0]

    upright = Image.open(io.BytesIO(shot.jpeg)).convert("RGB")
    assert upright.size == (180, 320)
    assert upright.getpixel((90, 5))[0] > 200 > upright.getpixel((90, 5))[1]  # red on top
    assert upright.getpixel((90, 315)) > (230, 230, 230)


def test_a_recording_with_a_picture_over_the_pixel_limit_is_not_decoded(settings):
    settings.EVIDENCE_MAX_PIXELS = 320 * 640 - 1

    item = made(upload(mp4_bytes(duration=2_000, size=(320, 640)), "big.mp4"))

    assert exhibit_images.state_of(item).status == exhibit_images.FAILED


def test_frame_times_are_at_least_a_second_apart_and_end_on_the_last_frame():
    assert frames.frame_times(83_500, 8) == [
        0, 11_929, 23_857, 35_786, 47_714, 59_643, 71_571, 83_500
    ]  # fmt: skip
    assert frames.frame_times(2_500, 8) == [0, 1_250, 2_500]
    assert frames.frame_times(400, 8) == [0]


def test_a_pdf_it_cannot_open_is_marked_failed_and_leaves_no_picture(private_storage):
    # Uploads qpdf cannot read are refused (evidence.active); the drawing must still cope
    # with a stored file PDFium cannot open, e.g. one damaged on the storage since.
    item = upload(statement_pdf(1), "statement.pdf")
    with private_storage.open(item.original.name, "wb") as handle:
        handle.write(b"%PDF-1.7\n" + bytes(200) + b"\n%%EOF\n")

    item = made(item)

    assert exhibit_images.state_of(item).status == exhibit_images.FAILED
    assert stored(private_storage, "exhibits") == []


def test_the_time_budget_stops_the_drawing(settings, private_storage):
    settings.EXHIBIT_SECONDS = 0

    item = made(upload(statement_pdf(3), "statement.pdf"))

    assert exhibit_images.state_of(item).status == exhibit_images.FAILED
    assert stored(private_storage, "exhibits") == []


def test_a_child_that_hangs_is_stopped_when_its_time_is_up(settings, monkeypatch):
    settings.EXHIBIT_SECONDS = 1
    monkeypatch.setattr(exhibit_images, "GRACE_SECONDS", 0.5)
    started = time.monotonic()

    with pytest.raises(TimeoutError):
        exhibit_images._in_child(slow.hang, "statement.pdf")

    assert time.monotonic() - started < 10


def test_the_pictures_go_with_the_file_they_were_made_from(private_storage):
    item = made(upload(statement_pdf(2), "statement.pdf"))
    first = exhibit_images.ready_names(item)
    assert len(first) == 2

    replace_file(item, upload_of(statement_pdf(1), "v2.pdf", "application/pdf"))
    item.refresh_from_db()
    assert exhibit_images.state_of(item) is None  # nothing drawn of the new file yet
    assert stored(private_storage, "exhibits") == []

    made(item)
    assert len(exhibit_images.ready_names(item)) == 1
    item.delete_with_files()
    assert stored(private_storage, "exhibits") == []


def test_a_row_removed_while_its_pages_are_drawn_keeps_nothing(private_storage, monkeypatch):
    item = upload(statement_pdf(2), "statement.pdf")
    real_draw = exhibit_images._draw

    def draw_then_remove(row):
        drawn = real_draw(row)
        Evidence.objects.filter(pk=row.pk).delete()
        return drawn

    monkeypatch.setattr(exhibit_images, "_draw", draw_then_remove)

    assert exhibit_images.make_images(item.pk) == "gone"
    assert stored(private_storage, "exhibits") == []


def test_the_orphan_purge_keeps_the_pictures_of_stored_files(private_storage):
    item = made(upload(statement_pdf(2), "statement.pdf"))

    call_command("purge_orphan_files", stdout=io.StringIO())

    assert len(stored(private_storage, "exhibits")) == 2
    assert all(private_storage.exists(name) for name in exhibit_images.ready_names(item))


def test_uploads_made_before_pictures_existed_are_queued_once(settings):
    settings.TASKS = DATABASE
    item = upload(statement_pdf(1), "statement.pdf")
    other = upload(mp4_bytes(duration=2_000, size=(180, 320)), "rec.mp4", claim=item.claim)

    assert tasks.request_missing_exhibit_images(Evidence.objects.all()) == [item, other]
    assert tasks.request_missing_exhibit_images(Evidence.objects.all()) == []  # on their way
