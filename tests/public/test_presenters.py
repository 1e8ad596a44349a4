"""Bar segments, whole percentages and the links built without reverse() per row."""

import pytest
from django.urls import reverse

from concordat.public.presenters import _UrlMaker, rag_segments, status_segments, whole_percentages


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([1, 1, 1], [34, 33, 33]),
        ([0, 0, 0], [0, 0, 0]),
        ([47, 0, 0, 0, 0], [100, 0, 0, 0, 0]),
        ([2, 1], [67, 33]),
        ([1, 199], [1, 99]),
    ],
)
def test_whole_percentages_add_up_to_100(counts, expected):
    assert whole_percentages(counts) == expected


def test_status_segments_in_order_with_labels():
    segments = status_segments({"not_started": 1, "in_progress": 2, "complete": 1, "": 0})

    assert [(s["key"], s["label"], s["count"], s["percent"]) for s in segments] == [
        ("not-started", "Not started", 1, 25),
        ("in-progress", "In progress", 2, 50),
        ("complete", "Complete", 1, 25),
        ("superseded", "Superseded", 0, 0),
        ("none", "Status not stated", 0, 0),
    ]


def test_rag_segments_keys_match_the_bar_styles():
    assert [s["key"] for s in rag_segments({})] == ["red", "amber", "green", "blue", "none"]


@pytest.mark.parametrize(
    ("slug", "ref"),
    [("england", "3.8"), ("a-b", "1:a"), ("AREA", "REF"), ("x", "A 2(b)"), ("x", "3.20'")],
)
def test_url_maker_builds_what_reverse_builds(db, slug, ref):
    make = _UrlMaker("public:action", "AREA", "REF")

    assert make(slug, ref) == reverse("public:action", args=[slug, ref])
