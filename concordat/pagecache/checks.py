"""Start-up check: the page cache middleware sits outside any response compression, so that a
cached page is stored compressed once instead of being compressed again for every reader."""

from django.conf import settings
from django.core.checks import Warning, register

MIDDLEWARE = "concordat.pagecache.middleware.PublicPageCacheMiddleware"
COMPRESSION = ("GZip", "Compress", "Brotli", "Zstd")


@register()
def compression_inside_page_cache(app_configs, **kwargs):
    middleware = list(getattr(settings, "MIDDLEWARE", []))
    if MIDDLEWARE not in middleware:
        return []
    position = middleware.index(MIDDLEWARE)
    outside = [m for m in middleware[:position] if any(word in m for word in COMPRESSION)]
    return [
        Warning(
            f"{name} runs before the page cache middleware, so every cached page is compressed "
            "again for each reader.",
            hint=f"List {name} after {MIDDLEWARE} in MIDDLEWARE.",
            id="pagecache.W001",
        )
        for name in outside
    ]
