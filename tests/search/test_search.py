import io

import pytest
from django.core.management import call_command
from django.db import transaction

from concordat.core.models import Action, Organisation, Section
from concordat.core.services import plan_version_import, plan_version_publish
from concordat.reports.services import progress_report_create, progress_report_publish
from concordat.search.backends import Filters
from concordat.search.models import SearchDocument
from concordat.search.selectors import search, similar_actions
from tests.api.world import SECRET
from tests.factories import lead, make_area, parsed_action, parsed_plan, publish

pytestmark = pytest.mark.django_db


def titles(page):
    return [str(result.title) for result in page.object_list]


def test_index_holds_published_text_only(world):
    kinds = sorted(SearchDocument.objects.values_list("kind", flat=True))
    assert kinds == ["action"] * 3 + ["report"] * 2 + ["update"] * 2
    for document in SearchDocument.objects.all():
        assert SECRET not in document.title + document.body
    assert not SearchDocument.objects.filter(area=world.south).exists()


def test_street_triage_finds_the_action_first_with_words_marked(world):
    page, total = search("street triage")
    assert total == 4  # the action, its progress note, the report narrative and milestones
    first = page.object_list[0]
    assert first.document.kind == "action" and first.document.ref == "1.1"
    assert "<mark>street</mark>" in str(first.title).lower()
    assert "<mark>triage</mark>" in str(first.title).lower()
    assert all(SECRET not in str(result.snippet) for result in page.object_list)


def test_stemming_matches_other_forms_of_a_word(world):
    page, total = search("trained")
    assert total == 2
    assert page.object_list[0].document.ref == "2.1"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kinds": ("action",)}, ["1.1"]),
        ({"canonical_status": "complete"}, []),
        ({"canonical_status": "in_progress", "kinds": ("action",)}, ["1.1"]),
    ],
)
def test_filters(world, filters, expected):
    page, _ = search("street triage", filters=Filters(**filters))
    assert [result.document.ref for result in page.object_list] == expected


def test_area_section_and_organisation_filters(world):
    police = Organisation.objects.get(slug="northshire-police")
    mind = Organisation.objects.get(slug="northshire-mind")
    section3 = Section.objects.get(number=3)
    page, total = search("street", filters=Filters(organisation_id=police.pk))
    assert total == 2 and {r.document.kind for r in page.object_list} == {"action", "update"}
    assert search("street", filters=Filters(organisation_id=mind.pk))[1] == 0
    assert search("street", filters=Filters(section_id=section3.pk))[1] == 2
    assert search("street", filters=Filters(area_id=world.south.pk))[1] == 0


def test_text_is_escaped_around_the_marks(world):
    area = make_area("Eastshire")
    version = plan_version_import(
        area=area,
        actor=None,
        parsed=parsed_plan(parsed_action("1.1", "<script>alert(1)</script> crisis café \x02x", 1)),
    )
    publish(version, days_ago=1)
    from concordat.search.index import index_area

    index_area(area)
    page, _ = search("café")
    title = str(page.object_list[0].title)
    assert title.startswith("&lt;script&gt;alert(1)&lt;/script&gt; crisis <mark>café</mark>")
    assert "<script>" not in title and "\x02" not in title


def test_accents_do_not_matter_on_either_database(world):
    area = make_area("Eastshire")
    version = plan_version_import(
        area=area,
        actor=None,
        parsed=parsed_plan(parsed_action("1.1", "Open a crisis café in the town centre", 1)),
    )
    publish(version, days_ago=1)
    from concordat.search.index import index_area

    index_area(area)
    for query in ["cafe", "café", "CAFE"]:
        page, total = search(query)
        assert total == 1, query
        assert "<mark>café</mark>" in str(page.object_list[0].title), query


def test_queries_with_punctuation_do_not_break_the_search(world):
    for query in ['"', "street AND", "NEAR(", "*", "triage'", "-", "a OR"]:
        search(query)
    assert search("")[1] == 0


def test_pages_of_results(world):
    page, total = search("street", page=2, per_page=2)
    assert total == 4 and page.number == 2 and len(page.object_list) == 2
    page, _ = search("street", page=99, per_page=2)
    assert page.number == 2


def test_similar_actions_come_from_other_areas_with_their_status(world):
    area = make_area("Westshire")
    version = plan_version_import(
        area=area,
        actor=None,
        parsed=parsed_plan(
            parsed_action(
                "3.2",
                "Run a street triage scheme with police and nurses",
                3,
                canonical_status="complete",
            ),
            parsed_action("3.3", "Review out-of-area placements", 3),
        ),
    )
    publish(version, days_ago=1)
    from concordat.search.index import index_area

    index_area(area)
    similar = similar_actions(world.action("1.1"))
    assert [(s.document.area.slug, s.document.ref) for s in similar] == [("westshire", "3.2")]
    assert similar[0].document.canonical_status == "complete"
    westshire = Action.objects.get(version=version, ref="3.2")
    assert [s.document.ref for s in similar_actions(westshire)] == ["1.1"]


@pytest.mark.django_db(transaction=True)
def test_index_follows_publication(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    area = make_area("Eastshire")
    with transaction.atomic():
        version = plan_version_import(
            area=area,
            actor=None,
            parsed=parsed_plan(parsed_action("1.1", "Crisis café open every evening", 2)),
        )
    assert search("evening")[1] == 0
    plan_version_publish(version=version, actor=None)
    assert search("evening")[1] == 1
    report = progress_report_create(
        area=area,
        actor=None,
        title="Eastshire report",
        sections=[("narrative", "Narrative", "The café welcomed its thousandth visitor.")],
    )
    assert search("thousandth")[1] == 0
    progress_report_publish(report=report, actor=None)
    page, total = search("thousandth")
    assert total == 1 and page.object_list[0].document.anchor == "section-narrative"


def test_rebuild_command(world):
    SearchDocument.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Indexed 7 documents." in out.getvalue()
    assert search("street triage")[1] == 4


def test_lead_organisations_are_indexed(world):
    police = Organisation.objects.get(slug="northshire-police")
    document = SearchDocument.objects.get(kind="action", ref="1.1")
    assert list(document.organisations.all()) == [police]
    assert lead(police).organisation_id == police.pk


def test_an_unsupported_database_is_named_at_start_up_and_never_searched(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured
    from django.db import connection

    from concordat.search.backends import get_backend
    from concordat.search.checks import database_has_a_search_backend

    assert database_has_a_search_backend(None, databases=["default"]) == []
    monkeypatch.setattr(connection, "vendor", "mysql")
    [error] = database_has_a_search_backend(None, databases=["default"])
    assert error.id == "search.E001"
    assert error.msg == "Search needs SQLite or PostgreSQL; the database is mysql."
    with pytest.raises(ImproperlyConfigured, match="the database is mysql"):
        get_backend()
