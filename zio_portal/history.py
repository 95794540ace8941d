"""Readable change history from django-simple-history, for the pages of objects a user may see."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

SOORTEN = {"+": _("aangemaakt"), "~": _("gewijzigd"), "-": _("verwijderd")}


@dataclass
class Wijziging:
    wanneer: datetime
    wie: str
    soort: str
    onderwerp: str
    velden: list[str] = field(default_factory=list)
    # (field, old, new) as text, when the caller asked for the values (e.g. a practice's answers).
    waarden: list[tuple[str, str, str]] = field(default_factory=list)


def als_tekst(waarde) -> str:
    """A stored value as a reader would write it: no "6200,00", no "True", a dash for empty."""
    if waarde is None or waarde == "":
        return "–"
    if isinstance(waarde, bool):
        return str(_("ja")) if waarde else str(_("nee"))
    if isinstance(waarde, Decimal):
        return f"{waarde.normalize():f}".replace(".", ",")
    if isinstance(waarde, date):
        return date_format(waarde, "j F Y")
    if isinstance(waarde, dict):
        return ", ".join(str(v) for v in waarde.values())
    return str(waarde)


def samenvoegen(*lijsten: list[Wijziging], limiet: int = 10) -> list[Wijziging]:
    """Several histories as one, newest first."""
    return sorted((w for lijst in lijsten for w in lijst), key=lambda w: w.wanneer, reverse=True)[:limiet]


# Other floors add what belongs to a user's history (their gebieden, their practices) without the
# kernel importing them: each source is called with the user and returns its changes.
GEBRUIKER_BRONNEN: list[Callable[..., list[Wijziging]]] = []


def gebruiker_wijzigingen(gebruiker, *, limiet: int = 25) -> list[Wijziging]:
    """The account's own history plus what the registered sources know (role, scope), newest first."""
    eigen = wijzigingen(gebruiker.history.all(), onderwerp=lambda r: str(_("Account")), limiet=limiet)
    return samenvoegen(eigen, *(bron(gebruiker, limiet=limiet) for bron in GEBRUIKER_BRONNEN), limiet=limiet)


def wijzigingen(
    historie: QuerySet, *, onderwerp=str, limiet: int = 10, met_waarden: bool = False
) -> list[Wijziging]:
    """The latest changes in ``historie`` (a HistoricalRecords queryset), newest first.

    Diffs consecutive records in Python, so it costs one query whatever the number of records.
    With ``met_waarden`` each change also carries the old and new value of every changed field.
    """
    records = list(historie.select_related("history_user").order_by("id", "history_date", "history_id"))
    vorige: dict = {}
    uit: list[Wijziging] = []
    for record in records:
        velden: list[str] = []
        waarden: list[tuple[str, str, str]] = []
        oud = vorige.get(record.id)
        if oud is not None and record.history_type == "~":
            # Many-to-many fields would cost a query per record: left out (their own source reads them).
            m2m = [f.name for f in getattr(record, "_history_m2m_fields", [])]
            delta = record.diff_against(oud, excluded_fields=m2m, foreign_keys_are_objs=False)
            for change in delta.changes:
                veld = record.instance_type._meta.get_field(change.field)
                naam = str(veld.verbose_name)
                velden.append(naam)
                if met_waarden:
                    keuzes = dict(veld.flatchoices) if veld.choices else {}
                    oud_nieuw = (keuzes.get(change.old, change.old), keuzes.get(change.new, change.new))
                    waarden.append((naam, *map(als_tekst, oud_nieuw)))
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
                waarden=waarden,
            )
        )
    uit.sort(key=lambda w: w.wanneer, reverse=True)
    return uit[:limiet]
