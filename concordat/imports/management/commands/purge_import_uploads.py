"""`python manage.py purge_import_uploads`: delete uploaded plans left unconfirmed past their
lifetime. Any upload also does this; a scheduler can run it so nothing lingers on a quiet
site. Safe to run at any time, and twice."""

from django.core.management.base import BaseCommand

from concordat.imports.session import lifetime, purge_expired


class Command(BaseCommand):
    help = "Delete uploaded plans that were neither confirmed nor cancelled within their lifetime."

    def handle(self, *args, **options):
        removed = purge_expired()
        self.stdout.write(
            f"Deleted {removed} expired upload{'s' if removed != 1 else ''} "
            f"(older than {lifetime() // 60} minutes)."
        )
