"""Location in ISO base media files: the EXIF and XMP items of HEIC, the location atoms of MP4/MOV.

Everything here is a same-length patch: offsets into the file (iloc extents, chunk offsets)
stay valid, so the picture and the recording play exactly as before. HEIC items are cleaned in
place; a location atom becomes a `free` atom of the same size, zero-filled. Only the box
headers and these small items are read, never the media data. Pure Python over a binary file
object; nothing here knows Django.
"""

import struct

from claims.evidence.location_fields import clean_exif, clean_xmp

# ©xyz: QuickTime and Android ISO 6709 position; loci: 3GPP location information.
LOCATION_ATOMS = {b"\xa9xyz", b"loci"}
# QuickTime metadata keys are reverse-DNS names; Apple's position keys (ISO6709, name,
# accuracy...) all sit in com.apple.quicktime's "location" branch. Compared segment by segment.
LOCATION_KEY = (b"com", b"apple", b"quicktime", b"location")
CONTAINERS = {b"moov", b"trak", b"udta"}
XMP_CONTENT_TYPE = b"application/rdf+xml"
MAX_BOXES = 10_000
MAX_ITEM_BYTES = 4 * 1024 * 1024  # EXIF and XMP items are kilobytes; anything bigger is not ours
MAX_ZERO_BYTES = 1024 * 1024

Patch = tuple[int, bytes]  # (file offset, bytes to write there)


class _Malformed(Exception):
    pass


def location_patches(handle, size: int) -> list[Patch]:
    """Same-length writes that remove every location the boxes hold; [] when none.

    A file whose boxes do not add up keeps the patches found before the damage: the decoders
    decide whether it is accepted at all.
    """
    walker = _Walker(handle)
    try:
        for kind, _start, body, end in walker.children(0, size):
            if kind == b"meta":
                walker.heif_meta(body, end)
            elif kind == b"moov":
                walker.movie(body, end)
    except (_Malformed, struct.error, IndexError, ValueError):
        pass
    return walker.patches


class _Walker:
    def __init__(self, handle):
        self.handle = handle
        self.patches: list[Patch] = []
        self.boxes = 0

    def read(self, offset: int, length: int) -> bytes:
        self.handle.seek(offset)
        data = self.handle.read(length)
        if len(data) < length:
            raise _Malformed("short read")
        return data

    def children(self, start: int, end: int):
        """(type, box start, body start, box end) of each box between start and end."""
        offset = start
        while end - offset >= 8:
            self.boxes += 1
            if self.boxes > MAX_BOXES:
                raise _Malformed("too many boxes")
            size, kind = struct.unpack(">I4s", self.read(offset, 8))
            body = offset + 8
            if size == 1:
                size = struct.unpack(">Q", self.read(offset + 8, 8))[0]
                body += 8
            elif size == 0:
                size = end - offset
            if size < body - offset or offset + size > end:
                raise _Malformed(f"box {kind!r} runs past its container")
            yield kind, offset, body, offset + size
            offset += size

    # MP4 / MOV

    def movie(self, start: int, end: int) -> None:
        for kind, box_start, body, box_end in self.children(start, end):
            if kind in LOCATION_ATOMS:
                self.free(box_start, body, box_end)
            elif kind in CONTAINERS:
                self.movie(body, box_end)
            elif kind == b"meta":
                self.movie_meta(body, box_end)

    def movie_meta(self, start: int, end: int) -> None:
        """QuickTime's meta (keys + ilst) or MP4's (a full box, iTunes-style ilst)."""
        if end - start >= 12 and self.read(start + 4, 4) != b"hdlr":
            start += 4  # ISO meta is a full box: version and flags come first
        location_keys: set[int] = set()
        for kind, _box_start, body, box_end in self.children(start, end):
            if kind == b"keys":
                location_keys = self.location_keys(body, box_end)
            elif kind == b"ilst":
                for item, item_start, item_body, item_end in self.children(body, box_end):
                    index = struct.unpack(">I", item)[0]
                    if item in LOCATION_ATOMS or index in location_keys:
                        self.free(item_start, item_body, item_end)

    def location_keys(self, start: int, end: int) -> set[int]:
        """1-based indexes of the keys that name a location (ilst items are typed by index)."""
        count = struct.unpack(">I", self.read(start + 4, 4))[0]
        offset, keys = start + 8, set()
        for index in range(1, count + 1):
            if offset + 8 > end:
                break
            size = struct.unpack(">I", self.read(offset, 4))[0]
            if size < 8 or offset + size > end:
                raise _Malformed("bad key")
            name = self.read(offset + 8, size - 8)
            if tuple(name.split(b".")[: len(LOCATION_KEY)]) == LOCATION_KEY:
                keys.add(index)
            offset += size
        return keys

    def free(self, start: int, body: int, end: int) -> None:
        """Turn a box into a `free` box of the same size, its content zeroed."""
        self.patches.append((start + 4, b"free"))
        self.patches.append((body, bytes(min(end - body, MAX_ZERO_BYTES))))

    # HEIC / HEIF

    def heif_meta(self, start: int, end: int) -> None:
        start += 4  # a full box
        types: dict[int, tuple[bytes, bytes]] = {}
        extents: dict[int, list[tuple[int, int]]] = {}
        idat = None
        for kind, _box_start, body, box_end in self.children(start, end):
            if kind == b"iinf":
                types = self.item_types(body, box_end)
            elif kind == b"iloc":
                extents = self.item_extents(body, box_end)
            elif kind == b"idat":
                idat = body
        for item, (item_type, content_type) in types.items():
            if item_type == b"Exif":
                self.clean_item(extents.get(item, []), idat, _clean_exif_item)
            elif item_type == b"mime" and content_type == XMP_CONTENT_TYPE:
                self.clean_item(
                    extents.get(item, []), idat, lambda data: clean_xmp(data, same_length=True)
                )

    def item_types(self, start: int, end: int) -> dict[int, tuple[bytes, bytes]]:
        """item_ID -> (item_type, content_type) from `infe` boxes of version 2 and 3."""
        version = self.read(start, 1)[0]
        offset = start + (6 if version == 0 else 8)
        types = {}
        for kind, _box_start, body, box_end in self.children(offset, end):
            if kind != b"infe":
                continue
            data = self.read(body, min(box_end - body, 1024))
            version = data[0]
            if version == 2:
                item, item_type, rest = struct.unpack(">H", data[4:6])[0], data[8:12], data[12:]
            elif version == 3:
                item, item_type, rest = struct.unpack(">I", data[4:8])[0], data[10:14], data[14:]
            else:
                continue
            content_type = rest.split(b"\0")[1] if rest.count(b"\0") >= 2 else b""
            types[item] = (item_type, content_type)
        return types

    def item_extents(self, start: int, end: int) -> dict[int, list[tuple[int, int]]]:
        """item_ID -> [(construction method, offset, length)] from `iloc` (versions 0 to 2)."""
        data = self.read(start, min(end - start, MAX_ITEM_BYTES))
        version = data[0]
        sizes = data[4] << 8 | data[5]
        offset_size, length_size = sizes >> 12, (sizes >> 8) & 0xF
        base_size, index_size = (sizes >> 4) & 0xF, sizes & 0xF
        pos = 6
        count, pos = _uint(data, pos, 2 if version < 2 else 4)
        items = {}
        for _ in range(count):
            item, pos = _uint(data, pos, 2 if version < 2 else 4)
            method = 0
            if version in (1, 2):
                method, pos = _uint(data, pos, 2)
                method &= 0xF
            pos += 2  # data_reference_index
            base, pos = _uint(data, pos, base_size)
            extent_count, pos = _uint(data, pos, 2)
            pieces = []
            for _ in range(extent_count):
                if version in (1, 2) and index_size:
                    pos += index_size
                extent_offset, pos = _uint(data, pos, offset_size)
                length, pos = _uint(data, pos, length_size)
                pieces.append((method, base + extent_offset, length))
            items[item] = pieces
        return items

    def clean_item(self, pieces, idat, clean) -> None:
        """Read an item's extents, clean them as one block, write back the changed bytes."""
        spans = []
        for method, offset, length in pieces:
            if method == 1 and idat is not None:
                offset += idat
            elif method != 0:
                return  # an item built from other items: not a place for metadata
            spans.append((offset, length))
        if not spans or sum(length for _offset, length in spans) > MAX_ITEM_BYTES:
            return
        data = b"".join(self.read(offset, length) for offset, length in spans)
        cleaned = clean(data)
        if cleaned is data:
            return
        pos = 0
        for offset, length in spans:
            if cleaned[pos : pos + length] != data[pos : pos + length]:
                self.patches.append((offset, cleaned[pos : pos + length]))
            pos += length


def _clean_exif_item(data: bytes) -> bytes:
    """A HEIF Exif item starts with the offset of the TIFF header after its own 4 bytes."""
    if len(data) < 4:
        return data
    start = 4 + struct.unpack(">I", data[:4])[0]
    if start > len(data):
        return data[:4] + clean_exif(data[4:])
    tiff = data[start:]
    cleaned = clean_exif(tiff)
    return data if cleaned is tiff else data[:start] + cleaned


def _uint(data: bytes, pos: int, width: int) -> tuple[int, int]:
    if width == 0:
        return 0, pos
    if pos + width > len(data):
        raise _Malformed("iloc runs past its box")
    return int.from_bytes(data[pos : pos + width], "big"), pos + width
