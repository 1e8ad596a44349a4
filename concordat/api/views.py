"""Pages of the open-data side: what is offered, the API reference, the downloads ZIP, calendars."""

from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from concordat.core.models import Area

from . import docs as api_docs
from .api import api
from .calendar import due_calendar
from .downloads import ZIP_NAME, built_zip, files, open_zip


@require_GET
def index(request):
    return render(request, "api/index.html", {"operations": api_docs.operations(api)})


@require_GET
def docs(request):
    return render(
        request,
        "api/docs.html",
        {"operations": api_docs.operations(api), "components": api_docs.components(api)},
    )


@require_GET
def downloads(request):
    built = built_zip()
    if built is not None:
        built = {"size": built[0], "at": built[1]}
    listing = [
        (name, about, file_columns) for name, about, file_columns, _ in files(timezone.localdate())
    ]
    return render(
        request,
        "api/downloads.html",
        {"built": built, "zip_name": ZIP_NAME, "files": listing},
    )


@require_GET
def download_zip(request):
    return FileResponse(
        open_zip(), as_attachment=True, filename=ZIP_NAME, content_type="application/zip"
    )


@require_GET
def area_due_calendar(request, slug):
    area = get_object_or_404(Area, slug=slug)
    response = HttpResponse(
        due_calendar(area).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{area.slug}-due.ics"'
    return response
