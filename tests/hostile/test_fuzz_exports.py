"""The site's own downloads, damaged at random (seeded), are parsed or refused with a plain
message by the importer: never an internal error, never a reading stopped at its ceilings.

`make fuzz` runs the same mutator over 100,000 documents; this is its short seeded version.
Rounds of one damaged copy of each download are read until CONCORDAT_FUZZ_EXPORTS rounds
(default 6) or CONCORDAT_FUZZ_SECONDS (default 8) have passed, after two rounds at least;
CONCORDAT_FUZZ_SEED sets the seed. The downloads are made once for the module, from a world built
in a transaction rolled back after it.
"""

import os
import random
import time
from collections import Counter

import pytest
from django.db import transaction

from .exports import site_exports
from .mutate import mutate, outcome

PER_EXPORT = int(os.environ.get("CONCORDAT_FUZZ_EXPORTS", "6"))
SEED = int(os.environ.get("CONCORDAT_FUZZ_SEED", "14"))
SECONDS = float(os.environ.get("CONCORDAT_FUZZ_SECONDS", "8"))


@pytest.fixture(scope="module")
def exports(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield site_exports()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def ceilings(settings):
    """Tight ceilings: a damaged copy of a three-action plan needs nothing near them."""
    settings.CONCORDAT_IMPORT_CPU_SECONDS = 20
    settings.CONCORDAT_IMPORT_MEMORY_MB = 512


def test_every_export_reads_back_before_it_is_damaged(exports, ceilings):
    results = {name: outcome(data, name)[0] for name, data in exports}
    # The plan in every format and the API's lists of actions and updates read as plans; the
    # progress report and the other lists have no action table the importer takes for a plan
    # and are refused as such.
    assert results == {
        "plan.csv": "parsed",
        "plan.xlsx": "parsed",
        "plan.docx": "parsed",
        "plan.odt": "parsed",
        "plan.pdf": "parsed",
        "report.docx": "refused",
        "report.pdf": "refused",
        "metrics.csv": "refused",
        "areas.csv": "refused",
        "actions.csv": "parsed",
        "updates.csv": "parsed",
        "versions.csv": "refused",
        "api-areas.csv": "refused",
        "organisations.csv": "refused",
        "sections.csv": "refused",
        "reports.csv": "refused",
    }


def test_damaged_exports_are_parsed_or_refused(exports, ceilings):
    rng = random.Random(SEED)
    tally, failures, rounds = Counter(), [], 0
    deadline = time.monotonic() + SECONDS
    while rounds < PER_EXPORT and (rounds < 2 or time.monotonic() < deadline):
        rounds += 1
        for name, data in exports:
            damaged, filename = mutate(data, name, rng)
            kind, detail = outcome(damaged, filename)
            tally[kind] += 1
            if kind not in ("parsed", "refused", "damaged"):
                failures.append((name, filename, kind, detail))
    assert failures == []
    assert sum(tally.values()) == 16 * rounds
    # The mutations reach both ends: some copies still read as plans, most are refused.
    assert tally["parsed"] > 0
    assert tally["refused"] > tally["parsed"]
