import os
from pathlib import Path

import pytest


@pytest.fixture
def media_files(settings):
    """A function listing every file under MEDIA_ROOT, as paths relative to it."""

    def files() -> set[str]:
        root = Path(settings.MEDIA_ROOT)
        return {
            str((Path(folder) / name).relative_to(root))
            for folder, _dirs, names in os.walk(root)
            for name in names
        }

    return files


@pytest.fixture
def stored_files():
    """A function reading every file an asset stored (original and renditions) from its storage."""

    def read(asset) -> dict[str, bytes]:
        storage = asset.file.storage
        found = {}
        for name in asset.stored_names():
            with storage.open(name, "rb") as fh:
                found[name] = fh.read()
        return found

    return read
