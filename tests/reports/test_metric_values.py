from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from concordat.core.models import AuditEntry
from concordat.measures.periods import month, quarter
from concordat.reports.models import Metric, MetricValue
from concordat.reports.services import (
    metric_link_catalogue,
    metric_value_record,
    metric_values_import,
)
from tests.factories import make_area

pytestmark = pytest.mark.django_db


@pytest.fixture
def essex(db):
    return make_area("Essex")


def messages_of(caught):
    return caught.value.messages


GOOD = (
    "metric,period,value,note\n"
    "section-136-detentions,2015-04,12,\n"
    "Section 136 detentions,May 2015,9,from the police\n"
    "service-user-feedback,Q1 2015/16,71.5%,survey of 40 people\n"
)


def test_a_good_file_records_every_value(essex):
    created, changed = metric_values_import(area=essex, data=GOOD.encode(), actor=None)
    assert (created, changed) == (3, 0)
    rows = {
        (v.metric.slug, v.period_start, v.period_end): (v.value, v.note)
        for v in MetricValue.objects.select_related("metric")
    }
    assert rows == {
        ("section-136-detentions", date(2015, 4, 1), date(2015, 4, 30)): (Decimal(12), ""),
        ("section-136-detentions", date(2015, 5, 1), date(2015, 5, 31)): (
            Decimal(9),
            "from the police",
        ),
        ("service-user-feedback", date(2015, 4, 1), date(2015, 6, 30)): (
            Decimal("71.5"),
            "survey of 40 people",
        ),
    }
    again = GOOD.replace(",12,", ",13,")
    assert metric_values_import(area=essex, data=again.encode(), actor=None) == (0, 1)
    corrected = AuditEntry.objects.get(verb="corrected value")
    assert (corrected.field, corrected.before, corrected.after) == (
        "section-136-detentions Apr 2015",
        "12",
        "13",
    )


def test_bad_lines_are_reported_by_number_and_nothing_is_saved(essex):
    data = (
        "metric,period,value,note\n"
        "section-136-detentions,2015-04,12,\n"
        "no-such-measure,2015-04,3,\n"
        "section-136-detentions,2015-13,3,\n"
        "section-136-detentions,Q1 2015/16,3,\n"
        "section-136-detentions,2015-05,lots,\n"
        "ambulance-section-136-within-30-minutes,2015-04,130,\n"
        "section-136-detentions,April 2015,4,\n"
        "section-136-detentions,2015-06,-1,\n"
        "section-136-detentions,2015-07,1,a,b\n"
    )
    with pytest.raises(ValidationError) as caught:
        metric_values_import(area=essex, data=data.encode(), actor=None)
    assert messages_of(caught) == [
        "Line 3: there is no metric called “no-such-measure”. Use a name or code from the "
        "metrics page, such as section-136-detentions.",
        "Line 4: “2015-13” has no month 13.",
        "Line 5: Section 136 detentions is recorded by month; “Q1 2015/16” is a quarter.",
        "Line 6: “lots” is not a number.",
        "Line 7: Ambulance arrival within 30 minutes for section 136 conveyance is a "
        "percentage, so it cannot be over 100 (130).",
        "Line 8: a second value for Section 136 detentions in April 2015 (the first is on line 2).",
        "Line 9: Section 136 detentions cannot be negative (-1).",
        "Line 10: it has 5 cells but there are 4 headings; put a note with commas in double "
        "quotes.",
    ]
    assert MetricValue.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty. Choose a CSV file with a row for each value."),
        (
            b"measure,when,amount\nsection-136-detentions,2015-04,1\n",
            "The first line must be the column headings metric,period,value,note "
            "(found: measure,when,amount).",
        ),
        (b"metric,period,value,note\n\n", "The file has headings but no values."),
    ],
)
def test_files_that_are_not_value_lists_are_refused(essex, data, message):
    with pytest.raises(ValidationError) as caught:
        metric_values_import(area=essex, data=data, actor=None)
    assert messages_of(caught) == [message]


@override_settings(CONCORDAT_METRICS_CSV_MAX_BYTES=100)
def test_a_file_over_the_size_limit_is_refused_unread(essex):
    with pytest.raises(ValidationError) as caught:
        metric_values_import(area=essex, data=GOOD.encode() * 3, actor=None)
    assert messages_of(caught) == [
        "The file is 507\xa0bytes, which is over the limit of 100\xa0bytes. Split it into "
        "smaller files."
    ]


def test_encodings_excel_uses_are_read(essex):
    text = "metric,period,value,note\nsection-136-detentions,2015-04,12,café £5 – noted\n"
    for data in (
        text.encode("utf-8-sig"),
        text.encode("cp1252"),
        b"\xff\xfe" + text.encode("utf-16-le"),
    ):
        MetricValue.objects.all().delete()
        metric_values_import(area=essex, data=data, actor=None)
        assert MetricValue.objects.get().note == "café £5 – noted"


def test_an_area_kpi_that_is_a_catalogue_measure_is_recorded_against_it(essex):
    own = Metric.objects.create(
        slug="essex-reduction-in-section-136-detentions",
        name="Reduction in section 136 detentions",
        area=essex,
        source_text="· Reduction in section 136 detentions",
    )
    catalogue = Metric.objects.get(slug="section-136-detentions")
    assert metric_link_catalogue(metric=own) == catalogue
    value, created = metric_value_record(
        metric=own, area=essex, period=month(2015, 4), value=3, actor=None
    )
    assert created and value.metric == catalogue
    data = b"metric,period,value,note\nReduction in section 136 detentions,2015-05,4,\n"
    metric_values_import(area=essex, data=data, actor=None)
    assert MetricValue.objects.filter(metric=catalogue).count() == 2


def test_another_areas_measure_cannot_be_used(essex):
    other = make_area("Kent")
    theirs = Metric.objects.create(slug="kent-training", name="Training", area=other)
    with pytest.raises(ValidationError) as caught:
        metric_value_record(metric=theirs, area=essex, period=month(2015, 4), value=1, actor=None)
    assert messages_of(caught) == ["Training is another area's measure."]
    data = b"metric,period,value,note\nkent-training,2015-04,1,\n"
    with pytest.raises(ValidationError) as caught:
        metric_values_import(area=essex, data=data, actor=None)
    assert messages_of(caught)[0].startswith("Line 2: there is no metric called “kent-training”")


def test_a_value_for_the_wrong_kind_of_period_is_refused(essex):
    feedback = Metric.objects.get(slug="service-user-feedback")
    with pytest.raises(ValidationError) as caught:
        metric_value_record(
            metric=feedback, area=essex, period=month(2015, 4), value=50, actor=None
        )
    assert messages_of(caught) == [
        "Service user feedback on crisis care is recorded by quarter, not by month."
    ]
    metric_value_record(metric=feedback, area=essex, period=quarter(2015, 1), value=50, actor=None)
    assert MetricValue.objects.count() == 1
