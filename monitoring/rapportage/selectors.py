"""Reads of the regionale rapportages, scoped to the user."""

from __future__ import annotations

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


def dashboard(*, user: User, filters=None):
    """The live region dashboard: the report's figures for the filtered wijken within the user's
    scope, aggregated in the database (the snapshot's grouped queries; no per-wijk queries).

    Returns the FilterSet (for its form and errors) and the presenter, or None when the filter is
    invalid (the form then shows the message next to the field)."""
    from .filters import DashboardFilterSet
    from .presenter import RapportagePresenter
    from .snapshot import snapshot_maken

    filterset = DashboardFilterSet(filters or None, queryset=Wijk.objects.zichtbaar_voor(user), user=user)
    if filterset.is_bound and not filterset.is_valid():
        return filterset, None
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
            "binnen": list(filterset.qs.values_list("pk", flat=True)),
            "scope_naam": ", ".join(g.naam for g in gebieden) or "—",
        }
    snapshot = snapshot_maken(periode_van=van, periode_tot=tot, **scope)
    if "binnen" in scope:
        snapshot["scope"]["soort"] = "selectie"  # not the whole region: compare it with the region
    return filterset, RapportagePresenter(snapshot, {"gemaakt_op": None})
