import pytest


@pytest.mark.django_db
def test_the_openapi_document_describes_the_asset_endpoints(client):
    r = client.get("/api/schema/", headers={"Accept": "application/json"})

    assert r.status_code == 200
    schema = r.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) >= {"/api/v1/assets", "/api/v1/assets/{id}"}
    assert {"get", "post"} <= set(schema["paths"]["/api/v1/assets"])
    assert {"get", "patch", "delete"} <= set(schema["paths"]["/api/v1/assets/{id}"])
