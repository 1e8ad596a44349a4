from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe

from concordat.core import rules
from concordat.measures.comparisons import PER_RESIDENTS


@require_safe
def about_figures(request):
    """How every figure on the public pages is worked out, and which function says so."""
    return render(
        request,
        "public/about_figures.html",
        {
            "stale_months": settings.CONCORDAT_STALE_MONTHS,
            "due_soon_days": rules.DUE_SOON_DAYS,
            "behind_percent": round(100 * rules.BEHIND_OVERDUE_SHARE),
            "default_review_months": settings.CONCORDAT_DEFAULT_REVIEW_MONTHS,
            "per_residents": f"{PER_RESIDENTS:,}",
            "stages": list(rules.Stage),
            "breadcrumbs": [{"text": "Home", "href": "/"}, {"text": "About these figures"}],
        },
    )
