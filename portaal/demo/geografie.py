"""Regio, gemeenten, gebieden and wijken; the practices with their staff, and the partners."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from portaal.demo.basis import BouwerBasis
from portaal.demo.hulp import emailadres, mobielnummer, rng_voor
from portaal.demo.plan import PraktijkPlan
from portaal.demo.teksten.mensen import GEBRUIKERS
from portaal.demo.teksten.regio import GEBIEDEN, GEMEENTEN, REGIO
from wijken.constants import Functie
from wijken.models import (
    Contactpersoon,
    Gebied,
    Gemeente,
    Partner,
    Praktijk,
    Praktijkmedewerker,
    Regio,
    Wijk,
    WijkToewijzing,
)
from zio_portal.constants import Rol

User = get_user_model()


class GeografieBouwer(BouwerBasis):
    """The geography of the region, its practices with their staff and contacts, and the partners."""

    def _geografie(self) -> None:
        regio, nieuw = Regio.objects.get_or_create(naam=REGIO)
        self.rijen.aangemaakt[Regio] += nieuw
        gemeenten = {g.naam: g for g in Gemeente.objects.filter(naam__in=[n for n, _ in GEMEENTEN])}
        for naam, cbs in GEMEENTEN:
            if naam not in gemeenten:
                gemeenten[naam] = Gemeente.objects.create(regio=regio, naam=naam, cbs_code=cbs)
                self.rijen.aangemaakt[Gemeente] += 1
        gebieden = {g.naam: g for g in Gebied.objects.filter(naam__in=[n for n, _ in GEBIEDEN])}
        for naam, gemeente in GEBIEDEN:
            nieuw = naam not in gebieden
            if nieuw:
                gebieden[naam] = Gebied.objects.create(gemeente=gemeenten[gemeente], naam=naam)
                self.rijen.aangemaakt[Gebied] += 1
            managers = [g.username for g in GEBRUIKERS if naam in g.gebieden]
            if nieuw or self.nieuwe_gebruikers.intersection(managers):
                gebieden[naam].gebiedsmanagers.add(*(self.gebruikers[u] for u in managers))
            self.gebiedsmanager[naam] = self.gebruikers[managers[0]]
        self.gebieden = gebieden

        namen = [wp.naam for wp in self.wijkplannen]
        self.wijken = {w.naam: w for w in Wijk.objects.filter(naam__in=namen)}
        for wp in self.wijkplannen:
            if wp.naam not in self.wijken:
                inwoners = wp.defn.inwoners
                if wp.kopie:
                    inwoners = min(
                        max(inwoners + rng_voor("inwoners", wp.naam).randint(-800, 800), 10_000), 20_000
                    )
                self.wijken[wp.naam] = self.rijen.add(
                    Wijk(
                        gebied=gebieden[wp.defn.gebied],
                        naam=wp.naam,
                        inwoners=inwoners,
                        omschrijving=wp.defn.omschrijving,
                    )
                )
        self.rijen.opslaan(Wijk)

    def _praktijken(self) -> None:
        plannen = self.praktijkplannen
        bestaand = set(
            Praktijk.objects.filter(agb_code__in=[p.agb for p in plannen]).values_list("agb_code", flat=True)
        )
        nieuw = [p for p in plannen if p.agb not in bestaand]
        self._demo_rollen_herstellen([p for p in plannen if p.agb in bestaand])
        if not nieuw:
            return
        pm_namen = [p.pm_username for p in nieuw]
        gebruikers = {u.username: u for u in User.objects.filter(username__in=pm_namen)}
        gebruikers.update(self.gebruikers)
        beheerder = self.gebruikers["beheerder"]
        for plan in nieuw:
            praktijk = self.rijen.add(
                Praktijk(
                    naam=plan.naam,
                    agb_code=plan.agb,
                    wijk=self.wijken[plan.huidige_wijk],
                    straat=plan.straat,
                    postcode=plan.postcode,
                    plaats=plan.plaats,
                    telefoon=plan.telefoon,
                    email=plan.email,
                )
            )
            self.nieuwe_praktijken[plan.agb] = praktijk
            self._wijktoewijzingen(praktijk, plan, beheerder)
            pm = self._praktijkcontacten(praktijk, plan, gebruikers)
            self.pm_gebruiker[plan.agb] = pm
            rollen = ((plan.pm_username, Functie.PRAKTIJKMANAGER),)
            rollen += tuple(rol for rol in plan.rollen if rol[0] != plan.pm_username)
            for username, functie in rollen:
                self.rijen.add(
                    Praktijkmedewerker(user=gebruikers[username], praktijk=praktijk, functie=functie)
                )
        self.rijen.opslaan(User, Praktijk, WijkToewijzing, Contactpersoon, Praktijkmedewerker)

    def _wijktoewijzingen(self, praktijk: Praktijk, plan: PraktijkPlan, beheerder: Any) -> None:
        """The practice's wijk in the wijkindeling, and a later reassignment of a border practice."""
        eerste_wijk = plan.wijk.naam
        reden = self.wijkindeling_reden
        if plan.grens_met:
            reden = (
                f"{self.wijkindeling_reden}: de praktijk ligt op de grens van {eerste_wijk} en "
                f"{plan.grens_met}. In overleg met beide huisartsenverbanden ingedeeld bij "
                f"{eerste_wijk}, omdat de meeste ingeschreven patiënten daar wonen."
            )
        self.rijen.add(
            WijkToewijzing(
                praktijk=praktijk,
                wijk=self.wijken[eerste_wijk],
                ingangsdatum=self.wijkindeling,
                grenspraktijk=bool(plan.grens_met),
                reden=reden,
                vastgelegd_door=beheerder,
            )
        )
        if plan.herindeling_naar:
            self.rijen.add(
                WijkToewijzing(
                    praktijk=praktijk,
                    wijk=self.wijken[plan.herindeling_naar],
                    ingangsdatum=self.herindeling,
                    grenspraktijk=True,
                    vastgelegd_door=beheerder,
                    reden=(
                        "Herindeling na evaluatie met beide verbanden: de praktijk werkt voor "
                        "waarneming al "
                        f"nauw samen met de praktijken in {plan.herindeling_naar} en de meeste nieuwe "
                        f"inschrijvingen komen daarvandaan."
                    ),
                )
            )

    def _praktijkcontacten(self, praktijk: Praktijk, plan: PraktijkPlan, gebruikers: dict[str, Any]) -> Any:
        """The holder and praktijkmanager as contacts, and the praktijkmanager's (new) user."""
        rng = rng_voor("contacten", plan.agb)
        domein = plan.email.split("@")[1]
        self.rijen.add(
            Contactpersoon(
                praktijk=praktijk,
                naam=plan.houder_naam,
                functie="Huisarts, praktijkhouder",
                email=emailadres(*plan.houder, domein),
                telefoon=plan.telefoon,
            )
        )
        if plan.pm_contact:
            self.rijen.add(
                Contactpersoon(
                    praktijk=praktijk,
                    naam=" ".join(plan.pm),
                    functie="Praktijkmanager",
                    email=emailadres(*plan.pm, domein),
                    telefoon=mobielnummer(rng),
                )
            )
        pm = gebruikers.get(plan.pm_username)
        if pm is None:
            pm = gebruikers[plan.pm_username] = self.rijen.add(
                User(
                    username=plan.pm_username,
                    first_name=plan.pm[0],
                    last_name=plan.pm[1],
                    email=emailadres(*plan.pm, domein),
                    rol=Rol.PRAKTIJKMEDEWERKER,
                    password=make_password(None),
                )
            )
        return pm

    def _demo_rollen_herstellen(self, bestaande: list[PraktijkPlan]) -> None:
        """A demo login that was just (re)created gets its practices back, if they exist already."""
        for plan in bestaande:
            for username, functie in plan.rollen:
                if username in self.nieuwe_gebruikers:
                    _, nieuw = Praktijkmedewerker.objects.get_or_create(
                        user=self.gebruikers[username],
                        praktijk=Praktijk.objects.get(agb_code=plan.agb),
                        defaults={"functie": functie},
                    )
                    self.rijen.aangemaakt[Praktijkmedewerker] += nieuw

    def _partners(self) -> None:
        plannen = self.partnerplannen
        bestaand = set(
            Partner.objects.filter(naam__in=[p.naam for p in plannen]).values_list("naam", flat=True)
        )
        self.nieuwe_partners: dict[str, Partner] = {}
        for plan in plannen:
            if plan.naam in bestaand:
                continue
            partner = self.rijen.add(
                Partner(
                    naam=plan.naam,
                    beroepsgroep=plan.beroepsgroep,
                    straat=plan.straat,
                    postcode=plan.postcode,
                    plaats=plan.plaats,
                    telefoon=plan.telefoon,
                    email=plan.email,
                    website=plan.website,
                    notities=plan.notities,
                )
            )
            self.nieuwe_partners[plan.naam] = partner
            self.rijen.koppel(partner, "wijken", [self.wijken[w] for w in plan.wijken])
            for naam, functie, email, telefoon in plan.contacten:
                self.rijen.add(
                    Contactpersoon(
                        partner=partner, naam=naam, functie=functie, email=email, telefoon=telefoon
                    )
                )
        self.rijen.opslaan(Partner, Contactpersoon)
