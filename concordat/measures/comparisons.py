"""Comparisons of metric values, in numbers and in words.

Every function here works on values already read (a mapping of (period_start, period_end) →
Decimal) and says nothing the values do not support: a comparison needs a value for every
period on both sides, or it is not made.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .periods import Period, period_label, periods_between

HUNDRED = Decimal(100)
# Counts are compared across areas per this many residents.
PER_RESIDENTS = 100_000


def per_residents(value, population):
    """A count per PER_RESIDENTS residents of an area, or None without a population."""
    if value is None or not population:
        return None
    return Decimal(value) * PER_RESIDENTS / Decimal(population)


def format_number(value):
    """5.0000 → "5", 72.50 → "72.5", 1234 → "1,234"."""
    if value is None:
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}"
    text = f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}".rstrip("0")
    return text.rstrip(".")


def format_percent(value):
    """83.33 → "83%"; small changes keep one decimal place (0.5 → "0.5%")."""
    value = abs(Decimal(value))
    if value >= 10:
        shown = value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    else:
        shown = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if shown == shown.to_integral_value():
            shown = shown.quantize(Decimal(1))
    return f"{shown}%"


def with_unit(metric, value):
    if metric.is_percentage:
        return f"{format_number(value)}%"
    return format_number(value)


def aggregate(metric, values):
    """One figure for several periods: their sum for counts, their mean for rates."""
    values = [Decimal(v) for v in values]
    if not values:
        return None
    total = sum(values, Decimal(0))
    if metric.aggregation == "mean":
        return total / len(values)
    return total


def _capitalise(text):
    return text[:1].upper() + text[1:]


def _phrase(metric):
    return metric.measure_phrase or metric.name.lower()


def improvement(metric, before, after):
    """True if going from `before` to `after` is better, False if worse, None if neither."""
    if before == after or metric.better == "neither":
        return None
    if metric.better == "lower":
        return after < before
    return after > before


@dataclass
class Comparison:
    metric: object
    current: Decimal
    previous: Decimal
    current_label: str
    previous_label: str
    change: Decimal
    percent_change: Decimal | None  # relative change for counts, None for rates
    improved: bool | None
    sentence: str

    @property
    def direction(self):
        if self.change < 0:
            return "down"
        if self.change > 0:
            return "up"
        return "same"


def compare(metric, *, current, previous, current_label, previous_label):
    """Compare two figures of one metric and put the comparison into words."""
    current, previous = Decimal(current), Decimal(previous)
    change = current - previous
    percent = None
    if metric.is_percentage:
        sentence = _rate_sentence(metric, current, previous, current_label, previous_label)
    else:
        if previous != 0:
            percent = change / previous * HUNDRED
        sentence = _count_sentence(metric, current, previous, current_label, previous_label)
    return Comparison(
        metric=metric,
        current=current,
        previous=previous,
        current_label=current_label,
        previous_label=previous_label,
        change=change,
        percent_change=percent,
        improved=improvement(metric, previous, current),
        sentence=sentence,
    )


def _count_sentence(metric, current, previous, current_label, previous_label):
    phrase = _phrase(metric)
    if current == previous == 0:
        return _capitalise(f"no {phrase} in {current_label} or in {previous_label}.")
    if previous == 0:
        return _capitalise(
            f"{phrase} rose from none in {previous_label} to {format_number(current)} in "
            f"{current_label}."
        )
    if current == previous:
        return _capitalise(
            f"the same number of {phrase} ({format_number(current)}) in {current_label} as in "
            f"{previous_label}."
        )
    percent = format_percent((current - previous) / previous * HUNDRED)
    word = "fewer" if current < previous else "more"
    return f"{percent} {word} {phrase} in {current_label} than in {previous_label}."


def _rate_sentence(metric, current, previous, current_label, previous_label):
    phrase = _phrase(metric)
    shown_current, shown_previous = format_number(current), format_number(previous)
    if current == previous:
        return f"{shown_current}% of {phrase} in {current_label}, the same as in {previous_label}."
    word = "up" if current > previous else "down"
    points = format_number(abs(current - previous))
    unit = "percentage point" if abs(current - previous) == 1 else "percentage points"
    return (
        f"{shown_current}% of {phrase} in {current_label}, {word} {points} {unit} from "
        f"{shown_previous}% in {previous_label}."
    )


def _covered(values, periods):
    keys = [(period.start, period.end) for period in periods]
    if not keys or any(key not in values for key in keys):
        return None
    return [values[key] for key in keys]


def compare_year_earlier(metric, values, *, start, end):
    """The periods of `metric` starting in [start, end] against the same periods a year
    earlier; None unless every one of those periods has a value on both sides."""
    periods = periods_between(metric.period, start, end)
    earlier = [period.year_earlier() for period in periods]
    now_values, then_values = _covered(values, periods), _covered(values, earlier)
    if now_values is None or then_values is None:
        return None
    return compare(
        metric,
        current=aggregate(metric, now_values),
        previous=aggregate(metric, then_values),
        current_label=period_label(periods[0].start, periods[-1].end),
        previous_label=period_label(earlier[0].start, earlier[-1].end),
    )


def compare_to_baseline(metric, values):
    """The latest period's value against the metric's baseline (a value for one period)."""
    if metric.baseline is None or not values:
        return None
    key = max(values)
    label = period_label(*key)
    baseline_label = metric.baseline_text or "the baseline"
    return compare(
        metric,
        current=values[key],
        previous=metric.baseline,
        current_label=label,
        previous_label=baseline_label,
    )


@dataclass
class NeverEvent:
    start: date
    end: date
    value: Decimal
    sentence: str


def never_events(metric, values):
    """Each period in which a never event happened (any value above zero)."""
    if not metric.is_never_event:
        return []
    flags = []
    for (start, end), value in sorted(values.items()):
        if Decimal(value) > 0:
            flags.append(
                NeverEvent(
                    start=start,
                    end=end,
                    value=Decimal(value),
                    sentence=(
                        f"Never event: {format_number(value)} {_phrase(metric)} in "
                        f"{period_label(start, end)}."
                    ),
                )
            )
    return flags


@dataclass
class TargetProgress:
    value: Decimal
    target: Decimal
    label: str
    met: bool
    share_of_way: Decimal | None  # 0–100 from the baseline to the target, if a baseline is set
    sentence: str


def progress_to_target(metric, values):
    """How the latest value stands against the target, and how far it has come from the
    baseline towards it."""
    if metric.target is None or not values or metric.better == "neither":
        return None
    key = max(values)
    value, target = Decimal(values[key]), Decimal(metric.target)
    label = period_label(*key)
    met = value <= target if metric.better == "lower" else value >= target
    share = None
    if metric.baseline is not None and Decimal(metric.baseline) != target:
        baseline = Decimal(metric.baseline)
        share = (baseline - value) / (baseline - target) * HUNDRED
    shown, shown_target = with_unit(metric, value), with_unit(metric, target)
    if met:
        sentence = f"Target met in {label}: {shown} against a target of {shown_target}."
    else:
        sentence = f"Target not yet met in {label}: {shown} against a target of {shown_target}"
        if share is not None and share > 0:
            sentence += f", {format_percent(share)} of the way from the baseline"
        sentence += "."
    return TargetProgress(
        value=value, target=target, label=label, met=met, share_of_way=share, sentence=sentence
    )


def latest_span(metric, values, *, months=6):
    """The run of up to `months` months of periods ending with the latest value in which
    every period has a value and so has the same period a year earlier; (start, end) or
    None if even the latest period cannot be compared."""
    if not values:
        return None
    last_start, last_end = max(values)
    period = Period(last_start, last_end, metric.period)
    run = []
    while (period.start, period.end) in values and (
        period.year_earlier().start,
        period.year_earlier().end,
    ) in values:
        run.append(period)
        earlier = _previous(period)
        if _months(earlier.start, last_end) > months:
            break
        period = earlier
    if not run:
        return None
    return run[-1].start, run[0].end


def _months(start, end):
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _previous(period):
    found = periods_between(
        period.kind, date(period.start.year - 1, period.start.month, 1), period.start
    )
    earlier = [p for p in found if p.end < period.start]
    return earlier[-1]


__all__ = [
    "Comparison",
    "NeverEvent",
    "Period",
    "TargetProgress",
    "aggregate",
    "compare",
    "compare_to_baseline",
    "compare_year_earlier",
    "format_number",
    "format_percent",
    "latest_span",
    "never_events",
    "progress_to_target",
]
