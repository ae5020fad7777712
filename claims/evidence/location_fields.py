"""The location fields of photo metadata: EXIF's GPS IFD, XMP location properties, IPTC-IIM.

Each cleaner takes one metadata block and returns it without its location, or the very same
object when it had none. Everything else (capture time, camera, orientation) stays as it was.
EXIF and same-length XMP rewrites keep the block's length, so containers that point into it by
offset (HEIC, TIFF) stay valid. Pure Python; nothing here knows Django.
"""

import re
import struct

from lxml import etree

GPS_IFD_TAG = 0x8825
# TIFF field types -> bytes per value (TIFF 6.0 and BigTIFF's 8-byte types).
TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
EXIF_PREFIX = b"Exif\x00\x00"
# A valid TIFF header with an empty IFD0: what a garbled EXIF block becomes, so readers that
# insist on a TIFF header still open the file.
EMPTY_TIFF = b"MM\x00\x2a\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00"
MAX_IFDS = 8

NS_PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"
NS_IPTC_CORE = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
NS_IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
# Beyond every GPS* property (exif:, and makers' own such as drone-dji:GpsLatitude).
XMP_LOCATION_NAMES = {
    NS_PHOTOSHOP: {"City", "State", "Country"},
    NS_IPTC_CORE: {"Location", "CountryCode"},
    NS_IPTC_EXT: {"LocationCreated", "LocationShown"},
}
XMP_HINT = re.compile(rb"gps|city|state|country|location", re.IGNORECASE)
EMPTY_XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"/>'
XPACKET_END = b"<?xpacket end"

# IPTC-IIM record 2 datasets that place the picture (IIM 4.2, chapter 6).
IIM_LOCATION = {26, 27, 90, 92, 95, 100, 101}
IIM_MARKER = 0x1C


class Malformed(Exception):
    """A block we cannot walk; callers replace it with an empty one."""


def clean_exif(block: bytes) -> bytes:
    """EXIF (TIFF, optionally after 'Exif\\0\\0') without its GPS IFD, at the same length."""
    start = len(EXIF_PREFIX) if block.startswith(EXIF_PREFIX) else 0
    try:
        tiff = _without_gps(block[start:])
    except (Malformed, struct.error):
        return block[:start] + _empty_tiff(len(block) - start)
    if tiff is None:
        return block
    return block[:start] + tiff


def _empty_tiff(length: int) -> bytes:
    if length < len(EMPTY_TIFF):
        return bytes(length)
    return EMPTY_TIFF + bytes(length - len(EMPTY_TIFF))


def _without_gps(tiff: bytes) -> bytes | None:
    """Drop the GPSInfo entry from each top-level IFD and zero the GPS IFD; None if none."""
    if tiff[:2] == b"II":
        order = "<"
    elif tiff[:2] == b"MM":
        order = ">"
    else:
        raise Malformed("no TIFF byte order")
    magic, offset = struct.unpack(order + "HI", tiff[2:8])
    if magic != 42:
        raise Malformed("not TIFF")
    out = bytearray(tiff)
    changed = False
    seen = set()
    while offset and offset not in seen and len(seen) < MAX_IFDS:
        seen.add(offset)
        count = _u16(tiff, offset, order)
        table_end = offset + 2 + 12 * count
        if table_end + 4 > len(tiff):
            raise Malformed("IFD runs past the block")
        entries = [tiff[offset + 2 + 12 * i : offset + 14 + 12 * i] for i in range(count)]
        next_offset = _u32(tiff, table_end, order)
        kept = [entry for entry in entries if _u16(entry, 0, order) != GPS_IFD_TAG]
        for entry in entries:
            if _u16(entry, 0, order) == GPS_IFD_TAG:
                _zero_ifd(out, tiff, _u32(entry, 8, order), order)
        if len(kept) < count:
            # Same length: the table shrinks, the next-IFD pointer moves up, zeros fill the rest.
            out[offset : table_end + 4] = (
                struct.pack(order + "H", len(kept))
                + b"".join(kept)
                + struct.pack(order + "I", next_offset)
                + bytes(12 * (count - len(kept)))
            )
            changed = True
        offset = next_offset
    return bytes(out) if changed else None


def _zero_ifd(out: bytearray, tiff: bytes, offset: int, order: str) -> None:
    """Zero an IFD's table and the values it points to (the coordinates live there)."""
    if offset + 2 > len(tiff):
        return
    count = _u16(tiff, offset, order)
    table_end = min(offset + 2 + 12 * count + 4, len(tiff))
    for i in range(count):
        entry = tiff[offset + 2 + 12 * i : offset + 14 + 12 * i]
        if len(entry) < 12:
            break
        kind, number = struct.unpack(order + "HI", entry[2:8])
        size = TYPE_SIZES.get(kind, 0) * number
        value_offset = _u32(entry, 8, order)
        if size > 4 and value_offset + size <= len(tiff):
            out[value_offset : value_offset + size] = bytes(size)
    out[offset:table_end] = bytes(table_end - offset)


def _u16(data: bytes, offset: int, order: str) -> int:
    return struct.unpack_from(order + "H", data, offset)[0]


def _u32(data: bytes, offset: int, order: str) -> int:
    return struct.unpack_from(order + "I", data, offset)[0]


def clean_xmp(packet: bytes, *, same_length: bool = False) -> bytes:
    """An XMP packet without GPS, city, state, country or IPTC location properties.

    With same_length the result is padded with spaces to the packet's length; a packet that
    cannot be read, or that would grow, becomes an empty one.
    """
    if not XMP_HINT.search(packet):
        return packet
    try:
        cleaned = _xmp_without_location(packet)
    except Malformed:
        cleaned = EMPTY_XMP
    if cleaned is None:
        return packet
    if not same_length:
        return cleaned
    if len(cleaned) > len(packet):
        cleaned = EMPTY_XMP if len(EMPTY_XMP) <= len(packet) else b""
    padding = b" " * (len(packet) - len(cleaned))
    end = cleaned.rfind(XPACKET_END)
    if end == -1:
        return cleaned + padding
    return cleaned[:end] + padding + cleaned[end:]


def _xmp_without_location(packet: bytes) -> bytes | None:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(packet.strip(b"\x00 \t\r\n"), parser)
    except (etree.LxmlError, ValueError) as exc:
        raise Malformed("XMP does not parse") from exc
    doomed = []
    changed = False
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        if _is_location(element.tag):
            doomed.append(element)
            continue
        for name in [name for name in element.attrib if _is_location(name)]:
            del element.attrib[name]
            changed = True
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
            changed = True
    if not changed:
        return None
    return etree.tostring(root.getroottree(), encoding="utf-8")


def _is_location(name: str) -> bool:
    namespace, _, local = name[1:].rpartition("}") if name.startswith("{") else ("", "", name)
    return local.lower().startswith("gps") or local in XMP_LOCATION_NAMES.get(namespace, ())


def clean_iim(data: bytes) -> bytes:
    """IPTC-IIM datasets without the place ones (city, state, country, sublocation)."""
    kept = []
    changed = False
    pos = 0
    while pos + 5 <= len(data) and data[pos] == IIM_MARKER:
        record, dataset, length = struct.unpack_from(">BBH", data, pos + 1)
        header = 5
        if length & 0x8000:
            width = length & 0x7FFF
            if width > 4:
                raise Malformed("IIM length field too wide")
            length = int.from_bytes(data[pos + 5 : pos + 5 + width], "big")
            header += width
        end = pos + header + length
        if end > len(data):
            raise Malformed("IIM dataset runs past the block")
        if record == 2 and dataset in IIM_LOCATION:
            changed = True
        else:
            kept.append(data[pos:end])
        pos = end
    if not changed:
        return data
    return b"".join(kept) + data[pos:]
