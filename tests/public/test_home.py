"""/ : the national picture from published plans only."""

from concordat.public.national import national_picture

from .helpers import page
from .world import SECRET


def test_home_shows_every_area_with_its_stage(client, world):
    html = page(client, "/")

    assert '<h1 class="govuk-heading-xl">Crisis care action plans across England</h1>' in html
    assert '<a class="govuk-link" href="/areas/northshire/">Northshire</a>' in html
    assert '<a class="govuk-link" href="/areas/southshire/">Southshire</a>' in html
    assert '<a class="govuk-link" href="/areas/westshire/">Westshire</a>' in html
    assert html.count("Delivering the plan</td>") == 1
    assert (
        '<strong class="govuk-tag concordat-late">Behind</strong><ul class="govuk-list '
        'concordat-area-table__reasons"><li>1 of 3 actions overdue (1 of the 1 already due)'
        "</li></ul>" in html
    )
    assert "Declaration signed, no plan published</td>" in html


def test_home_totals_count_published_actions_only(client, world):
    picture = national_picture(on=world.today)
    totals = picture.totals

    # Northshire's version 2 (3 actions) and Southshire's version 1 (1 action): not the
    # draft, not the submitted version.
    assert totals.total == 4
    assert totals.complete == 2
    assert totals.overdue == 1
    # Northshire's 2.1 was updated 5 days ago; 1.1 has only an undated note (open), 1.2 and
    # Southshire's A1 are complete without a dated note: 1 updated, 3 not (1 of them open).
    assert totals.updated_recently == 1
    assert totals.not_updated == 3
    assert totals.stale == 1
    assert totals.by_status == {
        "not_started": 0,
        "in_progress": 2,
        "complete": 2,
        "superseded": 0,
        "": 0,
    }
    # 1.1 is overdue (suggested red), 1.2 reported green, 2.1 in progress (suggested green),
    # Southshire's A1 complete (suggested blue).
    assert totals.by_rag == {"red": 1, "amber": 0, "green": 2, "blue": 1, "": 0}
    assert picture.areas_with_plans == 2

    html = page(client, "/")
    assert 'Actions in published plans</dt> <dd class="govuk-summary-list__value">4</dd>' in html
    assert 'Overdue actions</dt> <dd class="govuk-summary-list__value">1</dd>' in html
    assert (
        'Updated in the last six months</dt> <dd class="govuk-summary-list__value">1 of 4 actions'
        " (25%)</dd>"
    ) in html
    assert (
        'Not updated for six months</dt> <dd class="govuk-summary-list__value">3 actions, of '
        "which 1 open</dd>"
    ) in html
    swatch = "concordat-bar-legend__swatch concordat-bar-legend__swatch--red"
    assert f'<li><span class="{swatch}" aria-hidden="true"></span>Red: 1 <span' in html
    assert "Hatched: suggested by the system" in html


def test_home_stage_counts_link_to_the_filtered_list(client, world):
    html = page(client, "/")

    assert (
        '<a class="govuk-link" href="/areas/?stage=delivering">Delivering the plan</a>: 1 area'
        in html
    )
    assert '<a class="govuk-link" href="/areas/?stage=behind">Behind</a>: 1 area' in html
    assert (
        '<a class="govuk-link" href="/areas/?stage=declaration_signed">'
        "Declaration signed, no plan published</a>: 1 area</li>" in html
    )


def test_home_lists_latest_publications_but_no_drafts(client, world):
    html = page(client, "/")

    assert "Northshire: Action plan: Version 2</a>" in html
    assert "Northshire: Action plan: Version 1</a>" in html
    assert "Southshire: Action plan: Version 1</a>" in html
    assert "Northshire: Northshire progress report, autumn</a>" in html
    assert "Southshire: Action plan: Version 2" not in html
    assert SECRET not in html


def test_home_refuses_post(client, world):
    assert client.post("/").status_code == 405
