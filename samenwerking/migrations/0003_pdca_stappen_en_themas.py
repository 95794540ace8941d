"""Seed the PDCA step plans of both kinds of verband (seeds 000 and 001) and the starting themes."""

from django.db import migrations

from samenwerking import seeds


def seed(apps, schema_editor):
    seeds.zaai(PdcaStap=apps.get_model("samenwerking", "PdcaStap"), Thema=apps.get_model("samenwerking", "Thema"))


class Migration(migrations.Migration):
    dependencies = [("samenwerking", "0002_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
