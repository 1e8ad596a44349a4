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


def test_downloads_page_sends_spreadsheet_users_to_the_xlsx(client):
    page = " ".join(client.get("/downloads/").content.decode().split())
    assert (
        '<div class="govuk-inset-text"> These CSV files are for programs. To open one area\'s '
        "plan in Excel or LibreOffice Calc, download its Excel spreadsheet (.xlsx) from the "
        "area's page: a spreadsheet that opens a CSV file guesses its encoding, which can garble "
        "characters such as £ and ’, and turns refs such as 1.10 into the number 1.1. </div>"
    ) in page
    assert "has an apostrophe in front of it." in page


def test_area_and_plan_pages_say_which_download_to_open_in_a_spreadsheet(client, world):
    for path in ("/areas/northshire/", "/areas/northshire/plan/"):
        page = client.get(path).content.decode()
        assert (
            '<li><a class="govuk-link" href="/areas/northshire/plan.xlsx" download>Download the '
            "plan as an Excel spreadsheet (.xlsx)</a>: use this to open the plan in Excel or "
            "LibreOffice Calc."
        ) in page, path
        assert (
            "download>Download the plan as CSV</a>, for scripts and databases (UTF-8, one row "
            "per action). A spreadsheet that opens a CSV file directly can garble characters such "
            "as £ and turn 1.10 into 1.1.</li>"
        ) in page, path
