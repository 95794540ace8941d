"""The table of the verbanden list (django-tables2): sortable, paginated.

The columns give the header, the sorting and the pager; the cells of the rows are rendered by
templates/samenwerking/includes/verband_tabel.html."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ..models import Samenwerkingsverband


class VerbandTable(tables.Table):
    naam = tables.Column(verbose_name=_("Verband"), linkify=("samenwerking:verband-detail", [tables.A("pk")]))
    wijk = tables.Column(verbose_name=_("Wijk"), accessor="wijk__naam", order_by=("wijk__naam",))
    soort = tables.Column(verbose_name=_("Soort"))
    huidige_stap_nummer = tables.TemplateColumn(
        verbose_name=_("PDCA-stap"),
        template_name="samenwerking/includes/pdca_cel.html",
        orderable=True,
    )
    aantal_praktijken = tables.Column(verbose_name=_("Praktijken"), attrs={"td": {"class": "text-end"}})
    aantal_afspraken = tables.Column(verbose_name=_("Actieve afspraken"), attrs={"td": {"class": "text-end"}})

    class Meta:
        model = Samenwerkingsverband
        fields = ("naam", "wijk", "soort", "huidige_stap_nummer", "aantal_praktijken", "aantal_afspraken")
        attrs = {"class": "table table-sm table-hover align-middle"}
        empty_text = _("Geen verbanden.")
