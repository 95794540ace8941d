"""Search-as-you-type for the choices that grow with the region (``zio_portal.widgets.ZoekKeuze``).

``GET /zoeken/<soort>/?q=...`` answers JSON ``{"resultaten": [{"value": pk, "text": label}]}``: at most
``MAX`` matches among what the user may see (``zichtbaar_voor``), so an object outside the user's
scope is never named. The labels are ``str(object)``, as in the form fields; a practice also names its
wijk, since practices in different wijken may share a name (a practice is also found by its wijk).
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, JsonResponse
from django.utils import timezone

from monitoring.wijkplannen.selectors import wijken_om_te_starten
from samenwerking.constants import VerbandSoort
from samenwerking.models import Afspraak, Samenwerkingsverband
from wijken.models import Praktijk, Wijk
from zio_portal.models import User

MAX = 20


def _praktijken(user: User, q: str) -> QuerySet:
    return (
        Praktijk.objects.zichtbaar_voor(user)
        .filter(Q(naam__icontains=q) | Q(wijk__naam__icontains=q))
        .select_related("wijk")
        .order_by("naam", "wijk__naam")
    )


def _wijken(user: User, q: str) -> QuerySet:
    return Wijk.objects.zichtbaar_voor(user).filter(naam__icontains=q).order_by("naam")


def _verbanden(user: User, q: str) -> QuerySet:
    return Samenwerkingsverband.objects.zichtbaar_voor(user).filter(naam__icontains=q).order_by("naam")


def _opvangverbanden(user: User, q: str) -> list:
    """The huisartsen-verbanden in which the user may record an opvangafspraak (the one 'Nieuwe
    opvangafspraak' button); the right is checked per verband, on the first matches only."""
    qs = (
        Samenwerkingsverband.objects.zichtbaar_voor(user)
        .filter(soort=VerbandSoort.HUISARTSEN, actief=True, naam__icontains=q)
        .order_by("naam")
    )
    return [v for v in qs[: 5 * MAX] if user.has_perm("samenwerking.add_opvangafspraak", v)]


def _wijkplanwijken(user: User, q: str) -> QuerySet:
    """The wijken without a plan for this year for which the user may start one (the list's 'Wijkplan
    starten'): the rule read in the query (``wijken_om_te_starten``), so nobody else's wijk is named."""
    jaar = timezone.localdate().year
    return wijken_om_te_starten(user=user, jaar=jaar).filter(naam__icontains=q)


def _eigenaren(user: User, q: str) -> QuerySet:
    """The owners of agreements the user may see (as the afspraken filter offers them)."""
    namen = Q()
    for deel in q.split():
        namen &= Q(first_name__icontains=deel) | Q(last_name__icontains=deel) | Q(username__icontains=deel)
    return (
        User.objects.filter(Exists(Afspraak.objects.zichtbaar_voor(user).filter(eigenaar=OuterRef("pk"))))
        .filter(namen)
        .order_by("first_name", "last_name", "username")
    )


def _gebruikers(user: User, q: str) -> QuerySet:
    """Accounts, only for who may read the access log (the beheerder); anyone else finds nobody."""
    if not user.has_perm("beveiliging.view_toegangsregel"):
        return User.objects.none()
    namen = Q()
    for deel in q.split():
        namen &= Q(first_name__icontains=deel) | Q(last_name__icontains=deel) | Q(username__icontains=deel)
    return User.objects.filter(namen).order_by("username")


SOORTEN = {
    "praktijken": _praktijken,
    "wijken": _wijken,
    "verbanden": _verbanden,
    "opvangverbanden": _opvangverbanden,
    "wijkplanwijken": _wijkplanwijken,
    "eigenaren": _eigenaren,
    "gebruikers": _gebruikers,
}


def zoeken(request: HttpRequest, soort: str) -> JsonResponse:
    if soort not in SOORTEN:
        raise Http404
    q = request.GET.get("q", "").strip()[:100]
    rijen = SOORTEN[soort](request.user, q)[:MAX]
    return JsonResponse({"resultaten": [{"value": obj.pk, "text": _label(obj)} for obj in rijen]})


def _label(obj) -> str:
    if isinstance(obj, Praktijk) and obj.wijk_id:
        return f"{obj.naam} ({obj.wijk.naam})"
    return str(obj)
