from django.core.management.base import BaseCommand

from concordat.alerts.digest import send_alert_digests


class Command(BaseCommand):
    help = (
        "Sends the public's email alert digests (daily ones each day, weekly ones once a "
        "week): what was published since the last digest. Run daily; each email goes once."
    )

    def handle(self, *args, **options):
        sent, empty, failed = send_alert_digests()
        self.stderr.write(f"Sent {sent} digest(s); {empty} with nothing new; {failed} failed.")
