from django.db import migrations


def naar_notulenpdf(apps, schema_editor):
    """Every meeting whose PDF was ever asked for gets its NotulenPdf row with the same state and file."""
    Overleg = apps.get_model("samenwerking", "Overleg")
    NotulenPdf = apps.get_model("samenwerking", "NotulenPdf")
    rijen = [
        NotulenPdf(
            overleg_id=o.pk,
            status=o.pdf_status,
            bestand=o.pdf_bestand.name if o.pdf_bestand else "",
            gestart_op=o.pdf_gestart_op,
            gereed_op=o.pdf_gereed_op,
            foutmelding=o.pdf_fout,
            pogingen=1 if o.pdf_gestart_op else 0,
        )
        for o in Overleg.objects.exclude(pdf_status="geen").order_by("pk").iterator()
    ]
    NotulenPdf.objects.bulk_create(rijen, batch_size=500)


def terug_naar_overleg(apps, schema_editor):
    Overleg = apps.get_model("samenwerking", "Overleg")
    NotulenPdf = apps.get_model("samenwerking", "NotulenPdf")
    for pdf in NotulenPdf.objects.order_by("pk").iterator():
        Overleg.objects.filter(pk=pdf.overleg_id).update(
            pdf_status=pdf.status,
            pdf_bestand=pdf.bestand.name if pdf.bestand else "",
            pdf_gestart_op=pdf.gestart_op,
            pdf_gereed_op=pdf.gereed_op,
            pdf_fout=pdf.foutmelding,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("samenwerking", "0009_notulenpdf"),
    ]

    operations = [migrations.RunPython(naar_notulenpdf, terug_naar_overleg)]
