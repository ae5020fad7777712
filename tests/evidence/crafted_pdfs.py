"""Hostile PDFs made in memory: small files that cost a naive parser seconds or gigabytes.

A tiny writer (numbered objects, a classic xref table) so each case shows exactly what it
abuses. The bench (bench/verify_pdf.py) runs the same corpus.
"""

import io
import random
import zlib

from pypdf import PdfReader, PdfWriter

# Text operators, so a bomb costs the content parser as much as the decompressor.
SHOWN_TEXT = b"BT /F1 12 Tf 72 712 Td (RefundHelper) Tj ET\n"
FONT = b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"
NO_LINE_BREAKS = bytes.maketrans(b"\r\n", b"  ")


def stream(data: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(data, 9)
    head = b"<</Length %d/Filter/FlateDecode%s>>" % (len(packed), extra)
    return head + b"stream\n%s\nendstream" % packed


def document(objects: dict[int, bytes], *, trailer: bytes = b"") -> bytes:
    """Object 1 is the catalogue; a classic xref table, every gap a free entry."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    count = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for number in range(1, count):
        free = number not in offsets
        out += b"0000000000 00000 f \n" if free else b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<</Size %d/Root 1 0 R%s>>\n" % (count, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def pages(contents: list[bytes], *, resources: bytes = b"/Font<</F1 3 0 R>>") -> dict[int, bytes]:
    """Catalogue 1, page tree 2, font 3, then a page object and its content stream per page."""
    objects = {1: b"<</Type/Catalog/Pages 2 0 R>>", 3: FONT}
    kids = []
    for index, content in enumerate(contents):
        page, body = 4 + 2 * index, 5 + 2 * index
        kids.append(b"%d 0 R" % page)
        objects[page] = (
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<<%s>>/Contents %d 0 R>>"
            % (resources, body)
        )
        objects[body] = stream(content)
    objects[2] = b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join(kids), len(kids))
    return objects


def flate_bomb(megabytes: int = 10) -> bytes:
    """Two pages whose content streams inflate to `megabytes` MB each (about 60 KB on disk)."""
    body = SHOWN_TEXT * (megabytes * 1024 * 1024 // len(SHOWN_TEXT))
    return document(pages([body, body]))


def self_drawing_form() -> bytes:
    """A page that draws a form XObject that draws itself: an endless loop of the same work."""
    objects = pages([b"/X0 Do\n"], resources=b"/Font<</F1 3 0 R>>/XObject<</X0 20 0 R>>")
    body = SHOWN_TEXT * 2000 + b"/X0 Do\n" * 50
    objects[20] = stream(
        body,
        b"/Type/XObject/Subtype/Form/BBox[0 0 595 842]"
        b"/Resources<</Font<</F1 3 0 R>>/XObject<</X0 20 0 R>>>>",
    )
    return document(objects)


def looping_page_tree() -> bytes:
    """A page tree whose node lists itself among its kids, under a deep chain of nodes."""
    objects = {1: b"<</Type/Catalog/Pages 2 0 R>>", 3: FONT}
    depth = 5000
    for level in range(depth):
        number = 2 + 2 * level if level else 2
        child = 4 + 2 * level
        objects[number] = b"<</Type/Pages/Kids[%d 0 R 2 0 R]/Count 1000000>>" % child
    objects[4 + 2 * (depth - 1)] = b"<</Type/Pages/Kids[2 0 R]/Count 1>>"
    return document(objects)


def deeply_nested() -> bytes:
    """Metadata whose value is an array nested 200,000 levels deep."""
    objects = pages([SHOWN_TEXT])
    objects[20] = b"<</Keywords %s>>" % (b"[" * 200_000 + b"]" * 200_000)
    return document(objects, trailer=b"/Info 20 0 R")


def many_pages(count: int = 60_000) -> bytes:
    """Tens of thousands of pages sharing one content stream: a page tree to flatten."""
    objects = {1: b"<</Type/Catalog/Pages 2 0 R>>", 3: FONT, 4: stream(SHOWN_TEXT)}
    first = 10
    kids = b" ".join(b"%d 0 R" % (first + index) for index in range(count))
    objects[2] = b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, count)
    for index in range(count):
        objects[first + index] = (
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]"
            b"/Resources<</Font<</F1 3 0 R>>>>/Contents 4 0 R>>"
        )
    return document(objects)


def huge_xref(entries: int = 2_000_000) -> bytes:
    """One real page, then an update whose xref stream declares millions of objects in 10 KB."""
    plain = document(pages([SHOWN_TEXT]))
    previous = int(plain.rsplit(b"startxref\n", 1)[1].split()[0])
    rows = b"\x01\x00\x00\x00\x10\x00" * entries  # "object N is at offset 16"
    xref = stream(
        rows,
        b"/Type/XRef/Size %d/Index[1000 %d]/W[1 4 1]/Root 1 0 R/Prev %d"
        % (1000 + entries, entries, previous),
    )
    offset = len(plain)
    return plain + b"999 0 obj\n%s\nendobj\nstartxref\n%d\n%%%%EOF\n" % (xref, offset)


def huge_page_content(megabytes: int = 10) -> bytes:
    """One page whose content is an array of the same bomb stream repeated."""
    body = SHOWN_TEXT * (megabytes * 1024 * 1024 // len(SHOWN_TEXT))
    objects = pages([SHOWN_TEXT])
    objects[5] = b"[20 0 R 20 0 R 20 0 R 20 0 R]"
    objects[20] = stream(body)
    return document(objects)


def many_forms(copies: int = 100) -> bytes:
    """A page that draws 100 forms, each just under the parser's limits: the clock must stop it."""
    names = [b"/X%d" % index for index in range(copies)]
    xobjects = b"".join(b"%s %d 0 R" % (name, 20 + index) for index, name in enumerate(names))
    objects = pages(
        [b"".join(b"%s Do\n" % name for name in names)],
        resources=b"/Font<</F1 3 0 R>>/XObject<<%s>>" % xobjects,
    )
    body = SHOWN_TEXT * 9000
    for index in range(copies):
        objects[20 + index] = stream(
            body, b"/Type/XObject/Subtype/Form/BBox[0 0 595 842]/Resources<</Font<</F1 3 0 R>>>>"
        )
    return document(objects)


def damaged_deflate(megabytes: int = 4) -> bytes:
    """A page whose deflate stream is noise: pypdf tries to repair it one byte at a time."""
    noise = random.Random(14).randbytes(megabytes * 1024 * 1024)
    objects = pages([SHOWN_TEXT])
    objects[5] = b"<</Length %d/Filter/FlateDecode>>stream\n%s\nendstream" % (len(noise), noise)
    return document(objects)


def huge_xref_table(entries: int = 500_000) -> bytes:
    """A classic xref table of half a million free entries (10 MB) before the real ones."""
    plain = document(pages([SHOWN_TEXT]))
    start = plain.rindex(b"\nxref\n") + 1
    real = plain[start:].split(b"\n")
    count = int(real[1].split()[1])
    table = b"xref\n0 %d\n" % (count + entries) + b"\n".join(real[2 : 2 + count]) + b"\n"
    table += b"0000000000 00000 f \n" * entries
    trailer = b"trailer\n<</Size %d/Root 1 0 R>>\n" % (count + entries)
    return plain[:start] + table + trailer + b"startxref\n%d\n%%%%EOF\n" % start


def huge_font_map(entries: int = 40_000) -> bytes:
    """A page whose font maps glyphs to text through a ToUnicode CMap of about 1 MB."""
    rows = b"".join(b"<%04x> <%04x>\n" % (code, 0x4E00 + code % 20000) for code in range(entries))
    cmap = (
        b"/CIDInit/ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <0000> <ffff> endcodespacerange\n"
        b"%d beginbfchar\n%sendbfchar\nendcmap end end\n" % (entries, rows)
    )
    objects = pages([b"BT /F1 12 Tf 72 712 Td <00010002> Tj ET\n"])
    objects[3] = b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/ToUnicode 20 0 R>>"
    objects[20] = stream(cmap)
    return document(objects)


def encrypted(megabytes: int = 4) -> bytes:
    """RC4 with an empty password over a large content stream: pure-Python decryption."""
    noise = random.Random(14).randbytes(megabytes * 1024 * 1024).translate(NO_LINE_BREAKS)
    plain = document(pages([SHOWN_TEXT + b"%" + noise + b"\n"]))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


CORPUS = {
    "two 10 MB FlateDecode streams": flate_bomb,
    "form XObject drawing itself": self_drawing_form,
    "looping, deep page tree": looping_page_tree,
    "200,000 nested arrays": deeply_nested,
    "60,000 pages": many_pages,
    "xref stream of 2 million entries": huge_xref,
    "content array of four 10 MB streams": huge_page_content,
    "100 forms just under the limits": many_forms,
    "4 MB damaged deflate stream": damaged_deflate,
    "xref table of 500,000 entries": huge_xref_table,
    "1 MB ToUnicode map": huge_font_map,
    "RC4-encrypted 4 MB page": encrypted,
}
