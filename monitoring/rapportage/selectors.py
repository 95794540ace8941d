"""Reads of the regionale rapportages, scoped to the user."""

from __future__ import annotations

import datetime
import html
import re

from django.db.models import QuerySet

from monitoring.constants import ScopeSoort
from monitoring.models import Rapportage
from monitoring.rules import rapportage_zichtbaar_filter
from wijken.models import Wijk
from zio_portal.models import User
from zio_portal.permissions import heeft_regio_rol


def rapportage_list(*, user: User) -> QuerySet[Rapportage]:
    """The reports this user may see, by the one rule in monitoring.rules (rapportage_zichtbaar_filter):
    concepts only for beleidsadviseurs and the beheerder; a shared definitief report also for the
    projectleider, the gebiedsmanagers of its scope and, if shared with them, its praktijkmanagers."""
    qs = Rapportage.objects.select_related("gebied", "wijk", "aangevraagd_door").defer("snapshot")
    filter_ = rapportage_zichtbaar_filter(user)
    if filter_ is None:
        return qs
    return qs.filter(pk__in=Rapportage.objects.filter(filter_).values("pk"))


# The data the dashboard's figures are made from: the versions of these apps are part of the cache key
# (zio_portal.cache: every change to one of their models bumps the app's version).
DASHBOARD_BRONNEN = ("wijken", "samenwerking", "monitoring")
DASHBOARD_GRAFIEKEN = ("overleggen", "bezoeken", "nageleefd", "vragen")
# How long figures nobody changed stay in the cache: the versions keep them correct, this only bounds
# the memory (and the default period moves with the date, which is part of the key).
DASHBOARD_BEWAARTIJD = 60 * 60


def dashboard_cijfers(*, periode_van: datetime.date, periode_tot: datetime.date, **scope) -> dict:
    """The dashboard's figures for a scope and period: the snapshot (every aggregate) and the charts
    (``{"svg", "titel"}`` per chart, each SVG with its own ids), as plain data.

    Kept in the cache per scope, period and the versions of the data under them, so a second request
    runs none of the aggregate queries and draws no chart; a change to that data (any save or delete
    of a model of ``DASHBOARD_BRONNEN``) makes the next request compute them again. The scope is the
    one given to ``snapshot_maken``, with ``binnen`` (the wijken of a gebiedsmanager) in full, so two
    scopes never share an entry. Everything that is added to the snapshot is cached with it."""
    from zio_portal.cache import onthouden, versies

    from .charts import met_eigen_ids
    from .presenter import RapportagePresenter
    from .snapshot import SNAPSHOT_VERSIE, snapshot_maken

    def maken() -> dict:
        snapshot = snapshot_maken(periode_van=periode_van, periode_tot=periode_tot, **scope)
        if "binnen" in scope:
            snapshot["scope"]["soort"] = "selectie"  # not the whole region: compare it with the region
        r = RapportagePresenter(snapshot)
        grafieken = []
        for sleutel in DASHBOARD_GRAFIEKEN:
            svg = getattr(r, f"svg_{sleutel}")
            if svg:
                # The chart's own <title> as a visible caption: the SVG itself shows no heading.
                titel = re.search(r"<title>(.*?)</title>", svg, re.S)
                grafieken.append(
                    {
                        "svg": met_eigen_ids(svg, f"grafiek-{sleutel}"),
                        "titel": html.unescape(titel.group(1)) if titel else "",
                    }
                )
        return {"snapshot": snapshot, "grafieken": grafieken}

    sleutel = (
        "rapportage.dashboard",
        SNAPSHOT_VERSIE,
        versies(*DASHBOARD_BRONNEN),
        periode_van.isoformat(),
        periode_tot.isoformat(),
        sorted(scope.items()),
    )
    return onthouden(sleutel, maken, DASHBOARD_BEWAARTIJD)


def dashboard(*, user: User, filters=None):
    """The live region dashboard: the report's figures for the filtered wijken within the user's
    scope, aggregated in the database (the snapshot's grouped queries; no per-wijk queries) and kept
    in the cache until the data under them changes (``dashboard_cijfers``).

    Returns the FilterSet (for its form and errors), the presenter and the charts, or None for both
    when the filter is invalid (the form then shows the message next to the field)."""
    from .filters import DashboardFilterSet
    from .presenter import RapportagePresenter

    filterset = DashboardFilterSet(filters or None, queryset=Wijk.objects.zichtbaar_voor(user), user=user)
    if filterset.is_bound and not filterset.is_valid():
        return filterset, None, None
    van, tot = filterset.periode_waarden
    data = filterset.form.cleaned_data if filterset.is_bound else {}
    regio = heeft_regio_rol(user)
    # The filters are within the user's visible wijken (the FilterSet's querysets), so a gebied or
    # wijk chosen here is always one the user may see.
    if data.get("wijk"):
        scope = {"scope": ScopeSoort.WIJK, "wijk_id": data["wijk"].pk}
    elif data.get("gebied"):
        scope = {"scope": ScopeSoort.GEBIED, "gebied_id": data["gebied"].pk}
    elif regio:
        scope = {"scope": ScopeSoort.REGIO}
    else:  # a gebiedsmanager without filter: all wijken of their gebieden
        gebieden = filterset.filters["gebied"].queryset
        scope = {
            "scope": ScopeSoort.REGIO,
            "binnen": sorted(filterset.qs.values_list("pk", flat=True)),
            "scope_naam": ", ".join(g.naam for g in gebieden) or "—",
        }
    cijfers = dashboard_cijfers(periode_van=van, periode_tot=tot, **scope)
    return filterset, RapportagePresenter(cijfers["snapshot"], {"gemaakt_op": None}), cijfers["grafieken"]
