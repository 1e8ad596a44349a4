"""Fixtures for the import pipeline's tests: the organisation registry and the seed files."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from concordat.core.registry_data import LOCAL_ORGANISATIONS, NATIONAL_ORGANISATIONS
from concordat.imports.pipeline import RegistryEntry, parse_plan


def seed_path(prefix):
    matches = sorted(Path(settings.CONCORDAT_SEEDS_DIR).glob(f"{prefix}_*.txt"))
    assert len(matches) == 1, f"expected one seed {prefix}_*.txt"
    return matches[0]


def seed_002_names():
    """The national signatories and supporters as seed 002 lists them (questions 1 and 2)."""
    lines = seed_path("002").read_text(encoding="utf-8").split("\n")
    names, listing = [], False
    for line in lines:
        text = line.strip()
        if re.match(r"^1\.\s", text):
            listing = True
            continue
        if re.match(r"^3\.\s", text):
            break
        if listing and text and not re.match(r"^\d+\.\s", text):
            names.append(text)
    return names


def build_registry():
    known = {**NATIONAL_ORGANISATIONS, **LOCAL_ORGANISATIONS}
    names = seed_002_names() + list(LOCAL_ORGANISATIONS)
    entries, seen = [], set()
    for name in names:
        if name in seen:
            continue
        seen.add(name)
        short_name, aliases, _sector = known.get(name, ("", [], ""))
        variants = tuple(n for n in (short_name, *aliases) if n)
        entries.append(RegistryEntry(id=len(entries) + 1, name=name, names=(name, *variants)))
    return entries


@pytest.fixture(scope="session")
def registry():
    return build_registry()


@pytest.fixture(scope="session")
def national_plan():
    path = seed_path("001")
    return parse_plan(path.read_bytes(), path.name, registry=build_registry())


@pytest.fixture(scope="session")
def local_plan():
    path = seed_path("004")
    return parse_plan(path.read_bytes(), path.name, registry=build_registry())


def by_ref(plan):
    return {action.ref: action for action in plan.actions}
