"""An upload handler that never writes more of a file to disk than any limit allows."""

from django.conf import settings
from django.core.files.uploadhandler import TemporaryFileUploadHandler


def largest_file_limit() -> int:
    return max(
        settings.EVIDENCE_MAX_IMAGE_BYTES,
        settings.EVIDENCE_MAX_PDF_BYTES,
        settings.EVIDENCE_MAX_VIDEO_BYTES,
    )


class CappedTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Past the largest per-file limit the bytes are counted but dropped.

    Django still reports the full size (file_complete gets the parser's count), so the
    evidence pipeline refuses the file with its size message; `truncated` marks it as well.
    """

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.written = 0
        self.cap = largest_file_limit()
        self.file.truncated = False

    def receive_data_chunk(self, raw_data, start):
        room = self.cap - self.written
        if len(raw_data) > room:
            self.file.truncated = True
            raw_data = raw_data[: max(room, 0)]
        if raw_data:
            self.file.write(raw_data)
            self.written += len(raw_data)
