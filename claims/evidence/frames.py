"""Screen recordings read by FFmpeg's own demuxer and decoders (PyAV; its wheel carries them).

Two uses. At upload, `inspect_video` opens the container and walks its packets without
decoding a picture: that says how long the recording plays, how big its picture is and
whether every sample the index lists is really in the file (a cut-off upload is not). In the
task worker, `key_frames` decodes a few evenly spaced frames for the dossier, under a time
budget and with bounded pictures. Nothing here knows Django.
"""

import io
import time
from dataclasses import dataclass

import av
from PIL import Image

from claims.evidence.video import QUICKTIME_BRANDS, ftyp_brands

# FFmpeg's demuxer for ISO base media files (MP4, MOV, 3GP): the only one we let it use.
DEMUXER = "mov"
# Checked every so many packets or frames: asking the clock is cheap, but not free.
CHECK_EVERY = 64
JPEG_QUALITY = 82


class DamagedVideo(Exception):
    """The file is cut off, corrupt or has no picture: it does not play as a whole."""


class TooCostly(Exception):
    """Reading the file would take longer than its time budget."""


@dataclass(frozen=True)
class VideoInfo:
    content_type: str
    extension: str
    duration_ms: int | None
    width: int | None
    height: int | None
    creation_time: str | None = None  # the container's tag, as written (capture_time reads it)


@dataclass(frozen=True)
class Frame:
    at_ms: int
    jpeg: bytes
    width: int
    height: int


class _Deadline:
    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise TooCostly


def inspect_video(handle, size: int, *, seconds: float = 5.0) -> VideoInfo:
    """What an upload sniffed as MP4/MOV is; DamagedVideo unless every listed sample is there.

    Packets are read, never decoded: a 200 MB recording costs one pass over its bytes.
    """
    handle.seek(0)
    major, _brands = ftyp_brands(handle.read(64)) or (b"", set())
    handle.seek(0)
    deadline = _Deadline(seconds)
    try:
        with av.open(handle, format=DEMUXER) as container:
            if not container.streams.video:
                raise DamagedVideo("no video stream")
            stream = container.streams.video[0]
            _check_whole(container, stream, size, deadline)
            duration_ms = _duration_ms(container, stream)
            width, height = stream.codec_context.width, stream.codec_context.height
            created = container.metadata.get("creation_time")
    except (av.FFmpegError, ValueError, OverflowError) as exc:
        raise DamagedVideo(type(exc).__name__) from exc
    except TooCostly as exc:
        raise DamagedVideo("too slow to read") from exc
    quicktime = major in QUICKTIME_BRANDS
    return VideoInfo(
        content_type="video/quicktime" if quicktime else "video/mp4",
        extension="mov" if quicktime else "mp4",
        duration_ms=duration_ms,
        width=width or None,
        height=height or None,
        creation_time=created,
    )


def _check_whole(container, stream, size: int, deadline: _Deadline) -> None:
    """Every packet of the picture is in the file and whole, as many as the index lists."""
    count = 0
    for packet in container.demux(stream):
        if packet.size == 0:  # the flush packet at the end
            continue
        if packet.is_corrupt or (packet.pos is not None and packet.pos + packet.size > size):
            raise DamagedVideo("a packet runs past the end of the file")
        count += 1
        if count % CHECK_EVERY == 0:
            deadline.check()
    if count == 0 or (stream.frames and count != stream.frames):
        raise DamagedVideo(f"{count} of {stream.frames} packets in the file")


def _duration_ms(container, stream) -> int | None:
    if container.duration and container.duration > 0:
        return container.duration // 1000  # in AV_TIME_BASE units (microseconds)
    if stream.duration and stream.time_base:
        return int(stream.duration * stream.time_base * 1000)
    return None


def frame_times(duration_ms: int, count: int) -> list[int]:
    """Up to `count` moments from the first frame to the last, at least a second apart."""
    if duration_ms <= 0 or count <= 1:
        return [0]
    count = min(count, duration_ms // 1000 + 1)
    if count <= 1:
        return [0]
    step = duration_ms / (count - 1)
    return [round(step * index) for index in range(count)]


def key_frames(
    path: str, *, count: int, max_side: int, max_pixels: int, seconds: float
) -> list[Frame]:
    """`count` frames evenly spread over the recording, the last one its final picture.

    Each is scaled to at most `max_side` pixels on its longer side and encoded as JPEG;
    TooCostly past `seconds` or for a picture over `max_pixels` (decoded whole in memory).
    """
    deadline = _Deadline(seconds)
    with av.open(path, format=DEMUXER) as container:
        stream = container.streams.video[0]
        if stream.codec_context.width * stream.codec_context.height > max_pixels:
            raise TooCostly
        stream.thread_type = "AUTO"
        duration_ms = _duration_ms(container, stream) or 0
        frames, seen = [], set()
        for target in frame_times(duration_ms, count):
            last = target == duration_ms and target > 0
            frame = _frame_at(container, stream, target, last=last, deadline=deadline)
            if frame is None or frame.pts in seen:
                continue
            seen.add(frame.pts)
            frames.append(_encoded(frame, stream, max_side))
    return frames


def _frame_at(container, stream, target_ms: int, *, last: bool, deadline: _Deadline):
    """The first frame shown at or after `target_ms` (with `last`: the final frame)."""
    time_base = stream.time_base
    container.seek(int(target_ms / 1000 / time_base), stream=stream, backward=True)
    found = None
    for index, frame in enumerate(container.decode(stream)):
        if index % 8 == 0:
            deadline.check()
        if frame.pts is None:
            continue
        found = frame
        if not last and frame.pts * time_base * 1000 >= target_ms - 1:
            break
    return found


def _encoded(frame, stream, max_side: int) -> Frame:
    image = frame.to_image()  # RGB
    if frame.rotation:
        # The recording's display matrix turns it counter-clockwise by this many degrees.
        image = image.rotate(frame.rotation, expand=True)
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    at_ms = round(float(frame.pts * stream.time_base) * 1000)
    return Frame(at_ms=max(at_ms, 0), jpeg=out.getvalue(), width=image.width, height=image.height)
