"""What PDF and video exhibits cost: the upload check, the worker's pictures, the dossier.

Run: .venv/bin/python bench/exhibits.py [--seconds 30] [--pages 23]

Made in memory: a 23-page chat export (WeasyPrint, Chinese text) and a phone screen
recording (1170x2532, 30 fps, H.264 by PyAV, a new screen every second). Measured:
- inspect_video, the upload-time check (packets read, none decoded), and the PDF's pages
  and the recording's key frames drawn in this process and through the task (child process);
- render_dossier of a claim holding both, before the pictures exist and after.
The last line is JSON.
"""

import argparse
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def chat_export(pages: int) -> bytes:
    from weasyprint import HTML

    lines = "".join(
        f"<p>2026-11-20 21:{index % 60:02d} 商家：您好，卡密已发放，请查收。订单 {index:04d}</p>"
        for index in range(pages * 28)
    )
    style = "<style>@page { size: A4 } p { font-family: 'Noto Sans CJK SC'; margin: 0 0 3mm }"
    return HTML(string=f"{style}</style>{lines}").write_pdf()


def screen_recording(seconds: int, fps: int = 30, size=(1170, 2532)) -> bytes:
    import av
    from PIL import Image, ImageDraw

    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/recording.mp4"
        with av.open(path, "w", format="mp4") as output:
            stream = output.add_stream("libx264", rate=fps, options={"preset": "veryfast"})
            stream.width, stream.height = size
            stream.pix_fmt = "yuv420p"
            for second in range(seconds):
                screen = Image.new("RGB", size, (245, 246, 248))
                draw = ImageDraw.Draw(screen)
                for row in range(40):
                    shade = (second * 37 + row * 11) % 200
                    draw.rectangle((60, 80 + row * 60, 1110, 120 + row * 60), fill=(shade, 90, 160))
                frame = av.VideoFrame.from_image(screen).reformat(format="yuv420p")
                for index in range(fps):
                    frame.pts = second * fps + index
                    output.mux(stream.encode(frame))
            output.mux(stream.encode())
        return Path(path).read_bytes()


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return round(time.perf_counter() - started, 3), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=30, help="length of the recording")
    parser.add_argument("--pages", type=int, default=23, help="pages of the chat export")
    arguments = parser.parse_args()

    workdir = tempfile.TemporaryDirectory(prefix="rh-bench-")
    os.environ["VAR_DIR"] = workdir.name
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "refundhelper.settings")
    os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    import django

    django.setup()
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from pypdf import PdfReader

    from claims.demo.claim import create_sample_claim
    from claims.dossier.render import render_dossier
    from claims.evidence import exhibit_images, frames, pdfpages
    from claims.evidence.pipeline import store_upload
    from claims.wizard.signature import sign

    call_command("migrate", verbosity=0)
    pdf = chat_export(arguments.pages)
    video = screen_recording(arguments.seconds)
    sizes = f"chat export {len(pdf) / 1e6:.2f} MB, recording {len(video) / 1e6:.1f} MB"
    print(sizes, file=sys.stderr)

    result = {"pdf_pages": arguments.pages, "video_seconds": arguments.seconds}
    result["inspect_video_s"], _info = timed(frames.inspect_video, io.BytesIO(video), len(video))
    with (
        tempfile.NamedTemporaryFile(suffix=".pdf") as pdf_file,
        tempfile.NamedTemporaryFile(suffix=".mp4") as video_file,
    ):
        pdf_file.write(pdf)
        pdf_file.flush()
        video_file.write(video)
        video_file.flush()
        result["pdf_pages_in_process_s"], pages = timed(
            pdfpages.render_pages,
            pdf_file.name,
            max_pages=settings.EXHIBIT_PDF_MAX_PAGES,
            dpi=settings.EXHIBIT_PDF_DPI,
            max_pixels=settings.EXHIBIT_MAX_PIXELS,
            seconds=60,
        )
        result["key_frames_in_process_s"], shots = timed(
            frames.key_frames,
            video_file.name,
            count=settings.EXHIBIT_VIDEO_FRAMES,
            max_side=settings.EXHIBIT_FRAME_MAX_SIDE,
            max_pixels=settings.EVIDENCE_MAX_PIXELS,
            seconds=60,
        )
    result["page_jpeg_kb"] = round(sum(len(p.jpeg) for p in pages.images) / len(pages.images) / 1e3)
    result["frame_jpeg_kb"] = round(sum(len(s.jpeg) for s in shots) / len(shots) / 1e3)

    claim = create_sample_claim()
    uploads = [
        SimpleUploadedFile("聊天记录.pdf", pdf, "application/pdf"),
        SimpleUploadedFile("录屏.mp4", video, "video/mp4"),
    ]
    items = []
    for upload in uploads:
        started = time.perf_counter()
        items.append(store_upload(claim, upload, category="merchant_breach", caption=""))
        key = "upload_pdf_s" if upload.name.endswith(".pdf") else "upload_video_s"
        result[key] = round(time.perf_counter() - started, 3)
    sign(claim, claim.signed_name)
    result["dossier_pending_s"], pending_pdf = timed(render_dossier, claim)
    for item in items:  # the task, as the worker runs it: child process included
        seconds, _outcome = timed(exhibit_images.make_images, item.pk)
        result["task_pdf_s" if item.kind == "pdf" else "task_video_s"] = seconds
    result["dossier_ready_s"], ready_pdf = timed(render_dossier, claim)
    result["dossier_pending_pages"] = len(PdfReader(io.BytesIO(pending_pdf)).pages)
    result["dossier_ready_pages"] = len(PdfReader(io.BytesIO(ready_pdf)).pages)
    result["dossier_ready_mb"] = round(len(ready_pdf) / 1e6, 2)
    claim.delete_with_files()
    for key, value in result.items():
        print(f"{key}: {value}", file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
