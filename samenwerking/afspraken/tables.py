"""The table of the afspraken list (django-tables2): sortable, paginated.

The columns give the header, the sorting and the pager; the cells of the rows are rendered by
templates/samenwerking/includes/afspraak_tabel.html (per-cell rendering by django-tables2 cost most of
the page's time)."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ..models import Afspraak


class AfspraakTable(tables.Table):
    titel = tables.Column(
        verbose_name=_("Afspraak"), linkify=("samenwerking:afspraak-detail", [tables.A("pk")])
    )
    verband = tables.Column(
        verbose_name=_("Verband"),
        linkify=("samenwerking:verband-detail", [tables.A("verband_id")]),
        order_by=("verband__naam",),
    )
    wijk = tables.Column(verbose_name=_("Wijk"), accessor="verband__wijk__naam")
    thema = tables.Column(verbose_name=_("Thema"), order_by=("thema__naam",))
    status = tables.Column(verbose_name=_("Status"))
    eigenaar = tables.Column(
        verbose_name=_("Eigenaar"), order_by=("eigenaar__last_name", "eigenaar__first_name")
    )
    evaluatie_op = tables.DateColumn(verbose_name=_("Evaluatie"), format="j b Y")
    tijdgebonden = tables.DateColumn(verbose_name=_("Tijdgebonden"), format="j b Y")

    class Meta:
        model = Afspraak
        fields = ("titel", "verband", "wijk", "thema", "status", "eigenaar", "evaluatie_op", "tijdgebonden")
        order_by = ("evaluatie_op",)
        attrs = {"class": "table table-sm table-hover align-middle tabel-breed"}
        empty_text = _("Geen afspraken die aan de filters voldoen.")
