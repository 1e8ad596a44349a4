from django.core.management.base import BaseCommand

from concordat.api.downloads import build_downloads, build_if_stale


class Command(BaseCommand):
    help = "Build the open-data ZIP of everything published (CSV files and a README)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="Write the ZIP to this file instead of the shared storage."
        )
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="Only build if something was published since the last build (for cron).",
        )

    def handle(self, *args, output=None, if_stale=False, **options):
        if if_stale:
            built = build_if_stale()
            self.stdout.write("Rebuilt the ZIP." if built else "The ZIP is up to date.")
            return
        path, counts = build_downloads(path=output)
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count} rows")
        self.stdout.write(self.style.SUCCESS(f"Wrote {path}"))
