"""A region built with the factories at a given scale, for the tests that pin query counts.

``bouw_regio(schaal)`` makes two gebieden (``gebieden=``) with ``2 * schaal`` wijken each. Every wijk
has two practices (the first wijk ``1 + schaal`` more, so its verband and afspraak grow with the scale
as well), a huisartsen-verband with two SMART-afspraken (one in its second version, with an evaluation)
that apply to all its practices, and a WSV with two delegates, two held meetings with an action and a
knelpunt, and a planned one. Every practice answered this year's questionnaire and was visited. The
users are named after their role as in the demo: ``beheerder``, ``beleidsadviseur``, ``projectleider``,
``gebiedsmanager`` (of the first gebied), ``praktijkmanager`` (of the first practice) and ``huisarts``
(in a practice of each gebied).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from monitoring.constants import VraagType
from monitoring.models import Antwoord
from samenwerking.constants import AfspraakStatus, OverlegStatus
from tests.factories import (
    BeheerderFactory,
    BeleidsadviseurFactory,
    GebiedsmanagerFactory,
    PraktijkmedewerkerUserFactory,
    ProjectleiderFactory,
)
from tests.monitoring.factories import (
    PraktijkbezoekFactory,
    ResponsFactory,
    RondeFactory,
    VraagFactory,
    VragenlijstFactory,
)
from tests.samenwerking.factories import (
    ActiepuntFactory,
    AfgevaardigdeFactory,
    AfspraakFactory,
    AfspraakPraktijkFactory,
    DeelnameFactory,
    EvaluatieFactory,
    KnelpuntFactory,
    OverlegFactory,
    SamenwerkingsverbandFactory,
    WsvFactory,
)
from tests.wijken.factories import (
    ContactpersoonFactory,
    GebiedFactory,
    GemeenteFactory,
    PraktijkFactory,
    PraktijkmedewerkerFactory,
    WijkFactory,
)
from wijken.constants import Beroepsgroep, Functie
from wijken.models import Praktijk, Wijk
from zio_portal.models import User

VRAGEN = (("ALG01", VraagType.GETAL), ("SW01", VraagType.JA_NEE), ("SW02", VraagType.SCHAAL))


@dataclass
class RegioOpSchaal:
    """What ``bouw_regio`` made: the scale, the users by username, and the wijken and practices."""

    schaal: int
    users: dict[str, User] = field(default_factory=dict)
    wijken: list[Wijk] = field(default_factory=list)
    praktijken: list[Praktijk] = field(default_factory=list)


def bouw_regio(schaal: int, gebieden: int = 2) -> RegioOpSchaal:
    """Build the region at ``schaal`` (1, 10, ...) with the factories; see the module's docstring. With
    ``gebieden=5`` at ``schaal=2`` it has the demo region's shape: 20 wijken, 4 in each gebied, and the
    gebiedsmanager leads two gebieden."""
    regio = RegioOpSchaal(schaal)
    regio.users.update(
        beheerder=BeheerderFactory(username="beheerder"),
        beleidsadviseur=BeleidsadviseurFactory(username="beleidsadviseur"),
        projectleider=ProjectleiderFactory(username="projectleider"),
        gebiedsmanager=GebiedsmanagerFactory(username="gebiedsmanager"),
        praktijkmanager=PraktijkmedewerkerUserFactory(username="praktijkmanager"),
        huisarts=PraktijkmedewerkerUserFactory(username="huisarts"),
    )
    gemeente = GemeenteFactory(naam="Maastricht", cbs_code="GM0935")
    managers = [regio.users["gebiedsmanager"], *(GebiedsmanagerFactory() for _ in range(gebieden - 1))]
    namen = ["Maastricht-Noord", "Maastricht-Zuid", *(f"Maastricht-{g}" for g in range(2, gebieden))]
    for g, manager in enumerate(managers):
        # In a region of the demo's shape the gebiedsmanager leads a second gebied too, as the demo's
        # leads Maastricht-Noord and Meerssen.
        leiders = [manager, managers[0]] if g == gebieden - 1 and gebieden > 2 else [manager]
        gebied = GebiedFactory(gemeente=gemeente, naam=namen[g], gebiedsmanagers=leiders)
        for w in range(2 * schaal):
            eerste = g == 0 and w == 0
            _wijk(regio, WijkFactory(gebied=gebied), manager, 2 + schaal - 1 if eerste else 2)
    PraktijkmedewerkerFactory(user=regio.users["praktijkmanager"], praktijk=regio.praktijken[0])
    huisarts_in = [
        regio.praktijken[0],
        Praktijk.objects.filter(wijk__gebied__gebiedsmanagers=managers[1]).first(),
    ]
    for praktijk in huisarts_in:
        PraktijkmedewerkerFactory(user=regio.users["huisarts"], praktijk=praktijk, functie=Functie.HUISARTS)
    _monitoring(regio)
    return regio


def _wijk(regio: RegioOpSchaal, wijk: Wijk, gebiedsmanager: User, aantal_praktijken: int) -> None:
    regio.wijken.append(wijk)
    praktijken = []
    for _ in range(aantal_praktijken):
        praktijk = PraktijkFactory(wijk=wijk)
        PraktijkmedewerkerFactory(praktijk=praktijk)
        ContactpersoonFactory(praktijk=praktijk, functie="Huisarts, praktijkhouder")
        praktijken.append(praktijk)
    regio.praktijken += praktijken
    verband = SamenwerkingsverbandFactory(wijk=wijk)
    for praktijk in praktijken:
        DeelnameFactory(verband=verband, praktijk=praktijk)
    eerste = AfspraakFactory(verband=verband, status=AfspraakStatus.VERVANGEN)
    EvaluatieFactory(afspraak=eerste)
    tweede = AfspraakFactory(verband=verband, titel=eerste.titel, versie=2, vorige_versie=eerste)
    for afspraak in (eerste, tweede):
        for praktijk in praktijken:
            AfspraakPraktijkFactory(afspraak=afspraak, praktijk=praktijk)
    _wsv(wijk, praktijken[0], gebiedsmanager)


def _wsv(wijk: Wijk, praktijk: Praktijk, gebiedsmanager: User) -> None:
    wsv = WsvFactory(wijk=wijk)
    DeelnameFactory(verband=wsv, praktijk=praktijk)
    huisarts = ContactpersoonFactory(praktijk=praktijk, functie="Huisarts")
    AfgevaardigdeFactory(verband=wsv, beroepsgroep=Beroepsgroep.HUISARTS, contactpersoon=huisarts)
    AfgevaardigdeFactory(verband=wsv, beroepsgroep=Beroepsgroep.WIJKVERPLEEGKUNDIGE)
    vandaag = timezone.localdate()
    for dagen in (60, 20):
        overleg = OverlegFactory(
            verband=wsv, datum=vandaag - datetime.timedelta(days=dagen), status=OverlegStatus.GEHOUDEN
        )
        ActiepuntFactory(verband=wsv, overleg=overleg, eigenaar=gebiedsmanager, deadline=overleg.datum)
        KnelpuntFactory(verband=wsv, overleg=overleg, gemeld_op=overleg.datum)
    OverlegFactory(verband=wsv, datum=vandaag + datetime.timedelta(days=20))


def _monitoring(regio: RegioOpSchaal) -> None:
    """This year's questionnaire, answered by every practice, and a held visit to each practice."""
    vandaag = timezone.localdate()
    vragenlijst = VragenlijstFactory(jaar=vandaag.year)
    vragen = [
        VraagFactory(vragenlijst=vragenlijst, sectie__vragenlijst=vragenlijst, code=code, type=soort)
        for code, soort in VRAGEN
    ]
    ronde = RondeFactory(vragenlijst=vragenlijst)
    beleidsadviseur = regio.users["beleidsadviseur"]
    for praktijk in regio.praktijken:
        respons = ResponsFactory(ronde=ronde, praktijk=praktijk, ingediend=True)
        Antwoord.objects.bulk_create(
            Antwoord(respons=respons, vraag=vraag, ja_nee=True)
            if vraag.type == VraagType.JA_NEE
            else Antwoord(respons=respons, vraag=vraag, getal=4)
            for vraag in vragen
        )
        PraktijkbezoekFactory(praktijk=praktijk, gehouden=True, bezoekers=[beleidsadviseur])
