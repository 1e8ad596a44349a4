"""The KPI list some plans end with, offered as metric definitions."""

import re

from .parsed import ParsedMetric

BULLET = re.compile(r"^\s*(?:[•·▪◦‣○●*\-–]|\d{1,2}[.)])\s*")
KPI_HEADING = re.compile(
    r"\b(kpis?|key performance|indicators?|metrics?|measures|data set)\b", re.I
)
SOFT_HEADING = re.compile(r"\bsoft\b", re.I)
HARD_HEADING = re.compile(r"\bhard\b", re.I)


def read_metrics(text):
    """ParsedMetrics from the text after a plan's table, if it lists KPIs."""
    lines = [line for line in (text or "").split("\n") if line.strip()]
    if not any(KPI_HEADING.search(line) for line in lines):
        return []
    metrics, kind, listing = [], "hard", False
    has_bullets = any(BULLET.match(line) for line in lines)
    for line in lines:
        bulleted = bool(BULLET.match(line))
        if not bulleted:
            if SOFT_HEADING.search(line):
                kind, listing = "soft", True
                continue
            if HARD_HEADING.search(line) or KPI_HEADING.search(line):
                kind = "soft" if SOFT_HEADING.search(line) else kind
                listing = True
                continue
            if has_bullets or not listing or line.rstrip().endswith(":"):
                continue
        name = " ".join(BULLET.sub("", line).split(" | ")[0].split())
        if name:
            metrics.append(ParsedMetric(name=name, kind=kind, text=line.strip()))
    return metrics
