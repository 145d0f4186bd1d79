import io

from django.conf import settings
from rest_framework import parsers

from .errors import PayloadTooLarge


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser with Django's body cap, which DRF does not apply to JSON bodies."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is None:
            return super().parse(stream, media_type, parser_context)
        data = stream.read(limit + 1)
        if len(data) > limit:
            raise PayloadTooLarge()
        return super().parse(io.BytesIO(data), media_type, parser_context)
