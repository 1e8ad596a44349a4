"""`python manage.py import_plan FILE --area SLUG`: the web importer's pipeline from a shell.

With --dry-run nothing is saved; --dry-run --json prints exactly one JSON object (issue 3's
contract, `ParsedPlan.to_json()`) and nothing else on stdout. Without --dry-run a draft version
is created, never a published one. Any problem exits non-zero with a plain message on stderr.
"""

import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from concordat.core.models import Area
from concordat.core.services import plan_version_import
from concordat.imports.forms import parse_financial_year
from concordat.imports.pipeline import ImportRefused, parse_plan
from concordat.imports.preview import build_preview, organisation_registry


class Command(BaseCommand):
    help = (
        "Read an action plan (.docx, .xlsx, .csv, .pdf, .txt, .odt, .ods) into an area as a "
        "draft version. --dry-run saves nothing; add --json for the parsed plan as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The plan document.")
        parser.add_argument("--area", required=True, help="The area's slug.")
        parser.add_argument("--dry-run", action="store_true", help="Read the file, save nothing.")
        parser.add_argument(
            "--json", action="store_true", help="Print JSON only (the parsed plan with --dry-run)."
        )
        parser.add_argument("--sheet", help="The workbook sheet that holds the plan.")
        parser.add_argument(
            "--financial-year",
            help="The financial year the plan covers (2015 or 2015/16): bare quarters are read "
            "in it.",
        )
        parser.add_argument(
            "--create-organisations",
            action="store_true",
            help="Create every lead organisation that is not in the register (otherwise leads "
            "naming them are kept as written, linked to nothing).",
        )

    def handle(self, *args, **options):
        area = Area.objects.filter(slug=options["area"]).first()
        if area is None:
            raise CommandError(f"There is no area with the slug “{options['area']}”.")
        try:
            financial_year = parse_financial_year(options["financial_year"])
        except ValidationError as error:
            raise CommandError(f"--financial-year: {error.messages[0]}.") from error
        path = Path(options["file"])
        data = self._read(path)
        try:
            parsed = parse_plan(
                data,
                path.name,
                registry=organisation_registry(),
                financial_year=financial_year,
                sheet=options["sheet"],
            )
        except ImportRefused as refusal:
            raise CommandError(f"{path.name}: {refusal.message}") from refusal

        preview = build_preview(area, parsed, keep_current=not options["dry_run"])
        if options["dry_run"]:
            if options["json"]:
                self.stdout.write(json.dumps(parsed.to_json(), ensure_ascii=False, indent=2))
            else:
                self._summary(area, path, preview, saved=None)
            return

        create = [p.name for p in preview.proposed] if options["create_organisations"] else []
        try:
            version = plan_version_import(
                area=area,
                parsed=parsed,
                actor=None,
                filename=path.name,
                sha256=hashlib.sha256(data).hexdigest(),
                create_organisations=create,
                author_name=f"Imported from {path.name}",
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "area": area.slug,
                        "version": version.number,
                        "state": version.state,
                        "actions": version.actions.count(),
                        "warnings": len(parsed.warnings),
                        "created_organisations": create,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            self._summary(area, path, preview, saved=version)

    def _read(self, path):
        limit = settings.CONCORDAT_UPLOAD_MAX_BYTES
        try:
            with path.open("rb") as handle:
                # One byte past the limit is enough for the pipeline to refuse the size.
                return handle.read(limit + 1)
        except OSError as error:
            reason = error.strerror or str(error)
            raise CommandError(f"Could not read {path}: {reason}.") from error

    def _summary(self, area, path, preview, *, saved):
        parsed = preview.parsed
        write = self.stdout.write
        if saved is None:
            write(f"Dry run: nothing was saved. {path.name} for {area.name}:")
        else:
            write(
                self.style.SUCCESS(
                    f"Imported {path.name} into {area.name} as {saved.display_label()} "
                    f"({saved.get_state_display().lower()})."
                )
            )
        write(f"  Title: {parsed.title or '(none)'}")
        write(f"  Actions: {len(parsed.actions)}")
        for header, field in parsed.columns.items():
            write(f"  Column “{header}” read as {field or 'nothing (kept as written)'}")
        comparison = preview.comparison
        if comparison is not None:
            write(
                f"  Against {comparison.base.display_label()}: {len(comparison.added)} added, "
                f"{len(comparison.changed)} changed, {len(comparison.removed)} removed, "
                f"{comparison.unchanged} unchanged."
            )
        if preview.proposed:
            names = ", ".join(p.name for p in preview.proposed)
            write(f"  Organisations not in the register: {names}")
        write(f"  Warnings: {len(parsed.warnings)}")
        for warning in parsed.warnings:
            where = f"row {warning.row}" if warning.row is not None else "file"
            ref = f" ({warning.ref})" if warning.ref else ""
            write(f"    {where}{ref}: {warning.message}")
        if saved is None and preview.working is not None:
            write(
                f"  Note: {area.name} already has {preview.working.display_label()} in "
                "progress, so an import would be refused until it is published or discarded."
            )
