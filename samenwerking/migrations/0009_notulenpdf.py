import django.db.models.deletion
import zio_portal.achtergrond
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("samenwerking", "0008_datumbereik_en_notulenlengte"),
    ]

    operations = [
        migrations.CreateModel(
            name="NotulenPdf",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("in_wachtrij", "In de wachtrij"),
                            ("bezig", "Wordt gemaakt"),
                            ("gereed", "Gereed"),
                            ("mislukt", "Mislukt"),
                        ],
                        default="in_wachtrij",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "claim",
                    models.CharField(
                        blank=True,
                        help_text="Het id van de Celery-taak die het bestand maakt (of het laatst maakte).",
                        max_length=64,
                        verbose_name="claim",
                    ),
                ),
                ("pogingen", models.PositiveSmallIntegerField(default=0, verbose_name="pogingen")),
                ("gestart_op", models.DateTimeField(blank=True, null=True, verbose_name="gestart op")),
                ("gereed_op", models.DateTimeField(blank=True, null=True, verbose_name="gereed op")),
                ("foutmelding", models.TextField(blank=True, verbose_name="foutmelding")),
                (
                    "bestand",
                    models.FileField(
                        blank=True,
                        max_length=200,
                        storage=zio_portal.achtergrond._private_storage,
                        upload_to=zio_portal.achtergrond._bestandspad,
                        verbose_name="bestand",
                    ),
                ),
                (
                    "overleg",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notulen_pdf",
                        to="samenwerking.overleg",
                    ),
                ),
            ],
            options={
                "verbose_name": "notulen-PDF",
                "verbose_name_plural": "notulen-PDF's",
            },
        ),
    ]
