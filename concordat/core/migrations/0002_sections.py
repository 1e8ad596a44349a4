from django.db import migrations

# The five groups of the Concordat (DESIGN.md). Plans with their own section titles are
# mapped onto these.
SECTIONS = [
    (
        1,
        "Commissioning to allow earlier intervention and responsive crisis services",
        "Commissioning",
        "commissioning",
    ),
    (2, "Access to support before crisis point", "Access before crisis", "access"),
    (3, "Urgent and emergency access to crisis care", "Urgent and emergency access", "urgent"),
    (4, "Quality of treatment and care when in crisis", "Quality of treatment and care", "quality"),
    (
        5,
        "Recovery and staying well / preventing future crises",
        "Recovery and staying well",
        "recovery",
    ),
]


def add_sections(apps, schema_editor):
    Section = apps.get_model("core", "Section")
    # Write to the database being migrated (the bench database too), not always to default.
    sections = Section.objects.using(schema_editor.connection.alias)
    for number, title, short_title, slug in SECTIONS:
        sections.update_or_create(
            number=number, defaults={"title": title, "short_title": short_title, "slug": slug}
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(add_sections, migrations.RunPython.noop)]
