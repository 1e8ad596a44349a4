"""What `npm run build` leaves in static/dist/: GOV.UK Frontend compiled with Concordat's own
settings (not GOV.UK's font, crown or colour) and the packages' browser files."""

import re

import pytest
from django.conf import settings

DIST = settings.BASE_DIR / "static" / "dist"


@pytest.fixture(scope="module")
def css():
    path = DIST / "css" / "main.css"
    if not path.exists():
        pytest.fail(f"{path} is missing: build the front end first (npm run build).")
    return path.read_text()


def test_uses_a_system_font_and_not_gds_transport(css):
    assert "GDS Transport" not in css
    assert "@font-face" not in css
    assert 'font-family:system-ui,-apple-system,"Segoe UI",Roboto' in css


def test_uses_the_project_brand_colour(css):
    assert ".concordat-header{background-color:#0d5c63}" in css
    # GOV.UK Frontend's own components take the brand colour through its custom property.
    assert "--govuk-brand-colour: #0d5c63" in css
    assert "border-top-color:var(--govuk-brand-colour, #0d5c63)" in css


def test_includes_the_project_components(css):
    for selector in [
        ".concordat-rag--red",
        ".concordat-rag--amber",
        ".concordat-rag--green",
        ".concordat-rag--blue",
        ".concordat-rag--suggested",
        ".concordat-bar__segment--w0{width:0%}",
        ".concordat-bar__segment--w37{width:37%}",
        ".concordat-bar__segment--w100{width:100%}",
        ".concordat-table-scroll",
    ]:
        assert selector in css


def test_print_styles_hide_navigation(css):
    print_blocks = " ".join(re.findall(r"@media print\{(.*?\})\}", css))
    assert ".govuk-service-navigation" in print_blocks
    assert ".govuk-footer" in print_blocks


def test_every_url_in_the_stylesheet_is_a_built_file(css):
    urls = set(re.findall(r'url\("?([^")]+)"?\)', css))
    for url in urls:
        assert not url.startswith(("http:", "https:", "//")), url
        assert (DIST / "css" / url).resolve().is_file(), url


@pytest.mark.parametrize(
    "name",
    ["govuk-frontend.min.js", "htmx.min.js", "axe.min.js", "init.mjs", "supported.js"],
)
def test_scripts_are_copied(name):
    assert (DIST / "js" / name).stat().st_size > 0
