"""The site's own downloads, damaged at random (seeded), are parsed or refused with a plain
message by the importer: never an internal error, never a reading stopped at its ceilings.

`make fuzz` runs the same mutator over 100,000 documents; this is its short seeded version.
CONCORDAT_FUZZ_EXPORTS sets the number of mutations per download (default 8), and
CONCORDAT_FUZZ_SEED the seed.
"""

import os
import random
from collections import Counter

import pytest

from .exports import site_exports
from .mutate import mutate, outcome

PER_EXPORT = int(os.environ.get("CONCORDAT_FUZZ_EXPORTS", "8"))
SEED = int(os.environ.get("CONCORDAT_FUZZ_SEED", "14"))


@pytest.fixture
def ceilings(settings):
    """Tight ceilings: a damaged copy of a three-action plan needs nothing near them."""
    settings.CONCORDAT_IMPORT_CPU_SECONDS = 20
    settings.CONCORDAT_IMPORT_MEMORY_MB = 512


def test_every_export_reads_back_before_it_is_damaged(db, ceilings):
    exports = dict(site_exports())
    results = {name: outcome(data, name)[0] for name, data in exports.items()}
    # The plan in every format, the reports and the API's lists of actions and updates read
    # as plans; the other lists have no action table and are refused as such.
    assert results == {
        "plan.csv": "parsed",
        "plan.xlsx": "parsed",
        "plan.docx": "parsed",
        "plan.odt": "parsed",
        "plan.pdf": "parsed",
        "report.docx": "parsed",
        "report.pdf": "parsed",
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


def test_damaged_exports_are_parsed_or_refused(db, ceilings):
    rng = random.Random(SEED)
    tally, failures = Counter(), []
    for name, data in site_exports():
        for _ in range(PER_EXPORT):
            damaged, filename = mutate(data, name, rng)
            kind, detail = outcome(damaged, filename)
            tally[kind] += 1
            if kind not in ("parsed", "refused", "damaged"):
                failures.append((name, filename, kind, detail))
    assert failures == []
    assert sum(tally.values()) == 16 * PER_EXPORT
    # The mutations reach both ends: some copies still read as plans, most are refused.
    assert tally["parsed"] > 0
    assert tally["refused"] > tally["parsed"]
