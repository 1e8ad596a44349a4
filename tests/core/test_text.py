"""Cell text helpers and the `richtext` template filter, on cells from the seeds."""

import re

import pytest
from django.template import Context, Template
from django.utils.safestring import mark_safe
from hypothesis import given, settings
from hypothesis import strategies as st

from concordat.core.templatetags.concordat_text import richtext
from concordat.core.text import Block, collapse_whitespace, html_lists_to_lines, split_blocks

# Seed 001, action 1.7, Highlights and Achievements (first part).
SEED_001_1_7 = (
    "<ul> <li>This action should be informed by 1.4 above and by the HEE workforce strategy.</li>"
    " <li>DH ran Crisis Concordat workshops with Strategic clinical networks and academic</li>"
    " </ul>"
)
# Seed 001, action 3.6, the action text: bullets run inline, one with no space before it.
SEED_001_3_6 = (
    "Support local social services to review their arrangements for out of hours AMHP "
    "provision: • consider the implementation of a scheme that employs sessional AMHPs in "
    "addition to existing resources to ensure they are able to respond in a timely manner• "
    "explore potential for better integration of AMHP and EDT services with out of hours crisis "
    "provision of health and other partners • authorities who have combined the services with "
    "children's safeguarding should satisfy themselves, in consultation with the police and "
    "mental health providers, that AMHPs can be available within locally agreed response times."
)
# Seed 004, action 1.1, the action text.
SEED_004_1_1 = (
    "Establish baseline data  \n· Street triage pilot \n· s136 admission\n· EDS/EDT service\n"
    "· CHRT\n· A&E Liaison /RAID\n· Public Health  (JSNA)\n· Ambulance\n· 111 Flowchart\n"
    "· Telecare\n\n· Review quality of existing data"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  a \t b\n\nc  ", "a b c"),
        ("commissio ning", "commissio ning"),
        ("a\u00a0b", "a b"),
        ("", ""),
        (None, ""),
    ],
)
def test_collapse_whitespace(text, expected):
    assert collapse_whitespace(text) == expected


def test_html_lists_become_bullet_lines():
    assert html_lists_to_lines(SEED_001_1_7) == (
        "• This action should be informed by 1.4 above and by the HEE workforce strategy.\n"
        "• DH ran Crisis Concordat workshops with Strategic clinical networks and academic"
    )


def test_html_italics_are_dropped_and_entities_unescaped():
    text = (
        "The final report of the review, <i>Right here, right now</i> (published June 2015) "
        "<ul> <li>Patient &amp; Public Voice</li> </ul> after"
    )
    assert html_lists_to_lines(text) == (
        "The final report of the review, Right here, right now (published June 2015)\n"
        "• Patient & Public Voice\n"
        "after"
    )


def test_html_lists_to_lines_leaves_plain_text_alone():
    assert html_lists_to_lines("A&E\n\n· item") == "A&E\n\n· item"
    assert html_lists_to_lines("fewer than <5 a year") == "fewer than <5 a year"
    assert html_lists_to_lines("Patient &amp; Public") == "Patient & Public"


def test_html_lists_to_lines_drops_scripts_and_keeps_line_breaks():
    assert html_lists_to_lines("a<br>b<script>alert(1)</script><p>c</p>") == "a\nb\nc"


def test_split_blocks_html_converted_list():
    blocks = split_blocks(html_lists_to_lines(SEED_001_1_7))
    assert blocks == [
        Block(
            "list",
            items=(
                "This action should be informed by 1.4 above and by the HEE workforce strategy.",
                "DH ran Crisis Concordat workshops with Strategic clinical networks and academic",
            ),
        )
    ]


def test_split_blocks_inline_bullets():
    blocks = split_blocks(SEED_001_3_6)
    assert [block.kind for block in blocks] == ["paragraph", "list"]
    assert blocks[0].text == (
        "Support local social services to review their arrangements for out of hours AMHP "
        "provision:"
    )
    assert len(blocks[1].items) == 3
    assert blocks[1].items[0].startswith("consider the implementation")
    assert blocks[1].items[0].endswith("in a timely manner")
    assert blocks[1].items[1].startswith("explore potential")
    assert blocks[1].items[2].endswith("within locally agreed response times.")


def test_split_blocks_seed_004_lines_and_a_blank_inside_the_list():
    assert split_blocks(SEED_004_1_1) == [
        Block("paragraph", text="Establish baseline data"),
        Block(
            "list",
            items=(
                "Street triage pilot",
                "s136 admission",
                "EDS/EDT service",
                "CHRT",
                "A&E Liaison /RAID",
                "Public Health (JSNA)",
                "Ambulance",
                "111 Flowchart",
                "Telecare",
                "Review quality of existing data",
            ),
        ),
    ]


@pytest.mark.parametrize("bullet", ["•", "·", "▪", "-", "*", "o"])
def test_split_blocks_every_bullet_character(bullet):
    assert split_blocks(f"{bullet} first\n{bullet} second") == [
        Block("list", items=("first", "second"))
    ]


def test_split_blocks_paragraphs_wrapped_items_and_plain_dashes():
    text = "First line\nwrapped on.\n\n• An item\nthat wraps\n\nAfter -999 not 111\no\nover"
    assert split_blocks(text) == [
        Block("paragraph", text="First line wrapped on."),
        Block("list", items=("An item that wraps",)),
        Block("paragraph", text="After -999 not 111 o over"),
    ]


def test_split_blocks_nothing():
    assert split_blocks("") == []
    assert split_blocks(None) == []
    assert split_blocks(" \n\n ") == []


def render(template_text, **context):
    return Template("{% load concordat_text %}" + template_text).render(Context(context))


def test_richtext_renders_paragraphs_and_lists():
    html = render("{{ cell|richtext }}", cell=SEED_004_1_1)
    assert html.startswith('<p class="govuk-body">Establish baseline data</p>\n')
    assert '<ul class="govuk-list govuk-list--bullet"><li>Street triage pilot</li>' in html
    assert "<li>A&amp;E Liaison /RAID</li>" in html
    assert html.count("<li>") == 10


def test_richtext_escapes_hostile_markup():
    cell = '<script>alert("x")</script>\n• <img src=x onerror=alert(1)>'
    html = render("{{ cell|richtext }}", cell=cell)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<li>&lt;img src=x onerror=alert(1)&gt;</li>" in html


def test_richtext_escapes_even_text_marked_safe():
    assert "<b>" not in richtext(mark_safe("<b>bold</b>"))


def test_richtext_of_nothing():
    assert richtext(None) == ""
    assert render("{{ cell|richtext }}", cell="") == ""


_OUR_TAGS = re.compile(r'</?(?:p|ul|li)(?: class="[a-z -]+")?>')


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=300),
        st.lists(
            st.sampled_from(
                ["<script>", "</li>", "<ul>", "•", "·", "- ", "o ", "\n", "&", '"', "x"]
            ),
            max_size=20,
        ).map("".join),
    )
)
def test_richtext_never_raises_and_never_passes_markup_through(text):
    html = str(richtext(text))
    assert "<" not in _OUR_TAGS.sub("", html)
    blocks = split_blocks(text)
    assert all(block.kind in {"paragraph", "list"} for block in blocks)
    assert html_lists_to_lines(text) is not None
