"""The seeds as they are: the national plan's notes are undated (its document gives no date), so
none is recent; South West Essex and Hampshire and Isle of Wight on the map; Hampshire and
Isle of Wight's declarations signed as its report dates them, with its local groups."""

import csv
import io
import re
from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from concordat.core.models import Area, ProgressUpdate
from concordat.core.selectors.areas import area_dashboard, area_summaries
from concordat.core.selectors.plans import sections
from concordat.core.text import split_blocks
from concordat.reports.models import ProgressReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(db):
    call_command("load_seeds", stdout=io.StringIO())


def summary(slug, on=None):
    on = on or timezone.localdate()
    return next(s for s in area_summaries(on=on) if s.area.slug == slug)


def test_the_national_plans_highlights_are_undated_and_never_recent(seeds):
    notes = ProgressUpdate.objects.filter(version__plan__area__slug="england")
    assert notes.count() == 47
    assert set(notes.values_list("date", "source")) == {(None, "import")}
    england = summary("england")
    assert (england.total, england.updated_recently, england.last_update) == (47, 0, None)
    # Every open action is not updated for six months, and that is the same count on the
    # home page's totals and the area's own page.
    assert (
        england.stale
        == england.total - england.by_status["complete"] - england.by_status["superseded"]
    )
    dashboard = area_dashboard(Area.objects.get(slug="england"), on=timezone.localdate(),
                               sections=sections())  # fmt: skip
    assert dashboard.summary["stale"] == england.stale
    assert dashboard.summary["updated_recently"] == 0
    assert dashboard.summary["not_updated"] == england.not_updated == 47


def figure(html, key):
    """The value of a summary-list row on a page, by its key."""
    found = re.search(
        rf'<dt class="govuk-summary-list__key">{key}</dt> '
        r'<dd class="govuk-summary-list__value">(.*?)</dd>',
        html,
    )
    assert found, key
    return re.sub(r"<[^>]+>", "", found.group(1))


def test_updated_and_not_updated_agree_on_every_page(client, seeds):
    """ "Updated in the last six months" and "not updated for six months" add up to the actions
    counted, with the open ones among the second, on the home page, each area's page, each
    plan's summary and the table of areas and its CSV."""
    page = lambda path: " ".join(client.get(path).content.decode().split())  # noqa: E731
    # England: 47 actions, 23 complete and 1 superseded, none with a dated note; South West
    # Essex: 64 actions, none closed, none updated.
    home = page("/")
    assert figure(home, "Updated in the last six months") == "0 of 111 actions (0%)"
    assert figure(home, "Not updated for six months") == "111 actions, of which 87 open"
    for slug, total, open_ in (("england", 47, 23), ("south-west-essex", 64, 64)):
        for path in (f"/areas/{slug}/", f"/areas/{slug}/plan/"):
            html = page(path)
            assert figure(html, "Updated in the last six months") == f"0 of {total} actions"
            assert figure(html, "Not updated for six months") == (
                f"{total} actions, of which {open_} open"
            ), path
    rows = {
        row["area"]: row
        for row in csv.DictReader(io.StringIO(client.get("/areas.csv").content.decode()))
    }
    assert [(rows[s]["actions"], rows[s]["updated_last_6_months"]) for s in ("england",
            "south-west-essex")] == [("47", "0"), ("64", "0")]  # fmt: skip


def test_south_west_essex_is_behind_with_its_reason(seeds):
    essex = summary("south-west-essex", on=date(2016, 1, 1))
    assert (essex.total, essex.complete, essex.updated_recently) == (64, 0, 0)
    assert essex.stage == "behind"
    assert essex.stage_verdict.reasons[0].startswith(f"{essex.overdue} of 64 actions overdue (")
    assert essex.stale == 64  # nothing was ever updated: every open action says so


def test_south_west_essex_covers_essex_in_part_and_thurrock(seeds):
    essex = Area.objects.get(slug="south-west-essex")
    assert essex.ons_codes == ["E10000012", "E06000034"]
    assert essex.hwb_areas == ["Essex (in part)", "Thurrock"]


def test_hampshire_and_isle_of_wights_declarations_are_signed_with_its_local_groups(seeds):
    hiow = Area.objects.get(slug="hampshire-and-isle-of-wight")
    # The report's milestone 1.6, "Area specific CCC declaration signed off", December 2014.
    assert (hiow.declaration_text, hiow.declaration_date) == ("December 2014", date(2014, 12, 31))
    assert hiow.ons_codes == ["E10000014", "E06000045", "E06000044", "E06000046"]
    children = list(hiow.children.order_by("name"))
    assert [(c.name, c.kind, c.ons_codes, c.declaration_text) for c in children] == [
        ("Hampshire", "local", ["E10000014"], "December 2014"),
        ("Isle of Wight", "local", ["E06000046"], "December 2014"),
        ("Portsmouth", "local", ["E06000044"], "December 2014"),
        ("Southampton", "local", ["E06000045"], "December 2014"),
    ]
    assert summary("hampshire-and-isle-of-wight").stage == "declaration_signed"
    assert summary("portsmouth").stage == "declaration_signed"


def test_hampshire_and_isle_of_wights_page_shows_its_declaration_and_groups(client, seeds):
    html = " ".join(client.get("/areas/hampshire-and-isle-of-wight/").content.decode().split())
    assert "Stage: <strong>Declaration signed, no plan published</strong>" in html
    assert "Signed December 2014." in html
    for slug, name in (("hampshire", "Hampshire"), ("isle-of-wight", "Isle of Wight")):
        assert f'<a class="govuk-link" href="/areas/{slug}/">{name}</a>' in html
    assert html.count("Declaration signed December 2014</span>") == 4


def test_a_list_followed_by_paragraphs_in_the_report_keeps_them_apart(seeds):
    narrative = ProgressReport.objects.get().sections.get(key="narrative").body
    blocks = split_blocks(narrative)
    kinds = [block.kind for block in blocks]
    lists = [block for block in blocks if block.is_list]
    assert len(lists) == 1
    assert lists[0].items[-1] == "Improving multi-agency planning for prevention of crises"
    after = blocks[kinds.index("list") + 1]
    assert after.kind == "paragraph"
    assert after.text.startswith("An event was held at Winchester Discovery centre")
    # Each line of the report is its own paragraph.
    assert blocks[0].text.startswith("A small group of professionals")
    assert blocks[1].text.startswith("The steering group has successfully co-ordinated")


def test_loading_again_fills_what_is_empty_and_keeps_edits(seeds):
    hiow = Area.objects.get(slug="hampshire-and-isle-of-wight")
    hiow.ons_codes = []
    hiow.chair = "An edited chair"
    hiow.save()
    counts = Area.objects.count()

    call_command("load_seeds", stdout=io.StringIO())

    hiow.refresh_from_db()
    assert hiow.ons_codes == ["E10000014", "E06000045", "E06000044", "E06000046"]
    assert hiow.chair == "An edited chair"
    assert Area.objects.count() == counts
