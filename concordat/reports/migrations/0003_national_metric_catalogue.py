from django.db import migrations

from concordat.measures.catalogue import catalogue_upsert


def load_catalogue(apps, schema_editor):
    catalogue_upsert(apps.get_model("reports", "Metric"), using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_metric_mapping_and_report_snapshot")]

    operations = [migrations.RunPython(load_catalogue, migrations.RunPython.noop)]
