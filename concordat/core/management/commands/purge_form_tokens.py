"""Forget the one-time tokens of forms posted more than a week ago (run daily)."""

from django.core.management.base import BaseCommand

from concordat.core.forms_once import KEEP_DAYS, purge


class Command(BaseCommand):
    help = "Forget the one-time tokens of forms posted more than a week ago; safe to run often."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=KEEP_DAYS)

    def handle(self, *args, days, **options):
        count = purge(days=days)
        noun = "form token" if count == 1 else "form tokens"
        self.stdout.write(f"Forgot {count} {noun} older than {days} days.")
