"""Readable change history from django-simple-history, for the pages of objects a user may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

SOORTEN = {"+": _("aangemaakt"), "~": _("gewijzigd"), "-": _("verwijderd")}


@dataclass
class Wijziging:
    wanneer: datetime
    wie: str
    soort: str
    onderwerp: str
    velden: list[str] = field(default_factory=list)


def wijzigingen(historie: QuerySet, *, onderwerp=str, limiet: int = 10) -> list[Wijziging]:
    """The latest changes in ``historie`` (a HistoricalRecords queryset), newest first.

    Diffs consecutive records in Python, so it costs one query whatever the number of records.
    """
    records = list(historie.select_related("history_user").order_by("id", "history_date", "history_id"))
    vorige: dict = {}
    uit: list[Wijziging] = []
    for record in records:
        velden: list[str] = []
        oud = vorige.get(record.id)
        if oud is not None and record.history_type == "~":
            delta = record.diff_against(oud, foreign_keys_are_objs=False)
            velden = [
                str(record.instance_type._meta.get_field(change.field).verbose_name)
                for change in delta.changes
            ]
        vorige[record.id] = record
        if record.history_type == "~" and not velden and oud is not None:
            continue  # saved without a change
        uit.append(
            Wijziging(
                wanneer=record.history_date,
                wie=str(record.history_user) if record.history_user else str(_("systeem")),
                soort=str(SOORTEN.get(record.history_type, record.history_type)),
                onderwerp=onderwerp(record),
                velden=velden,
            )
        )
    uit.sort(key=lambda w: w.wanneer, reverse=True)
    return uit[:limiet]
