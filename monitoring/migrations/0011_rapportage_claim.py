from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0010_rapportage_gedeeld_met_praktijkmanagers")]

    operations = [
        migrations.RenameField(model_name="rapportage", old_name="task_id", new_name="claim"),
        migrations.RenameField(model_name="historicalrapportage", old_name="task_id", new_name="claim"),
    ]
