"""generate_england: synthetic England-scale data, the same for the same seed."""

import hashlib
import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from concordat.core.models import (
    Action,
    ActionIdentity,
    Area,
    PlanVersion,
    ProgressUpdate,
)
from concordat.core.selectors.areas import area_summaries
from concordat.reports.models import MetricValue, ProgressReport
from concordat.seeds.benchdata import Scale, generate
from tests.factories import make_area

SMALL = Scale(areas=4, versions=3, actions=12, updates=5, metrics=3, months=6, reports=1)
AS_OF = date(2026, 1, 1)


def digest():
    """A fingerprint of what was generated, leaving out ids and creation times."""
    parts = []
    for area in Area.objects.order_by("name"):
        parts.append(f"{area.name}|{area.region}|{area.declaration_date}|{area.chair}")
    for action in Action.objects.order_by(
        "version__plan__area__name", "version__number", "position"
    ).select_related("identity"):
        parts.append(
            f"{action.identity.uid}|{action.ref}|{action.text}|{action.timescale}|{action.due}|"
            f"{action.canonical_status}|{action.rag}|{action.lead}"
        )
    for update in ProgressUpdate.objects.order_by("identity__uid", "date", "note").select_related(
        "identity"
    ):
        parts.append(f"{update.identity.uid}|{update.date}|{update.note}|{update.status}")
    for value in MetricValue.objects.order_by("area__name", "metric__slug", "period_start"):
        parts.append(f"{value.metric.slug}|{value.period_start}|{value.value}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def generated_digest(seed):
    with transaction.atomic():
        generate(seed=seed, scale=SMALL, as_of=AS_OF, log=lambda line: None)
        result = digest()
        transaction.set_rollback(True)
    return result


def test_same_seed_gives_the_same_data(db):
    assert generated_digest(1) == generated_digest(1)
    assert generated_digest(1) != generated_digest(2)


def test_counts_follow_the_scale(db):
    counts = generate(seed=1, scale=SMALL, as_of=AS_OF, log=lambda line: None)

    assert counts["areas"] == Area.objects.count() == 4
    assert PlanVersion.objects.filter(state="published").count() == 4 * 3
    for version in PlanVersion.objects.all():
        assert version.actions.count() == 12
    # Each refresh drops 3 actions and adds 3: 12 + 3 + 3 identities a plan.
    assert ActionIdentity.objects.count() == counts["identities"] == 4 * 18
    assert ProgressUpdate.objects.count() == 4 * 18 * 5
    assert MetricValue.objects.count() == 4 * 3 * 6
    assert ProgressReport.objects.filter(state="published").count() == 4


def test_identities_carry_across_versions_and_updates_are_public(db):
    generate(seed=1, scale=SMALL, as_of=AS_OF, log=lambda line: None)

    area = Area.objects.order_by("name").first()
    versions = list(PlanVersion.objects.filter(plan__area=area).order_by("number"))
    first = set(versions[0].actions.values_list("identity_id", flat=True))
    last = set(versions[-1].actions.values_list("identity_id", flat=True))
    assert len(first & last) >= 12 - 2 * 3
    assert not ProgressUpdate.objects.exclude(version__state="published").exists()
    # Versions are published in order, the latest within 14 months of as_of.
    days = [v.published_at for v in versions]
    assert days == sorted(days)
    assert (AS_OF - versions[-1].published_at.date()).days <= 420


def test_generated_data_serves_the_public_pages(client, db):
    generate(seed=3, scale=SMALL, as_of=AS_OF, log=lambda line: None)
    area = Area.objects.order_by("name").first()

    assert len(area_summaries(on=AS_OF)) == 4
    for path in ["/", "/areas/", f"/areas/{area.slug}/", f"/areas/{area.slug}/plan/"]:
        assert client.get(path).status_code == 200, path


def test_command_writes_to_the_database_it_is_given(db):
    out = io.StringIO()
    call_command(
        "generate_england",
        "--areas=2",
        "--actions=8",
        "--updates=2",
        "--metrics=2",
        "--months=2",
        "--seed=5",
        "--database=default",
        stdout=out,
    )

    assert Area.objects.count() == 2
    assert "Done in" in out.getvalue()
    assert "2 areas" in out.getvalue()


def test_command_leaves_the_database_analysed(db):
    """A bulk load without ANALYZE left PostgreSQL planning for empty tables (issue 12)."""
    from django.db import connection

    call_command(
        "generate_england",
        "--areas=2",
        "--actions=8",
        "--updates=2",
        "--metrics=2",
        "--months=2",
        "--database=default",
        stdout=io.StringIO(),
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'core_action'")
            (rows,) = cursor.fetchone()
        else:
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'core_action' LIMIT 1")
            rows = int(cursor.fetchone()[0].split()[0])
    assert rows == Action.objects.count() > 0


def test_command_refuses_a_database_that_has_areas(db):
    make_area("Already here")

    with pytest.raises(CommandError, match="already holds areas. Use --replace"):
        call_command("generate_england", "--database=default", stdout=io.StringIO())


def test_command_refuses_an_unknown_database(db):
    with pytest.raises(CommandError, match="There is no database called 'nope'"):
        call_command("generate_england", "--database=nope", stdout=io.StringIO())
