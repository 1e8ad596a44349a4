"""python manage.py load_populations FILE: set areas' populations from a CSV file."""

import csv

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from concordat.core.services import area_populations_load

COLUMNS = {"area", "population", "year"}


class Command(BaseCommand):
    help = (
        "Set areas' populations (for figures per 100,000 residents) from a CSV file with the "
        "columns area (the area's address, like south-west-essex), population and year. "
        "All or nothing: a file with any problem changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file: area,population,year")

    def handle(self, *args, file, **options):
        try:
            with open(file, encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                missing = COLUMNS - set(reader.fieldnames or [])
                if missing:
                    raise CommandError(
                        f"{file} must have the columns area, population and year "
                        f"(missing: {', '.join(sorted(missing))})."
                    )
                rows = list(enumerate(reader, start=2))
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        try:
            areas = area_populations_load(rows=rows, actor=None)
        except ValidationError as error:
            raise CommandError("Nothing was changed.\n" + "\n".join(error.messages)) from error
        self.stdout.write(f"Populations set for {len(areas)} area{'s' if len(areas) != 1 else ''}.")
