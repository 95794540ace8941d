from django.db import migrations


class Migration(migrations.Migration):
    """The five pdf_* fields of Overleg are gone: their data moved to NotulenPdf (0007)."""

    dependencies = [
        ("samenwerking", "0010_notulenpdf_gegevens"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="historicaloverleg",
            name="pdf_bestand",
        ),
        migrations.RemoveField(
            model_name="historicaloverleg",
            name="pdf_fout",
        ),
        migrations.RemoveField(
            model_name="historicaloverleg",
            name="pdf_gereed_op",
        ),
        migrations.RemoveField(
            model_name="historicaloverleg",
            name="pdf_gestart_op",
        ),
        migrations.RemoveField(
            model_name="historicaloverleg",
            name="pdf_status",
        ),
        migrations.RemoveField(
            model_name="overleg",
            name="pdf_bestand",
        ),
        migrations.RemoveField(
            model_name="overleg",
            name="pdf_fout",
        ),
        migrations.RemoveField(
            model_name="overleg",
            name="pdf_gereed_op",
        ),
        migrations.RemoveField(
            model_name="overleg",
            name="pdf_gestart_op",
        ),
        migrations.RemoveField(
            model_name="overleg",
            name="pdf_status",
        ),
    ]
