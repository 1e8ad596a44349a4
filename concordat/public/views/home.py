from django.shortcuts import render
from django.views.decorators.http import require_safe

from concordat.public.hexmap import hex_map
from concordat.public.national import national_picture
from concordat.public.presenters import add_area_urls, rag_segments, status_segments

from .helpers import today


@require_safe
def home(request):
    on = today()
    picture = national_picture(on=on)
    add_area_urls(picture.areas)
    return render(
        request,
        "public/home.html",
        {
            "picture": picture,
            "on": on,
            "map": hex_map(picture.areas),
            "status_segments": status_segments(picture.totals.by_status),
            "rag_segments": rag_segments(picture.totals.by_rag, picture.totals.by_rag_suggested),
        },
    )
