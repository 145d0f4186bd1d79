import pytest

from .fakes import FakeServer

# A key that must never be seen anywhere but in the request headers the fake server receives.
SECRET_KEY = "AIzaTEST-" + "s3cr3t" * 6


@pytest.fixture
def fake_server():
    server = FakeServer()
    yield server
    server.close()


@pytest.fixture
def gemini(settings, fake_server) -> FakeServer:
    settings.AI_PROVIDER = "gemini"
    settings.GEMINI_API_KEY = SECRET_KEY
    settings.GEMINI_BASE_URL = fake_server.url
    settings.AI_TEXT_MODEL = "gemini-test"
    settings.AI_IMAGE_MODEL = "gemini-test-image"
    settings.AI_RETRY_BACKOFF = 0.01
    settings.AI_CONNECT_TIMEOUT = 2.0
    settings.AI_READ_TIMEOUT = 2.0
    return fake_server


@pytest.fixture
def openai_server(settings, fake_server) -> FakeServer:
    settings.AI_PROVIDER = "openai"
    settings.OPENAI_API_KEY = SECRET_KEY
    settings.OPENAI_BASE_URL = fake_server.url + "/v1"
    settings.OPENAI_MODEL = "test-model"
    settings.AI_IMAGE_MODEL = "test-image-model"
    settings.AI_RETRY_BACKOFF = 0.01
    settings.AI_CONNECT_TIMEOUT = 2.0
    settings.AI_READ_TIMEOUT = 2.0
    return fake_server


def balance(user, kind: str = "text") -> int:
    user.refresh_from_db()
    return user.ai_text_credits if kind == "text" else user.ai_image_credits


def ledger_sum(user, kind: str = "text") -> int:
    from django.db.models import Sum

    return user.credit_entries.filter(kind=kind).aggregate(s=Sum("delta"))["s"] or 0
