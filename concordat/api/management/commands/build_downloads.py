from django.core.management.base import BaseCommand

from concordat.api.downloads import build_downloads


class Command(BaseCommand):
    help = "Build the open-data ZIP of everything published (CSV files and a README)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Write the ZIP here instead of under MEDIA_ROOT.")

    def handle(self, *args, output=None, **options):
        path, counts = build_downloads(path=output)
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count} rows")
        self.stdout.write(self.style.SUCCESS(f"Wrote {path}"))
