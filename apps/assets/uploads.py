"""An upload handler that refuses files over ASSET_MAX_BYTES while the body streams in."""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class SizeLimitUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: counts each file's bytes and skips it past the cap.

    A skipped file is drained in chunks and never stored, so a 30 MB body costs no memory.
    The view finds the refused field names in `request.upload_too_large`.
    """

    def new_file(self, field_name, *args, **kwargs):
        super().new_file(field_name, *args, **kwargs)
        self.received = 0
        if not hasattr(self.request, "upload_too_large"):
            self.request.upload_too_large = set()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > settings.ASSET_MAX_BYTES:
            self.request.upload_too_large.add(self.field_name)
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size: int):
        return None
