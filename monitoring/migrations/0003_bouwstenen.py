"""Seed the six bouwstenen of regional GP collaboration (LHV/NHG/InEen, seed 003)."""

from django.db import migrations

from monitoring import seeds


def seed(apps, schema_editor):
    seeds.zaai(Bouwsteen=apps.get_model("monitoring", "Bouwsteen"))


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0002_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
