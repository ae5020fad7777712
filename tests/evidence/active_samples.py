"""Originals with active content, made in memory: PDFs that act, pictures with a payload."""

import io
import struct
import zipfile

import pikepdf
from PIL import Image

from tests.evidence.crafted_pdfs import SHOWN_TEXT, document, pages

CATALOG = b"<</Type/Catalog/Pages 2 0 R"
ALERT = b"app.alert('pwned')"
PAYLOAD = b"MZ this is not a bank statement"


def pdf_with(catalog: bytes = b"", page: bytes = b"", extra: dict[int, bytes] | None = None):
    """A one-page PDF whose catalogue and page carry the given entries (objects from 20)."""
    objects = pages([SHOWN_TEXT])
    objects[1] = CATALOG + catalog + b">>"
    objects[4] = objects[4][:-2] + page + b">>"
    objects.update(extra or {})
    return document(objects)


JS = b"<</S/JavaScript/JS(" + ALERT + b")>>"
EMBEDDED = {
    20: b"<</Type/Filespec/F(a.exe)/EF<</F 21 0 R>>>>",
    21: b"<</Type/EmbeddedFile/Length %d>>stream\n%s\nendstream" % (len(PAYLOAD), PAYLOAD),
}
# Each is a way a PDF acts when opened, clicked or typed into (issue 15 item 2).
ACTIVE_PDFS = {
    "open-action-javascript": pdf_with(catalog=b"/OpenAction" + JS),
    "document-javascript": pdf_with(
        catalog=b"/Names<</JavaScript<</Names[(a) 20 0 R]>>>>", extra={20: JS}
    ),
    "page-open-action": pdf_with(page=b"/AA<</O" + JS + b">>"),
    "annotation-action": pdf_with(
        page=b"/Annots[20 0 R]",
        extra={20: b"<</Type/Annot/Subtype/Widget/Rect[0 0 50 50]/AA<</E" + JS + b">>>>"},
    ),
    "form-field-action": pdf_with(
        catalog=b"/AcroForm<</Fields[20 0 R]>>",
        page=b"/Annots[20 0 R]",
        extra={
            20: b"<</Type/Annot/Subtype/Widget/FT/Tx/T(amount)/Rect[0 0 50 50]"
            b"/AA<</K" + JS + b">>>>"
        },
    ),
    "launch": pdf_with(catalog=b"/OpenAction<</S/Launch/F(cmd.exe)>>"),
    "opens-a-web-page": pdf_with(catalog=b"/OpenAction<</S/URI/URI(http://phish.example/login)>>"),
    "chained-after-a-harmless-open": pdf_with(
        catalog=b"/OpenAction<</S/GoTo/D[4 0 R/Fit]/Next" + JS + b">>"
    ),
    "embedded-file": pdf_with(
        catalog=b"/Names<</EmbeddedFiles<</Names[(a.exe) 20 0 R]>>>>", extra=EMBEDDED
    ),
    "file-attachment-annotation": pdf_with(
        page=b"/Annots[22 0 R]",
        extra={
            **EMBEDDED,
            22: b"<</Type/Annot/Subtype/FileAttachment/Rect[0 0 20 20]/FS 20 0 R>>",
        },
    ),
    "rich-media": pdf_with(
        page=b"/Annots[20 0 R]",
        extra={
            20: b"<</Type/Annot/Subtype/RichMedia/Rect[0 0 50 50]/RichMediaContent 21 0 R>>",
            21: b"<</Assets<<>>/Configurations[]>>",
        },
    ),
}


def signed_pdf() -> bytes:
    """A PDF with a signature field and its value, as a bank's signed statement has."""
    return pdf_with(
        catalog=b"/AcroForm<</Fields[20 0 R]/SigFlags 3>>",
        page=b"/Annots[20 0 R]",
        extra={
            20: b"<</Type/Annot/Subtype/Widget/FT/Sig/T(Signature1)/Rect[0 0 0 0]/V 21 0 R>>",
            21: b"<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/adbe.pkcs7.detached"
            b"/ByteRange[0 100 200 300]/Contents<" + b"00" * 64 + b">>>",
        },
    )


def opens_at_first_page() -> bytes:
    """An open action that only shows page 1 fitted: it acts on nothing."""
    return pdf_with(catalog=b"/OpenAction[4 0 R/Fit]")


def locked_pdf() -> bytes:
    pdf = pikepdf.Pdf.open(io.BytesIO(document(pages([SHOWN_TEXT]))))
    output = io.BytesIO()
    pdf.save(output, encryption=pikepdf.Encryption(user="1234", owner="5678"))
    return output.getvalue()


def script_behind_a_bomb(inflated_bytes: int) -> bytes:
    """A link whose script sits in an object stream that inflates to `inflated_bytes`; the
    page tree sits in other object streams, so the file opens without it."""
    pdf = pikepdf.Pdf.open(io.BytesIO(document(pages([SHOWN_TEXT]))))
    page = pdf.pages[0].obj
    # Written before the link (keys are written in order): they fill the first streams.
    page.AAFiller = pikepdf.Array(
        [pdf.make_indirect(pikepdf.Dictionary(N=number)) for number in range(300)]
    )
    script = pikepdf.Dictionary(
        S=pikepdf.Name.JavaScript,
        JS=pikepdf.String(ALERT),
        Padding=pikepdf.String(bytes(inflated_bytes)),
    )
    link = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 9, 9], A=script
    )
    page.Annots = pikepdf.Array([pdf.make_indirect(link)])
    output = io.BytesIO()
    pdf.save(output, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return output.getvalue()


def many_objects(count: int) -> bytes:
    """A plain PDF whose page holds `count` empty annotations."""
    annotations = {20 + n: b"<</Type/Annot/Subtype/Square/Rect[0 0 1 1]>>" for n in range(count)}
    refs = b" ".join(b"%d 0 R" % number for number in annotations)
    return pdf_with(page=b"/Annots[" + refs + b"]", extra=annotations)


# -- pictures with something appended --------------------------------------------------------


def zip_payload() -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("index.html", "<script>alert(document.cookie)</script>")
    return archive.getvalue()


HTML_PAYLOAD = b"<html><body><script>alert(document.cookie)</script></body></html>"


def picture(fmt: str, size=(64, 48), **save_args) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 160, 90)).save(buffer, format=fmt, **save_args)
    return buffer.getvalue()


def jpeg_with_thumbnail() -> bytes:
    """A JPEG whose APP1 segment holds a whole small JPEG, with its own end marker (EOI)."""
    thumbnail = picture("JPEG", size=(8, 8))
    body = b"Exif\x00\x00" + thumbnail
    app1 = b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    main = picture("JPEG")
    return main[:2] + app1 + main[2:]


def animated(fmt: str) -> bytes:
    """Red, then blue, then green: the print copy must show red."""
    frames = [Image.new("RGB", (40, 40), color) for color in ("red", "blue", "green")]
    buffer = io.BytesIO()
    frames[0].save(buffer, format=fmt, save_all=True, append_images=frames[1:], duration=100)
    return buffer.getvalue()


def statement_with_a_link() -> bytes:
    """A statement whose footer links to the bank's site: clicked, never triggered."""
    return pdf_with(
        page=b"/Annots[20 0 R]",
        extra={
            20: b"<</Type/Annot/Subtype/Link/Rect[0 0 50 50]"
            b"/A<</S/URI/URI(https://bank.example/verify)>>>>"
        },
    )
