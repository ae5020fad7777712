"""MP4, MOV and HEIF files recognised from their first bytes (the `ftyp` box, ISO/IEC 14496-12).

Only what the upload's first kilobyte says; whether a recording is whole and how long it
plays is FFmpeg's to say (claims.evidence.frames). Pure Python; nothing here knows Django.
"""

import struct

# Major or compatible brands of the `ftyp` box.
HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
QUICKTIME_BRANDS = {b"qt  "}
MP4_BRANDS = {
    b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1",
    b"M4V ", b"M4VP", b"3gp4", b"3gp5", b"3gp6", b"3g2a", b"mmp4", b"MSNV", b"dash",
}  # fmt: skip
VIDEO_BRANDS = MP4_BRANDS | QUICKTIME_BRANDS


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
