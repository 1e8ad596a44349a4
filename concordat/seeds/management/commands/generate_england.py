"""python manage.py generate_england --areas 152 --seed 1 --database bench

Writes into any configured database (SQLite or PostgreSQL) and leaves it analysed.
"""

import time
from datetime import date
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from concordat.core.models import Area, Section
from concordat.seeds.benchdata import AS_OF, Scale, generate


def analyse(alias):
    """Bring the planner's statistics up to date after a bulk load, as any bulk load should:
    without them PostgreSQL plans the public pages' joins for empty tables."""
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class Command(BaseCommand):
    help = (
        "Write synthetic data at the scale of all of England (DESIGN.md) into a database, "
        "for benchmarks. The same seed gives the same data."
    )

    def add_arguments(self, parser):
        defaults = Scale()
        parser.add_argument("--areas", type=int, default=defaults.areas)
        parser.add_argument("--versions", type=int, default=defaults.versions)
        parser.add_argument("--actions", type=int, default=defaults.actions)
        parser.add_argument("--updates", type=int, default=defaults.updates)
        parser.add_argument("--metrics", type=int, default=defaults.metrics)
        parser.add_argument("--months", type=int, default=defaults.months)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--as-of",
            type=date.fromisoformat,
            default=AS_OF,
            help=f"The day the data is drawn up to (default {AS_OF.isoformat()}).",
        )
        parser.add_argument("--database", default="bench", help="Database alias to write to.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the database's SQLite file first and build it again.",
        )

    def handle(self, *args, **options):
        alias = options["database"]
        if alias not in connections.databases:
            raise CommandError(f"There is no database called {alias!r} in the settings.")
        if options["replace"]:
            self._delete_sqlite_file(alias)
        call_command("migrate", database=alias, verbosity=0, interactive=False)
        if Area.objects.using(alias).exists():
            raise CommandError(
                f"The {alias!r} database already holds areas. Use --replace to build it again."
            )
        if not Section.objects.using(alias).exists():
            raise CommandError(f"The {alias!r} database has no Concordat sections: migrate it.")
        scale = Scale(
            areas=options["areas"],
            versions=options["versions"],
            actions=options["actions"],
            updates=options["updates"],
            metrics=options["metrics"],
            months=options["months"],
        )
        if scale.versions < 1 or scale.actions <= scale.churn:
            raise CommandError(f"At least 1 version and more than {scale.churn} actions a plan.")
        began = time.monotonic()
        counts = generate(
            using=alias,
            seed=options["seed"],
            scale=scale,
            as_of=options["as_of"],
            log=lambda line: self.stdout.write(line),
        )
        analyse(alias)
        self.stdout.write("Planner statistics brought up to date (ANALYZE).")
        summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items())
        self.stdout.write(
            self.style.SUCCESS(f"Done in {time.monotonic() - began:.1f}s: {summary}.")
        )

    def _delete_sqlite_file(self, alias):
        settings_dict = connections.databases[alias]
        if settings_dict["ENGINE"] != "django.db.backends.sqlite3":
            raise CommandError("--replace only deletes SQLite files.")
        connections[alias].close()
        path = Path(settings_dict["NAME"])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
