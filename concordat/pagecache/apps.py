from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "concordat.pagecache"
    label = "pagecache"
    verbose_name = "Public page cache"

    def ready(self):
        from . import checks, counter  # noqa: F401 - registers the system check

        counter.install()
