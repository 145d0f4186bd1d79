import pytest


@pytest.mark.django_db
def test_healthz_reports_every_dependency_ok(client):
    r = client.get("/healthz")

    assert r.status_code == 200
    assert r.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
    }
    assert "no-cache" in r["Cache-Control"]


@pytest.mark.django_db
def test_healthz_is_503_and_names_the_failing_dependency(client, settings, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("media cannot live under a file")
    settings.MEDIA_ROOT = blocker

    r = client.get("/healthz")

    assert r.status_code == 503
    assert r.json()["status"] == "error"
    assert r.json()["checks"] == {"database": "ok", "cache": "ok", "storage": "error"}


@pytest.mark.django_db
def test_healthz_leaves_no_files_behind(client, settings):
    client.get("/healthz")

    leftovers = list((settings.MEDIA_ROOT / "healthz").glob("*"))
    assert leftovers == []
