"""Email the reminders that are due. Run it from a scheduler as often as wanted: each
reminder is claimed in the database before it is sent, so nothing goes out twice, even when
two copies run at once (see concordat.workspace.reminders)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from concordat.workspace.reminders import deliver, plan, record


class Command(BaseCommand):
    help = "Email review, overdue and stale reminders and the office digest; idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Work out what is due as on this day (YYYY-MM-DD) instead of today.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List who would be emailed about what, and send nothing.",
        )

    def handle(self, *args, **options):
        on = None
        if options["date"]:
            try:
                on = date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("--date must be a day written YYYY-MM-DD.") from None
        emails = plan(on=on)
        if options["dry_run"]:
            for email in emails:
                self.stdout.write(
                    f"{email.kind} to {email.recipient.email}: {len(email.items)} item(s)"
                )
            self.stdout.write(f"{len(emails)} email(s) due; nothing sent (dry run).")
            return
        record(emails)
        sent, failed = deliver(emails)
        self.stderr.write(f"Reminders: {sent} email(s) sent, {failed} failed.")
        if failed:
            raise CommandError(f"{failed} email(s) could not be sent; they will be tried again.")
