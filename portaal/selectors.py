"""What each role's home page shows, read in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from monitoring.constants import BezoekStatus, ResponsStatus
from monitoring.models import Praktijkbezoek, Respons, Ronde
from samenwerking.constants import AfspraakStatus, OverlegStatus, VerbandSoort
from samenwerking.models import Afspraak, Overleg, Samenwerkingsverband
from samenwerking.selectors import gebied_list, mijn_praktijk_context, verband_annotated, verband_list
from wijken.models import Gebied, Gemeente, Praktijk, Wijk
from zio_portal.cache import onthouden, scope_sleutel, versies
from zio_portal.models import User
from zio_portal.permissions import is_beleidsadviseur, is_gebiedsmanager, is_praktijkmedewerker


def regio_kerncijfers() -> dict[str, int]:
    """Region-wide key figures for this year."""
    jaar = timezone.localdate().year
    verbanden = Samenwerkingsverband.objects.filter(actief=True).aggregate(
        huisartsen=Count("pk", filter=Q(soort=VerbandSoort.HUISARTSEN)),
        wsv=Count("pk", filter=Q(soort=VerbandSoort.MULTIDISCIPLINAIR)),
    )
    afspraken = Afspraak.objects.aggregate(
        actief=Count("pk", filter=Q(status=AfspraakStatus.ACTIEF)),
        geborgd=Count("pk", filter=Q(status=AfspraakStatus.GEBORGD)),
    )
    laatste_ronde = Ronde.objects.order_by("-vragenlijst__jaar").first()
    respons = (
        Respons.objects.filter(ronde=laatste_ronde, status=ResponsStatus.INGEDIEND).count()
        if laatste_ronde
        else 0
    )
    return {
        "gemeenten": Gemeente.objects.count(),
        "gebieden": Gebied.objects.count(),
        "wijken": Wijk.objects.count(),
        "praktijken": Praktijk.objects.filter(actief=True).count(),
        "huisartsenverbanden": verbanden["huisartsen"],
        "wsv": verbanden["wsv"],
        "afspraken_actief": afspraken["actief"],
        "afspraken_geborgd": afspraken["geborgd"],
        "overleggen_dit_jaar": Overleg.objects.filter(
            status=OverlegStatus.GEHOUDEN, datum__year=jaar
        ).count(),
        "bezoeken_dit_jaar": Praktijkbezoek.objects.filter(
            status=BezoekStatus.GEHOUDEN, gehouden_op__year=jaar
        ).count(),
        "ronde": laatste_ronde,
        "respons_ingediend": respons,
        "jaar": jaar,
    }


# A round "responds low" below this share of the active practices.
LAGE_RESPONS = 0.5


def radar(*, user: User) -> list[dict]:
    """The beleidsadviseur's signals, each counted with the same selector as the filtered list its link
    opens (so the count and the list never disagree): practices not yet visited this year, WSVs behind
    the meeting norm (per gebied), afspraken whose evaluation is overdue, open rounds with low response.
    """
    from monitoring.bezoeken.selectors import bezoek_planning
    from samenwerking.afspraken.selectors import afspraak_list
    from samenwerking.wijkoverzicht.selectors import WsvRegel

    vandaag = timezone.localdate()
    signalen = [
        {
            "sleutel": "bezoeken",
            "aantal": bezoek_planning(alleen_achter=True).count(),
            "tekst": _("praktijken nog niet bezocht dit jaar"),
            "url": reverse("monitoring:bezoek-list") + "?achter=1",
        },
        {
            "sleutel": "evaluaties",
            "aantal": afspraak_list(user=user, filters={"evaluatie": "verlopen"})[1].count(),
            "tekst": _("afspraken waarvan de evaluatie verlopen is"),
            "url": reverse("samenwerking:afspraak-list") + "?evaluatie=verlopen",
        },
    ]
    per_gebied: dict[int, dict] = {}
    wsvs = verband_annotated().filter(
        soort=VerbandSoort.MULTIDISCIPLINAIR,
        actief=True,
        wijk__gebied__in=Gebied.objects.zichtbaar_voor(user),
    )
    for verband in wsvs.select_related("wijk__gebied"):
        if WsvRegel(verband=verband, afgevaardigden={}, vacatures=[]).achter_op_norm:
            gebied = verband.wijk.gebied
            regel = per_gebied.setdefault(gebied.pk, {"gebied": gebied, "aantal": 0})
            regel["aantal"] += 1
    for regel in sorted(per_gebied.values(), key=lambda r: r["gebied"].naam):
        signalen.append(
            {
                "sleutel": f"wsv-{regel['gebied'].pk}",
                "aantal": regel["aantal"],
                "tekst": _("WSV's achter op de overlegnorm in %(gebied)s") % {"gebied": regel["gebied"].naam},
                "url": reverse("wijken:gebied-overzicht", args=[regel["gebied"].pk]),
            }
        )
    praktijken = Praktijk.objects.filter(actief=True).count()
    rondes = (
        Ronde.objects.filter(opent_op__lte=vandaag, sluit_op__gte=vandaag)
        .select_related("vragenlijst")
        .annotate(ingediend=Count("responsen", filter=Q(responsen__status=ResponsStatus.INGEDIEND)))
        .order_by("sluit_op")
    )
    for ronde in rondes:
        if praktijken and ronde.ingediend < praktijken * LAGE_RESPONS:
            signalen.append(
                {
                    "sleutel": f"ronde-{ronde.pk}",
                    "aantal": ronde.ingediend,
                    "tekst": _("van %(n)s praktijken diende de vragenlijst in: %(ronde)s (sluit %(datum)s)")
                    % {"n": praktijken, "ronde": ronde.vragenlijst, "datum": f"{ronde.sluit_op:%d-%m-%Y}"},
                    "url": reverse("monitoring:resultaten", args=[ronde.pk]),
                }
            )
    return signalen


HOME_LIJST = 10
# The overdue actions on the gebiedsmanager's home: the oldest few, with how many there are.
HOME_ACTIEPUNTEN = 5


def _verlopen_actiepunten(user: User):
    from samenwerking.constants import ActiepuntStatus
    from samenwerking.models import Actiepunt

    return Actiepunt.objects.filter(
        verband__in=Samenwerkingsverband.objects.zichtbaar_voor(user),
        status=ActiepuntStatus.OPEN,
        deadline__lt=timezone.localdate(),
    )


def verlopen_actiepunten(*, user: User, limiet: int = 50) -> list:
    """The open actiepunten past their deadline in the gebiedsmanager's WSVs, oldest deadline first,
    with their owner and meeting."""
    return list(
        _verlopen_actiepunten(user)
        .select_related("verband__wijk", "eigenaar", "eigenaar_contact", "overleg")
        .order_by("deadline", "pk")[:limiet]
    )


def verlopen_actiepunten_aantal(*, user: User) -> int:
    return _verlopen_actiepunten(user).count()


# The apps whose data the key figures and the radar are read from: any change in them bumps their
# version (zio_portal/cache.py), so the next home page computes them again.
HOME_BRONNEN = ("wijken", "samenwerking", "monitoring")
# Bounds the memory only; the versions keep the figures correct, the date in the key moves them daily.
HOME_BEWAARTIJD = 60 * 60


def _bewaard(naam: str, maker, *delen):
    """``maker()`` kept in the cache under the data versions, today's date (the radar counts what is
    overdue today, the key figures this year) and the language of the texts it holds."""
    sleutel = (
        "portaal.home",
        naam,
        versies(*HOME_BRONNEN),
        timezone.localdate().isoformat(),
        get_language(),
        *delen,
    )
    return onthouden(sleutel, maker, HOME_BEWAARTIJD)


def _gebied_home(user: User) -> dict:
    verbanden = verband_list(user=user).filter(soort=VerbandSoort.MULTIDISCIPLINAIR)
    return {
        "gebieden": list(gebied_list(user=user)),
        "verbanden": list(verbanden[:HOME_LIJST]),
        "aantal_verbanden": verbanden.count(),
        "verlopen_actiepunten": verlopen_actiepunten(user=user, limiet=HOME_ACTIEPUNTEN),
        "aantal_verlopen_actiepunten": verlopen_actiepunten_aantal(user=user),
    }


def home_context(*, user: User) -> dict:
    """The data of the home page of this user's role."""
    if is_praktijkmedewerker(user):
        # Per user (the practices they work for), kept like the other homes' figures.
        return _bewaard("mijn-praktijk", lambda: mijn_praktijk_context(user=user), scope_sleutel(user))
    if is_gebiedsmanager(user):
        # The first HOME_LIJST WSVs and the HOME_ACTIEPUNTEN oldest overdue actions, with how many there
        # are: the page does not grow with the gebieden; the overview per gebied (linked from each
        # gebied) shows every WSV and its open actions.
        # Kept per user, like the other homes' figures.
        return _bewaard("mijn-gebieden", lambda: _gebied_home(user), scope_sleutel(user))
    # The region's key figures are the same for every region role; the radar is kept per user (its
    # counts are scoped to what the user may see).
    context = {"kerncijfers": _bewaard("kerncijfers", regio_kerncijfers), "gebieden": gebied_list(user=user)}
    if is_beleidsadviseur(user):
        context["radar"] = _bewaard("radar", lambda: radar(user=user), user.pk)
    return context


def berichten_list(*, user, soort: str = "", limiet: int = 200):
    """The mails the portal sent this user or on their behalf (the beheerder: all), newest first,
    optionally of one kind; and the kinds that occur, for the filter, as (code, label)."""
    from zio_portal.models import Bericht
    from zio_portal.services import BERICHT_SOORTEN

    zichtbaar = Bericht.objects.zichtbaar_voor(user)
    codes = sorted(set(zichtbaar.values_list("soort", flat=True)))
    soorten = [(code, str(BERICHT_SOORTEN.get(code, code))) for code in codes]
    berichten = zichtbaar.select_related("namens").order_by("-verzonden_op", "-pk")
    if soort:
        berichten = berichten.filter(soort=soort)
    berichten = list(berichten[:limiet])
    for bericht in berichten:
        bericht.soort_label = str(BERICHT_SOORTEN.get(bericht.soort, bericht.soort))
    return berichten, soorten
