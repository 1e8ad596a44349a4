from django.core.management.base import BaseCommand

from concordat.search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from everything published. Safe to run at any time."

    def handle(self, *args, **options):
        total = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Indexed {total} documents."))
