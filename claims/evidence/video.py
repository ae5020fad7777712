"""MP4 and MOV screen recordings: recognised and checked from their ISO base media boxes.

No decoder and no system tool: we read the box headers (ISO/IEC 14496-12), which say what
the file is, whether it is complete, and how long it plays (the `mvhd` box of `moov`).
Pure Python over a binary file object; nothing here knows Django.
"""

import struct
from dataclasses import dataclass

# Major or compatible brands of the `ftyp` box.
HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
QUICKTIME_BRANDS = {b"qt  "}
MP4_BRANDS = {
    b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1",
    b"M4V ", b"M4VP", b"3gp4", b"3gp5", b"3gp6", b"3g2a", b"mmp4", b"MSNV", b"dash",
}  # fmt: skip
VIDEO_BRANDS = MP4_BRANDS | QUICKTIME_BRANDS
MAX_TOP_LEVEL_BOXES = 10_000


class DamagedVideo(Exception):
    """The boxes do not add up: the file is cut off or corrupt."""


@dataclass(frozen=True)
class VideoInfo:
    content_type: str
    extension: str
    duration_ms: int | None
    width: int | None
    height: int | None


def ftyp_brands(head: bytes) -> tuple[bytes, set[bytes]] | None:
    """(major brand, all brands) when the bytes start with an `ftyp` box, else None."""
    if len(head) < 16 or head[4:8] != b"ftyp":
        return None
    size = struct.unpack(">I", head[:4])[0]
    if size < 16:
        return None
    body = head[8 : min(size, len(head))]
    major = body[:4]
    compatible = {body[i : i + 4] for i in range(8, len(body) - 3, 4)}
    return major, {major} | compatible


def is_heif(head: bytes) -> bool:
    brands = ftyp_brands(head)
    return brands is not None and brands[0] in HEIF_BRANDS


def is_video(head: bytes) -> bool:
    brands = ftyp_brands(head)
    return brands is not None and not is_heif(head) and bool(brands[1] & VIDEO_BRANDS)


def inspect_video(handle, size: int) -> VideoInfo:
    """Walk the top-level boxes of a file already sniffed by is_video(); raise DamagedVideo."""
    major, _brands = ftyp_brands(_read_at(handle, 0, 64))
    moov = None
    offset = 0
    for _ in range(MAX_TOP_LEVEL_BOXES):
        if offset == size:
            break
        kind, body_start, box_end = _box_at(handle, offset, size)
        if kind == b"moov":
            moov = (body_start, box_end)
        offset = box_end
    else:
        raise DamagedVideo("too many boxes")
    if moov is None:
        raise DamagedVideo("no moov box")
    duration_ms, width, height = _read_moov(handle, *moov)
    quicktime = major in QUICKTIME_BRANDS
    return VideoInfo(
        content_type="video/quicktime" if quicktime else "video/mp4",
        extension="mov" if quicktime else "mp4",
        duration_ms=duration_ms,
        width=width,
        height=height,
    )


def _read_at(handle, offset: int, length: int) -> bytes:
    handle.seek(offset)
    return handle.read(length)


def _box_at(handle, offset: int, limit: int) -> tuple[bytes, int, int]:
    """(type, start of body, end of box) of the box at offset, which must end by limit."""
    header = _read_at(handle, offset, 16)
    if len(header) < 8:
        raise DamagedVideo("short box header")
    size, kind = struct.unpack(">I4s", header[:8])
    body_start = offset + 8
    if size == 1:
        if len(header) < 16:
            raise DamagedVideo("short large-size header")
        size = struct.unpack(">Q", header[8:16])[0]
        body_start = offset + 16
    elif size == 0:
        size = limit - offset
    if size < body_start - offset or offset + size > limit:
        raise DamagedVideo(f"box {kind!r} runs past its container")
    return kind, body_start, offset + size


def _children(handle, start: int, end: int):
    offset = start
    while offset < end:
        kind, body_start, box_end = _box_at(handle, offset, end)
        yield kind, body_start, box_end
        offset = box_end


def _read_moov(handle, start: int, end: int) -> tuple[int | None, int | None, int | None]:
    duration_ms = width = height = None
    for kind, body_start, box_end in _children(handle, start, end):
        if kind == b"mvhd":
            duration_ms = _mvhd_duration(_read_at(handle, body_start, box_end - body_start))
        elif kind == b"trak" and width is None:
            width, height = _track_size(handle, body_start, box_end)
    return duration_ms, width, height


def _mvhd_duration(body: bytes) -> int | None:
    """Version 0: 32-bit times; version 1: 64-bit. All ones means 'unknown'."""
    if len(body) < 4:
        return None
    version = body[0]
    if version == 1 and len(body) >= 32:
        timescale, duration = struct.unpack(">IQ", body[20:32])
        unknown = 0xFFFF_FFFF_FFFF_FFFF
    elif version == 0 and len(body) >= 20:
        timescale, duration = struct.unpack(">II", body[12:20])
        unknown = 0xFFFF_FFFF
    else:
        return None
    if timescale == 0 or duration == unknown:
        return None
    return duration * 1000 // timescale


def _track_size(handle, start: int, end: int) -> tuple[int | None, int | None]:
    """The presentation size in a video track's `tkhd` (16.16 fixed point); None for audio."""
    for kind, body_start, box_end in _children(handle, start, end):
        if kind != b"tkhd":
            continue
        body = _read_at(handle, body_start, box_end - body_start)
        tail = body[-8:] if len(body) >= 84 else b""
        if len(tail) == 8:
            width, height = (value >> 16 for value in struct.unpack(">II", tail))
            if width and height:
                return width, height
    return None, None
