"""The table of the afspraken list (django-tables2): sortable, paginated."""

from __future__ import annotations

import django_tables2 as tables
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..constants import AfspraakStatus
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

    def render_titel(self, record: Afspraak, value: str) -> str:
        return f"{value} (v{record.versie})" if record.versie > 1 else value

    def render_status(self, record: Afspraak) -> str:
        kleur = {
            AfspraakStatus.ACTIEF: "text-bg-success",
            AfspraakStatus.GEBORGD: "text-bg-primary",
            AfspraakStatus.BEEINDIGD: "text-bg-secondary",
            AfspraakStatus.VERVANGEN: "text-bg-light",
        }.get(record.status, "text-bg-warning")
        return format_html('<span class="badge {}">{}</span>', kleur, record.get_status_display())

    def render_evaluatie_op(self, record: Afspraak, value) -> str:
        if value is None:
            return "—"
        tekst = date_format(value, "j b Y")
        if record.status == AfspraakStatus.ACTIEF and value < timezone.localdate():
            return format_html('{} <span class="badge text-bg-danger">{}</span>', tekst, _("verlopen"))
        return tekst
