import pytest

pytestmark = pytest.mark.django_db


def test_open_data_page_lists_every_listing(client):
    page = client.get("/api/").content.decode()
    assert '<h1 class="govuk-heading-xl">Open data</h1>' in page
    assert 'href="/api/actions.csv"' in page
    assert 'href="/api/openapi.json"' in page
    assert 'href="/feeds/publications.atom"' in page


def test_api_reference_is_built_from_the_schema_without_script(client):
    response = client.get("/api/docs")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<code>GET /api/actions</code>" in page
    assert "<code>lead_organisation</code>" in page
    assert "one of not_started, in_progress, complete, superseded" in page
    main = page.split('<main class="govuk-main-wrapper" id="main-content">')[1].split("</main>")[0]
    assert "<script" not in main
    assert 'id="record-actiondetail"' in page


def test_openapi_document(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/actions/{uid}" in schema["paths"]
    operation = schema["paths"]["/api/actions"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {
        "area",
        "section",
        "status",
        "rag",
        "overdue",
        "stale",
        "lead_organisation",
        "updated_since",
        "limit",
        "offset",
    } <= names
