"""The site's own downloads, as it writes them, from the small published world of the public
pages' tests: every format the importer might be handed back."""

from django.test import Client

from tests.public.world import build_world


def export_paths(slug, report_pk):
    return [
        ("plan.csv", f"/areas/{slug}/plan.csv"),
        ("plan.xlsx", f"/areas/{slug}/plan.xlsx"),
        ("plan.docx", f"/areas/{slug}/plan.docx"),
        ("plan.odt", f"/areas/{slug}/plan.odt"),
        ("plan.pdf", f"/areas/{slug}/plan.pdf"),
        ("report.docx", f"/areas/{slug}/reports/{report_pk}.docx"),
        ("report.pdf", f"/areas/{slug}/reports/{report_pk}.pdf"),
        ("metrics.csv", f"/areas/{slug}/metrics.csv"),
        ("areas.csv", "/areas.csv"),
        ("actions.csv", f"/api/actions.csv?area={slug}"),
        ("updates.csv", "/api/updates.csv"),
        ("versions.csv", "/api/versions.csv"),
        ("api-areas.csv", "/api/areas.csv"),
        ("organisations.csv", "/api/organisations.csv"),
        ("sections.csv", "/api/sections.csv"),
        ("reports.csv", "/api/reports.csv"),
    ]


def site_exports():
    """[(file name, bytes)] of every download, from a world built in the current database."""
    world = build_world()
    client = Client()
    exports = []
    for filename, path in export_paths(world.north.slug, world.report.pk):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        exports.append((filename, body))
    return exports
