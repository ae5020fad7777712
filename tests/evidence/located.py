"""Files that say where they were made, built in memory: photos in four formats, recordings."""

import io
import struct

from PIL import Image, IptcImagePlugin, PngImagePlugin

import claims.evidence.images  # noqa: F401  registers the HEIF opener used below
from tests.evidence.samples import box, mp4_bytes, phone_exif, two_tone

TAKEN = "2026:11:20 21:14:05"
PLACE = b"+39.9075+116.3972"  # Tiananmen, as ISO 6709 text
CITY = "Dongcheng"
XMP = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
    exif:GPSLatitude="39,54.45N" photoshop:City="{CITY}" photoshop:Country="China"
    xmp:CreateDate="2026-11-20T21:14:05+08:00" Iptc4xmpCore:Location="Tiananmen">
   <exif:GPSLongitude>116,23.83E</exif:GPSLongitude>
   <photoshop:State>Beijing</photoshop:State>
   <Iptc4xmpExt:LocationShown><rdf:Bag><rdf:li rdf:parseType="Resource">
    <Iptc4xmpExt:City>{CITY}</Iptc4xmpExt:City>
   </rdf:li></rdf:Bag></Iptc4xmpExt:LocationShown>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
{" " * 200}
<?xpacket end="w"?>"""
PLACE_WORDS = (CITY.encode(), b"Beijing", b"China", b"Tiananmen", b"GPSLatitude", b"GPSLongitude")


def located_photo(fmt: str) -> bytes:
    """Two-tone pixels with EXIF GPS, capture time and XMP location, as a phone saves them."""
    buffer = io.BytesIO()
    exif = phone_exif(orientation=1, taken=TAKEN)
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_itxt("XML:com.adobe.xmp", XMP, zip=True)
        two_tone().save(buffer, format="PNG", exif=exif, pnginfo=info)
    elif fmt == "HEIF":
        two_tone().save(buffer, format="HEIF", exif=exif.tobytes(), xmp=XMP.encode(), quality=80)
    else:
        two_tone().save(buffer, format=fmt, exif=exif, xmp=XMP.encode())
    return buffer.getvalue()


def iim(record: int, dataset: int, value: bytes) -> bytes:
    return bytes([0x1C, record, dataset]) + struct.pack(">H", len(value)) + value


def jpeg_with_iptc() -> bytes:
    """A JPEG whose Photoshop APP13 holds IPTC city, country and a caption."""
    datasets = iim(2, 90, CITY.encode()) + iim(2, 101, b"China") + iim(2, 120, b"bill page")
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(datasets)) + datasets
    resource += b"\0" * (len(datasets) & 1)
    body = b"Photoshop 3.0\x00" + resource
    jpeg = located_photo("JPEG")
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", 2 + len(body)) + body + jpeg[2:]


def iptc_of(data: bytes) -> dict:
    return IptcImagePlugin.getiptcinfo(Image.open(io.BytesIO(data))) or {}


def scan_data(jpeg: bytes) -> bytes:
    """Everything from the first start-of-scan marker on: the entropy-coded image."""
    pos = 2
    while jpeg[pos + 1] != 0xDA:
        pos += 2 + struct.unpack_from(">H", jpeg, pos + 2)[0]
    return jpeg[pos:]


def key(name: bytes) -> bytes:
    return struct.pack(">I", 8 + len(name)) + b"mdta" + name


def item(index: int, value: bytes) -> bytes:
    return box(struct.pack(">I", index), box(b"data", struct.pack(">II", 1, 0) + value))


def located_recording(brand=b"qt  ") -> bytes:
    """A real, playable recording (PyAV) given every place a phone writes its position: a
    track's udta ©xyz, the movie's udta loci and iTunes ©xyz, and QuickTime metadata keys
    (Apple's ISO6709 key beside a harmless make key). The index comes last, as phones write
    it, so growing it moves no sample."""
    xyz = box(b"\xa9xyz", struct.pack(">HH", len(PLACE) + 1, 0x15C7) + PLACE + b"/")
    loci = box(b"loci", bytes(6) + b"Home\0\0" + struct.pack(">iii", 7628, 2615, 44) + b"\0\0")
    keys = box(
        b"keys",
        bytes(4)
        + struct.pack(">I", 2)
        + key(b"com.apple.quicktime.make")
        + key(b"com.apple.quicktime.location.ISO6709"),
    )
    ilst = box(b"ilst", item(1, b"Apple") + item(2, PLACE + b"+044.000/"))
    meta = box(b"meta", box(b"hdlr", bytes(8) + b"mdta" + bytes(12)) + keys + ilst)
    # MP4's own metadata: udta/meta is a full box with an iTunes-style ilst.
    itunes_ilst = box(b"ilst", box(b"\xa9xyz", box(b"data", bytes(8) + PLACE + b"/")))
    itunes = box(b"meta", bytes(4) + box(b"hdlr", bytes(8) + b"mdir" + bytes(12)) + itunes_ilst)

    data = mp4_bytes(duration=3000, brand=brand, size=(64, 128))
    moov_at = data.rindex(b"moov") - 4
    assert moov_at + struct.unpack_from(">I", data, moov_at)[0] == len(data)
    body = data[moov_at + 8 :]
    trak_at = body.index(b"trak") - 4
    trak_end = trak_at + struct.unpack_from(">I", body, trak_at)[0]
    trak = box(b"trak", body[trak_at + 8 : trak_end] + box(b"udta", xyz))
    body = body[:trak_at] + trak + body[trak_end:] + box(b"udta", loci + itunes) + meta
    return data[:moov_at] + box(b"moov", body)
