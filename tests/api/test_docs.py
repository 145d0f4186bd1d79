import pytest

SCHEMA = "/api/schema/"


def schema(client) -> dict:
    return client.get(SCHEMA, headers={"Accept": "application/json"}).json()


def operations(doc: dict):
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_redoc_is_off_unless_enabled(client, db, settings):
    settings.API_DOCS_ENABLED = False

    assert client.get("/api/docs/").status_code == 404
    assert client.get("/api/docs/redoc.js").status_code == 404


def test_redoc_comes_from_our_server_with_a_narrow_policy(client, db, settings):
    settings.API_DOCS_ENABLED = True

    page = client.get("/api/docs/")
    script = client.get("/api/docs/redoc.js")

    assert page.status_code == 200 and "https://" not in page.text and "<script>" not in page.text
    policy = page["Content-Security-Policy"]
    assert "worker-src blob:" in policy and "script-src 'self'" in policy
    assert "unsafe-eval" not in policy
    assert script.status_code == 200 and b"cdn.redoc.ly" not in script.content
    assert "max-age=86400" in script["Cache-Control"] and script["ETag"]


@pytest.mark.django_db
def test_every_endpoint_is_documented_with_a_tag_and_a_summary(client):
    doc = schema(client)

    paths = set(doc["paths"])
    assert paths >= {
        "/api/v1/me", "/api/v1/credits", "/api/v1/ai/tasks", "/api/v1/ai/generate-text",
        "/api/v1/ai/generate-image", "/api/v1/public/portfolios/{slug}",
        "/api/v1/public/resumes/{slug}", "/v1/models", "/v1/chat/completions",
        "/v1/images/generations", "/api/auth/jwt/token/", "/api/auth/jwt/refresh/",
        "/api/auth/jwt/verify/",
    }  # fmt: skip
    for path, method, operation in operations(doc):
        assert operation.get("tags") and operation["tags"][0] != "api", (path, method)
        assert operation.get("summary"), (path, method)


@pytest.mark.django_db
def test_the_schema_names_the_three_ways_to_sign_in(client):
    doc = schema(client)

    schemes = doc["components"]["securitySchemes"]
    assert schemes["apiKey"]["scheme"] == "bearer"
    assert schemes["jwtAuth"]["bearerFormat"] == "JWT"
    assert "cookieAuth" in schemes
    posts = [o for p, m, o in operations(doc) if m == "post" and "requestBody" in o]
    with_examples = [
        o for o in posts if any("examples" in c for c in o["requestBody"]["content"].values())
    ]
    assert len(with_examples) >= 5


@pytest.mark.django_db
def test_each_operation_names_the_scope_an_api_key_needs(client):
    doc = schema(client)

    def needs(path, method):
        return doc["paths"][path][method]["description"].rsplit("`", 2)[-2]

    assert needs("/api/v1/assets/{id}", "get") == "assets:read"
    assert needs("/api/v1/assets/{id}", "delete") == "assets:write"
    assert needs("/api/v1/me", "patch") == "account:write"
    assert needs("/v1/chat/completions", "post") == "ai"
