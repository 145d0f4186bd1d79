import pytest

from apps.api.models import ApiKey, Scope
from tests.portfolios.conftest import portfolio  # noqa: F401
from tests.resumes.conftest import resume  # noqa: F401

ALL_SCOPES = [s.value for s in Scope]


@pytest.fixture
def make_key():
    """make_key(owner, scopes=[...], **fields) → the raw key (gry_…)."""

    def make(owner, scopes=ALL_SCOPES, **fields) -> str:
        key, raw = ApiKey.objects.issue(owner, "Test key", scopes)
        if fields:
            ApiKey.objects.filter(pk=key.pk).update(**fields)
        return raw

    return make


def bearer(raw: str) -> dict:
    return {"Authorization": f"Bearer {raw}"}
