"""No input makes the pipeline raise anything but ImportRefused (property-based)."""

import functools
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concordat.imports.parsed import ParsedPlan
from concordat.imports.pipeline import ImportRefused, parse_plan

from .conftest import build_registry, seed_path
from .documents import docx_bytes, ods_bytes, odt_bytes, pdf_bytes, sample_rows, xlsx_bytes

EXTENSIONS = [".docx", ".xlsx", ".csv", ".txt", ".pdf", ".odt", ".ods", ".docm", ""]
FUZZ = settings(
    max_examples=int(os.environ.get("CONCORDAT_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=os.environ.get("CONCORDAT_FUZZ_RANDOM") != "1",
)


@functools.cache
def originals():
    rows = sample_rows()
    seed = seed_path("004").read_bytes()
    return {
        ".docx": docx_bytes([("p", "Plan 2015/16"), ("table", rows), ("bullet", "KPI")]),
        ".xlsx": xlsx_bytes({"Plan": rows}),
        ".pdf": pdf_bytes(rows),
        ".odt": odt_bytes(["Plan"], rows, ["KPIs", "• Fewer detentions"]),
        ".ods": ods_bytes({"Plan": rows}),
        ".txt": seed,
    }


def parses_or_refuses(data, filename):
    try:
        plan = parse_plan(data, filename, registry=build_registry())
    except ImportRefused as refused:
        assert refused.message.strip()
        return
    assert isinstance(plan, ParsedPlan)
    assert plan.actions
    plan.to_json()


@FUZZ
@given(data=st.binary(max_size=4096), extension=st.sampled_from(EXTENSIONS))
def test_random_bytes(data, extension):
    parses_or_refuses(data, f"upload{extension}")


@st.composite
def mutations(draw):
    extension = draw(st.sampled_from(sorted(originals())))
    data = bytearray(originals()[extension])
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "flip", "flip", "cut", "insert", "zero"]))
        position = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[position] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            data = data[:position]
        elif kind == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=64))
        elif data:
            end = min(len(data), position + draw(st.integers(1, 256)))
            data[position:end] = bytes(end - position)
    return extension, bytes(data)


@FUZZ
@given(mutation=mutations())
def test_mutated_real_documents(mutation):
    extension, data = mutation
    parses_or_refuses(data, f"plan{extension}")
