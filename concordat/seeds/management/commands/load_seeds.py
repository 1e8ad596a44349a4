from django.core.management.base import BaseCommand, CommandError

from concordat.imports.pipeline import ImportRefused
from concordat.seeds.loader import SeedError, load_seeds


class Command(BaseCommand):
    help = (
        "Load the source documents (national plan, South West Essex plan, national "
        "organisations, Hampshire and Isle of Wight progress report). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seeds-dir", help="Folder holding the seed files (default: CONCORDAT_SEEDS_DIR)."
        )

    def handle(self, *args, seeds_dir=None, **options):
        try:
            log = load_seeds(seeds_dir=seeds_dir)
        except (SeedError, ImportRefused) as error:
            raise CommandError(str(error)) from error
        for line in log:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Source documents loaded."))
