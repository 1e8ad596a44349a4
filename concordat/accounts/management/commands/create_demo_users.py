"""Create the demo sign-ins of issue 4, for `make run` and the tests only."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from concordat.accounts import services
from concordat.accounts.models import Profile
from concordat.accounts.security import normalise_email
from concordat.core.models import Area, Organisation

DEFAULT_PASSWORD = "concordat-demo"  # noqa: S105 - the documented demo password

# (email, what they are, role, area slug or organisation name)
DEMO_USERS = [
    ("office@demo.concordat.test", "Concordat office", "office", None),
    ("lead.swe@demo.concordat.test", "South West Essex lead", "lead", "south-west-essex"),
    ("editor.swe@demo.concordat.test", "South West Essex editor", "editor", "south-west-essex"),
    (
        "editor.hiow@demo.concordat.test",
        "Hampshire and Isle of Wight editor",
        "editor",
        "hampshire-and-isle-of-wight",
    ),
    (
        "signatory.nhse@demo.concordat.test",
        "NHS England signatory editor",
        "signatory_editor",
        "NHS England",
    ),
]


class Command(BaseCommand):
    help = (
        "Create (or bring back) the demo sign-ins, with the password in "
        "CONCORDAT_DEMO_PASSWORD (default concordat-demo), and print them. Refuses to run "
        "unless --i-know-this-is-a-demo is given or DJANGO_DEBUG is on. Needs load_seeds first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--i-know-this-is-a-demo",
            action="store_true",
            dest="demo",
            help="Confirm this database is a demo: the accounts have a published password.",
        )

    def handle(self, *args, demo=False, **options):
        if getattr(settings, "PRODUCTION", False):
            raise CommandError("Demo sign-ins are never created under DJANGO_PRODUCTION.")
        if not (demo or settings.DEBUG):
            raise CommandError(
                "Demo sign-ins have a published password, so this command runs only with "
                "--i-know-this-is-a-demo or with DJANGO_DEBUG=1."
            )
        password = os.environ.get("CONCORDAT_DEMO_PASSWORD") or DEFAULT_PASSWORD
        targets = self._targets()
        with transaction.atomic():
            for email, label, role, _target in DEMO_USERS:
                self._ensure(email, label, role, targets.get(email), password)
        self.stdout.write("Demo sign-ins (all with the same password):")
        width = max(len(email) for email, *_ in DEMO_USERS)
        for email, label, _role, _target in DEMO_USERS:
            self.stdout.write(f"  {email.ljust(width)}  {label}")
        self.stdout.write(f"Password: {password}")

    def _targets(self):
        """The area or organisation of each demo user; says what is missing, if anything."""
        targets, missing = {}, []
        for email, _label, role, target in DEMO_USERS:
            if role in ("lead", "editor"):
                found = Area.objects.filter(slug=target).first()
                if found is None:
                    missing.append(f"the area {target}")
            elif role == "signatory_editor":
                found = Organisation.objects.filter(name=target).first()
                if found is None:
                    missing.append(f"the organisation {target}")
            else:
                found = None
            targets[email] = found
        if missing:
            raise CommandError(
                f"Missing {', '.join(missing)}. Load the seeds first: python manage.py load_seeds"
            )
        return targets

    def _ensure(self, email, label, role, target, password):
        email = normalise_email(email)
        user = services.user_for_email(email)
        if user is None:
            user = services.user_create(email=email, name=label, password=password)
        else:
            user.set_password(password)
            user.is_active = True
            user.save(update_fields=["password", "is_active"])
        Profile.objects.get_or_create(user=user)
        if role == "office":
            services.office_grant(user=user)
        elif role == "signatory_editor":
            services.signatory_editor_grant(user=user, organisation=target)
        else:
            services.membership_grant(user=user, area=target, role=role)
