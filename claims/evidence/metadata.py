"""Location metadata out of every file the app keeps, without touching a pixel or a frame.

A phone photo carries where it was taken (EXIF GPS, XMP, IPTC) and a phone recording where it
was made (ISO 6709 atoms). PIPL art. 28 counts whereabouts as sensitive, and the dossier only
needs what the file shows, so the original is kept without them. Only metadata blocks are
rewritten: JPEG scan data, PNG IDAT, WebP bitstreams and HEIC/MP4 media data stay
byte-identical, and so do the capture time and the rest of EXIF. A file with no location comes
back as the very same object. Pure Python; nothing here knows Django.
"""

import io
import struct
import zlib

from claims.evidence.location_boxes import location_patches
from claims.evidence.location_fields import (
    EXIF_PREFIX,
    Malformed,
    clean_exif,
    clean_iim,
    clean_xmp,
)

JPEG_SOI = b"\xff\xd8"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
XMP_APP1 = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXTENSION_APP1 = b"http://ns.adobe.com/xmp/extension/\x00"
PHOTOSHOP_APP13 = b"Photoshop 3.0\x00"
# Photoshop image resources that hold metadata: IPTC-IIM, its digest, EXIF (two kinds), XMP.
IRB_IIM, IRB_IIM_DIGEST, IRB_EXIF, IRB_EXIF_3, IRB_XMP = 0x0404, 0x0425, 0x0422, 0x0423, 0x0424
PNG_XMP_KEYWORD = b"XML:com.adobe.xmp"
PNG_RAW_PROFILE = b"Raw profile type "
MAX_TEXT_BYTES = 4 * 1024 * 1024


def without_location(data: bytes) -> bytes:
    """The file's bytes without location metadata (JPEG, PNG, WebP, HEIC, MP4, MOV)."""
    if data.startswith(JPEG_SOI):
        return _jpeg(data)
    if data.startswith(PNG_SIGNATURE):
        return _png(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    if data[4:8] == b"ftyp":
        patches = location_patches(io.BytesIO(data), len(data))
        if not patches:
            return data
        out = bytearray(data)
        for offset, chunk in patches:
            out[offset : offset + len(chunk)] = chunk
        return bytes(out)
    return data


def strip_location_in_place(handle) -> bool:
    """Blank the location boxes of an MP4/MOV/HEIC file opened read-write; True if any.

    For recordings too large to hold in memory: every write keeps the file's length.
    """
    handle.seek(0)
    if handle.read(8)[4:8] != b"ftyp":
        handle.seek(0)
        return False
    size = handle.seek(0, io.SEEK_END)
    patches = location_patches(handle, size)
    for offset, chunk in patches:
        handle.seek(offset)
        handle.write(chunk)
    handle.seek(0)
    return bool(patches)


# JPEG: walk the marker segments up to the first scan; the scan and all after it is copied.


def _jpeg(data: bytes) -> bytes:
    out = [JPEG_SOI]
    pos = len(JPEG_SOI)
    changed = False
    while pos + 4 <= len(data):
        marker_at = pos
        while marker_at + 1 < len(data) and data[marker_at + 1] == 0xFF:
            marker_at += 1  # fill bytes
        if data[pos] != 0xFF or marker_at + 4 > len(data):
            return data  # not a marker: leave the file to the decoder's verdict
        marker = data[marker_at + 1]
        if marker in (0xDA, 0xD9):  # start of scan, end of image
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length field
            out.append(data[pos : marker_at + 2])
            pos = marker_at + 2
            continue
        length = struct.unpack_from(">H", data, marker_at + 2)[0]
        end = marker_at + 2 + length
        if length < 2 or end > len(data):
            return data
        body = data[marker_at + 4 : end]
        cleaned = _jpeg_segment(marker, body)
        if cleaned is body:
            out.append(data[pos:end])
        else:
            changed = True
            if cleaned is not None:
                out.append(bytes([0xFF, marker]) + struct.pack(">H", len(cleaned) + 2) + cleaned)
        pos = end
    if not changed:
        return data
    out.append(data[pos:])
    return b"".join(out)


def _jpeg_segment(marker: int, body: bytes) -> bytes | None:
    """The segment's body cleaned, the same object if untouched, None to drop it."""
    if marker == 0xE1 and body.startswith(EXIF_PREFIX):
        return clean_exif(body)
    if marker == 0xE1 and body.startswith(XMP_APP1):
        packet = body[len(XMP_APP1) :]
        cleaned = clean_xmp(packet)
        return body if cleaned is packet else XMP_APP1 + cleaned
    if marker == 0xE1 and body.startswith(XMP_EXTENSION_APP1):
        # A slice of a larger packet that cannot be parsed alone: dropped if it names a place.
        return None if _names_a_place(body) else body
    if marker == 0xED and body.startswith(PHOTOSHOP_APP13):
        try:
            return _photoshop_resources(body)
        except (Malformed, struct.error):
            return None
    return body


def _names_a_place(xml: bytes) -> bool:
    """A prefixed XML name of a location property (base64 data never has a colon)."""
    for name in (b":GPS", b":Gps", b":City", b":State", b":Country", b":Location"):
        if name in xml:
            return True
    return False


def _photoshop_resources(body: bytes) -> bytes:
    """APP13's image resource blocks with IPTC, EXIF and XMP cleaned; digest dropped if stale."""
    pos = len(PHOTOSHOP_APP13)
    blocks = []
    changed = False
    while pos < len(body):
        if body[pos : pos + 4] != b"8BIM":
            raise Malformed("not an image resource block")
        resource = struct.unpack_from(">H", body, pos + 4)[0]
        name_end = pos + 6 + ((1 + body[pos + 6] + 1) & ~1)  # Pascal string padded to even
        size = struct.unpack_from(">I", body, name_end)[0]
        start = name_end + 4
        if start + size > len(body):
            raise Malformed("resource runs past the segment")
        data = body[start : start + size]
        cleaned = data
        if resource == IRB_IIM:
            cleaned = clean_iim(data)
        elif resource in (IRB_EXIF, IRB_EXIF_3):
            cleaned = clean_exif(data)
        elif resource == IRB_XMP:
            cleaned = clean_xmp(data)
        changed = changed or cleaned is not data
        blocks.append((resource, body[pos:name_end], cleaned))
        pos = start + size + (size & 1)
    if not changed:
        return body
    out = [PHOTOSHOP_APP13]
    for resource, header, data in blocks:
        if resource == IRB_IIM_DIGEST:
            continue  # an MD5 of the IPTC data as it was
        out.append(header + struct.pack(">I", len(data)) + data + b"\0" * (len(data) & 1))
    return b"".join(out)


# PNG: chunks are length-prefixed and checksummed; only metadata chunks are rewritten.


def _png(data: bytes) -> bytes:
    out = [PNG_SIGNATURE]
    pos = len(PNG_SIGNATURE)
    changed = False
    while pos + 12 <= len(data):
        length = struct.unpack_from(">I", data, pos)[0]
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data) or kind == b"IEND":
            break
        body = data[pos + 8 : pos + 8 + length]
        cleaned = _png_chunk(kind, body)
        if cleaned is body:
            out.append(data[pos:end])
        else:
            changed = True
            if cleaned is not None:
                checksum = zlib.crc32(kind + cleaned)
                out.append(struct.pack(">I", len(cleaned)) + kind + cleaned)
                out.append(struct.pack(">I", checksum))
        pos = end
    if not changed:
        return data
    out.append(data[pos:])
    return b"".join(out)


def _png_chunk(kind: bytes, body: bytes) -> bytes | None:
    if kind == b"eXIf":
        return clean_exif(body)
    if kind not in (b"iTXt", b"tEXt", b"zTXt"):
        return body
    keyword = body.split(b"\0", 1)[0]
    if keyword == PNG_XMP_KEYWORD and kind == b"iTXt":
        return _png_xmp(body)
    if keyword.startswith(PNG_RAW_PROFILE):
        # ImageMagick's hex-encoded EXIF/XMP/IPTC copies: dropped when they name a place.
        text = _text_chunk(kind, body)
        if text is None or _raw_profile_has_location(text):
            return None
    return body


def _png_xmp(body: bytes) -> bytes | None:
    keyword, rest = body.split(b"\0", 1)
    compressed = rest[:1] == b"\x01"
    try:
        language, translated, text = rest[2:].split(b"\0", 2)
    except ValueError:
        return None
    packet = _inflate(text) if compressed else text
    if packet is None:
        return None
    cleaned = clean_xmp(packet)
    if cleaned is packet:
        return body
    if compressed:
        return keyword + b"\0\1\0" + language + b"\0" + translated + b"\0" + zlib.compress(cleaned)
    return keyword + b"\0\0\0" + language + b"\0" + translated + b"\0" + cleaned


def _text_chunk(kind: bytes, body: bytes) -> bytes | None:
    """The text of a tEXt, zTXt or iTXt chunk; None when it does not read."""
    rest = body.split(b"\0", 1)[1] if b"\0" in body else b""
    if kind == b"tEXt":
        return rest
    if kind == b"zTXt":
        return _inflate(rest[1:])
    parts = rest[2:].split(b"\0", 2)
    if len(parts) < 3:
        return None
    return _inflate(parts[2]) if rest[:1] == b"\x01" else parts[2]


def _raw_profile_has_location(text: bytes) -> bool:
    try:
        payload = bytes.fromhex("".join(text.decode("ascii").split("\n")[3:]))
    except (UnicodeDecodeError, ValueError):
        return True
    if payload.startswith(EXIF_PREFIX) or payload[:4] in (b"II*\0", b"MM\0*"):
        return clean_exif(payload) is not payload
    return clean_xmp(payload) is not payload or clean_iim(payload) is not payload


def _inflate(data: bytes) -> bytes | None:
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(data, MAX_TEXT_BYTES)
    except zlib.error:
        return None
    return None if inflater.unconsumed_tail else text


# WebP: RIFF chunks (little-endian sizes, padded to even); the container size is rewritten.


def _webp(data: bytes) -> bytes:
    riff_end = min(8 + struct.unpack_from("<I", data, 4)[0], len(data))
    out = [b""]  # the RIFF header, once its size is known
    pos = 12
    changed = False
    while pos + 8 <= riff_end:
        kind = data[pos : pos + 4]
        size = struct.unpack_from("<I", data, pos + 4)[0]
        end = min(pos + 8 + size + (size & 1), riff_end)
        if pos + 8 + size > riff_end:
            return data
        body = data[pos + 8 : pos + 8 + size]
        cleaned = body
        if kind == b"EXIF":
            cleaned = clean_exif(body)
        elif kind == b"XMP ":
            cleaned = clean_xmp(body)
        if cleaned is body:
            out.append(data[pos:end])
        else:
            changed = True
            padding = b"\0" * (len(cleaned) & 1)
            out.append(kind + struct.pack("<I", len(cleaned)) + cleaned + padding)
        pos = end
    if not changed:
        return data
    out.append(data[pos:riff_end])
    riff = b"".join(out)
    out[0] = b"RIFF" + struct.pack("<I", 4 + len(riff)) + b"WEBP"
    return b"".join(out) + data[riff_end:]
