"""Meetings of the verbanden: held and planned, with agenda, attendance, decisions and actions."""

from __future__ import annotations

import random
from datetime import date, time, timedelta
from typing import Any

from portaal.demo.basis import BouwerBasis
from portaal.demo.hulp import (
    dag_tussen,
    kwartaal_van,
    moment_op,
    slug_van,
    werkdag_vanaf,
)
from portaal.demo.plan import (
    Lid,
    WijkPlan,
)
from portaal.demo.teksten.overleggen import (
    CASUSSEN,
    WSV_ONDERWERPEN,
)
from samenwerking.constants import (
    VAST_AGENDAPUNT,
    Aanwezig,
    ActiepuntStatus,
    KnelpuntSoort,
    KnelpuntStatus,
    OverlegStatus,
    Overlegvorm,
    VerzendSoort,
)
from samenwerking.models import (
    Aanwezigheid,
    Actiepunt,
    Afgevaardigde,
    Agendapunt,
    Besluitvorming,
    Knelpunt,
    Overleg,
    OverlegVerzending,
    Samenwerkingsverband,
)
from wijken.constants import Beroepsgroep

B = Beroepsgroep


class OverlegBouwer(BouwerBasis):
    """@@CLSDOC@@"""

    def _overleg(
        self,
        verband: Samenwerkingsverband,
        dag: date,
        vorm: str,
        plek: str,
        tijden: tuple[time, time],
        status: str,
        notulen: str = "",
    ) -> Overleg:
        locatie = plek if vorm in (Overlegvorm.FYSIEK, Overlegvorm.HYBRIDE) else ""
        link = ""
        if vorm in (Overlegvorm.ONLINE, Overlegvorm.HYBRIDE):
            link = f"https://vergaderen.example.nl/{slug_van(verband.naam)}"
        return self.rijen.add(
            Overleg(
                verband=verband,
                datum=dag,
                starttijd=tijden[0],
                eindtijd=tijden[1],
                overlegvorm=vorm,
                locatie=locatie,
                link=link,
                status=status,
                notulen=notulen,
                # Overleggen (issue 4): the notulen of a held meeting were made final a few days later.
                notulen_definitief_op=(
                    moment_op(min(dag + timedelta(days=4), self.vandaag), 9)
                    if status == OverlegStatus.GEHOUDEN and verband.is_wsv
                    else None
                ),
            )
        )

    def _huisartsenoverleggen(
        self, verband: Samenwerkingsverband, wp: WijkPlan, leden: list[Lid], rng: random.Random
    ) -> None:
        """The practices' own meetings: the start meeting is planned in step 1, then they meet regularly."""
        vandaag = self.vandaag
        stap = 3 if wp.defn.ha_cyclus > 1 else wp.defn.ha_stap
        vorm = verband.overlegvorm or Overlegvorm.FYSIEK
        plek = leden[0].plan.naam
        tijden = (time(12, 30), time(13, 45))
        dagen = []
        if stap >= 2:
            dagen.append(werkdag_vanaf(vandaag - timedelta(days=rng.randint(20, 60)), 1))
        if stap >= 3:
            dagen.insert(0, werkdag_vanaf(vandaag - timedelta(days=rng.randint(100, 140)), 1))
        if stap >= 3:
            titel, notulen = "Evaluatie SMART-afspraken", "Per afspraak besproken of hij wordt nageleefd."
            besluit = (
                "De lopende afspraken worden voortgezet; de praktijkmanagers werken de implementatie bij."
            )
            actie = "Implementatiestatus van de afspraken in de eigen praktijk bijwerken in het portaal."
        else:
            titel = "Vorm, frequentie en SMART-afspraken"
            notulen = (
                "Overlegvorm, frequentie en voorzitter vastgesteld; de thema's uitgewerkt tot concepten."
            )
            besluit = "De concept-afspraken gaan ter instemming naar de praktijkhouders."
            actie = "Concept-afspraken bespreken in het eigen team en reageren vóór het volgende overleg."
        overleg = None
        for dag in dagen:
            aanwezig = [lid for lid in leden if lid.actief_op(dag)]
            overleg = self._overleg(
                verband,
                dag,
                vorm,
                plek,
                tijden,
                OverlegStatus.GEHOUDEN,
                f"Aanwezig: {len(aanwezig)} praktijken. {notulen}",
            )
            punt = self.rijen.add(Agendapunt(overleg=overleg, volgorde=1, titel=titel, notulen=notulen))
            if stap >= 3:
                self.rijen.add(
                    Agendapunt(
                        overleg=overleg,
                        volgorde=2,
                        titel="Stand van zaken implementatie",
                        notulen="Niet alle praktijken hebben hun team al geïnformeerd.",
                    )
                )
            self.rijen.add(Agendapunt(overleg=overleg, volgorde=3, titel="Rondvraag"))
            self.rijen.add(Besluitvorming(overleg=overleg, agendapunt=punt, tekst=besluit))
            for lid in aanwezig:
                self.rijen.add(
                    Aanwezigheid(
                        overleg=overleg,
                        naam=f"{lid.plan.houder_naam} ({lid.plan.naam})",
                        status=rng.choices([Aanwezig.AANWEZIG, Aanwezig.AFGEMELD], [85, 15])[0],
                    )
                )
            eigenaar = aanwezig[rng.randrange(len(aanwezig))].pm if aanwezig else leden[0].pm
            deadline = dag + timedelta(days=28)
            klaar = deadline < vandaag - timedelta(days=14)
            self.rijen.add(
                Actiepunt(
                    verband=verband,
                    overleg=overleg,
                    eigenaar=eigenaar,
                    deadline=deadline,
                    omschrijving=actie,
                    status=ActiepuntStatus.AFGEROND if klaar else ActiepuntStatus.OPEN,
                    afgerond_op=deadline - timedelta(days=rng.randint(0, 10)) if klaar else None,
                )
            )
        if overleg and stap >= 5:
            self.rijen.add(
                Knelpunt(
                    verband=verband,
                    overleg=overleg,
                    soort=KnelpuntSoort.KNELPUNT,
                    beroepsgroep=B.HUISARTS,
                    omschrijving="Niet alle assistenten kennen de afspraken over opvang; nieuwe "
                    "medewerkers worden er niet standaard over geïnformeerd.",
                    gemeld_op=dagen[-1],
                )
            )
        dag = werkdag_vanaf(vandaag + timedelta(days=rng.randint(14, 45)), 1)
        gepland = self._overleg(verband, dag, vorm, plek, tijden, OverlegStatus.GEPLAND)
        if stap == 1:
            self.rijen.add(
                Agendapunt(
                    overleg=gepland,
                    volgorde=1,
                    titel="Startbijeenkomst: visie, doelstelling en thema's",
                    toelichting="Elke praktijk brengt twee thema's mee waarop zij wil samenwerken.",
                )
            )
        else:
            self.rijen.add(Agendapunt(overleg=gepland, volgorde=1, titel="Evaluatie SMART-afspraken"))
            self.rijen.add(Agendapunt(overleg=gepland, volgorde=2, titel="Nieuwe thema's voor samenwerking"))

    def _wsv_overleggen(
        self,
        verband: Samenwerkingsverband,
        wp: WijkPlan,
        stap: int,
        vorm: str,
        mandaten: list[tuple[Afgevaardigde, date, date | None]],
        gm: Any,
        rng: random.Random,
    ) -> None:
        vandaag = self.vandaag
        weekdag = rng.choice([1, 3])  # Tuesday or Thursday
        tijden = rng.choice(
            [(time(12, 30), time(14, 0)), (time(16, 0), time(17, 30)), (time(19, 0), time(20, 30))]
        )
        onderwerpen = list(WSV_ONDERWERPEN)
        rng.shuffle(onderwerpen)
        gm_naam = f"{gm.get_full_name()} (gebiedsmanager)"
        plek = f"Wijkcentrum {wp.naam}"
        interval = 150 if wp.defn.wsv_achter else 91
        dagen: list[date] = []
        if stap >= 2:
            dag = max(verband.startdatum + timedelta(days=45), date(self.jaar - 1, 1, 10))
            while True:
                dag = werkdag_vanaf(dag + timedelta(days=rng.randint(-6, 6)), weekdag)
                if dag >= vandaag:
                    break
                dagen.append(dag)
                dag += timedelta(days=interval)
        geannuleerd = dagen[len(dagen) // 2] if wp.defn.wsv_achter and len(dagen) > 2 else None
        open_acties: list[Actiepunt] = []
        vorige_acties: list[Actiepunt] = []
        for n, dag in enumerate(dagen):
            onderwerp = onderwerpen[n % len(onderwerpen)]
            if dag == geannuleerd:
                overleg = self._overleg(
                    verband,
                    dag,
                    vorm,
                    plek,
                    tijden,
                    OverlegStatus.GEANNULEERD,
                    "Geannuleerd wegens te weinig aanmeldingen; de onderwerpen schuiven door.",
                )
                self.rijen.add(Agendapunt(overleg=overleg, volgorde=1, titel=str(VAST_AGENDAPUNT), vast=True))
                continue
            actief = [(a, van) for a, van, tot in mandaten if van <= dag and (tot is None or tot >= dag)]
            statussen = [
                rng.choices([Aanwezig.AANWEZIG, Aanwezig.AFGEMELD, Aanwezig.AFWEZIG], [80, 15, 5])[0]
                for _ in actief
            ]
            aantal = sum(1 for s in statussen if s == Aanwezig.AANWEZIG)
            overleg = self._overleg(
                verband,
                dag,
                vorm,
                plek,
                tijden,
                OverlegStatus.GEHOUDEN,
                f"Aanwezig: {aantal} van de {len(actief)} afgevaardigden en de gebiedsmanager. Voorzitter: "
                f"{gm.get_full_name()}. Hoofdonderwerp: {onderwerp.titel.lower()}.",
            )
            self.rijen.add(
                Agendapunt(
                    overleg=overleg,
                    volgorde=1,
                    titel=str(VAST_AGENDAPUNT),
                    vast=True,
                    notulen=CASUSSEN[(n + rng.randint(0, 5)) % len(CASUSSEN)],
                )
            )
            punt = self.rijen.add(
                Agendapunt(overleg=overleg, volgorde=2, titel=onderwerp.titel, notulen=onderwerp.notulen)
            )
            volgorde = 3
            if vorige_acties:
                klaar = sum(1 for a in vorige_acties if a.status == ActiepuntStatus.AFGEROND)
                self.rijen.add(
                    Agendapunt(
                        overleg=overleg,
                        volgorde=volgorde,
                        titel="Actiepunten vorig overleg",
                        notulen=f"{klaar} van de {len(vorige_acties)} actiepunten afgerond; de rest "
                        "blijft staan.",
                    )
                )
                volgorde += 1
            self.rijen.add(
                Agendapunt(
                    overleg=overleg, volgorde=volgorde, titel="Rondvraag", notulen="Geen bijzonderheden."
                )
            )
            self.rijen.add(Besluitvorming(overleg=overleg, agendapunt=punt, tekst=onderwerp.besluit))
            if rng.random() < 0.4:
                self.rijen.add(
                    Besluitvorming(
                        overleg=overleg,
                        tekst="De afgevaardigden brengen dit onderwerp terug in hun eigen beroepsgroep.",
                    )
                )
            for (afgevaardigde, _), status in zip(actief, statussen, strict=True):
                self.rijen.add(Aanwezigheid(overleg=overleg, afgevaardigde=afgevaardigde, status=status))
                # Overleggen (issue 4): the invitation and the final notulen went to each delegate.
                if afgevaardigde.contactpersoon.email:
                    for soort in (VerzendSoort.UITNODIGING, VerzendSoort.NOTULEN):
                        self.rijen.add(
                            OverlegVerzending(
                                overleg=overleg, soort=soort, email=afgevaardigde.contactpersoon.email.lower()
                            )
                        )
            self.rijen.add(Aanwezigheid(overleg=overleg, naam=gm_naam, status=Aanwezig.AANWEZIG))

            # One action per meeting: the delegate of the topic's beroepsgroep, or the gebiedsmanager.
            trekker = next((a for a, _ in actief if a.beroepsgroep == onderwerp.beroepsgroep), None)
            deadline = dag + timedelta(days=rng.randint(35, 56))
            if deadline < vandaag - timedelta(days=21):
                status = rng.choices(
                    [ActiepuntStatus.AFGEROND, ActiepuntStatus.OPEN, ActiepuntStatus.VERVALLEN], [80, 12, 8]
                )[0]
            else:
                status = rng.choices([ActiepuntStatus.AFGEROND, ActiepuntStatus.OPEN], [25, 75])[0]
            afgerond_op = None
            if status == ActiepuntStatus.AFGEROND:
                afgerond_op = min(dag_tussen(rng, dag + timedelta(days=7), deadline), vandaag)
            actie = self.rijen.add(
                Actiepunt(
                    verband=verband,
                    overleg=overleg,
                    omschrijving=onderwerp.actie,
                    eigenaar=None if trekker else gm,
                    eigenaar_contact=trekker.contactpersoon if trekker else None,
                    deadline=deadline,
                    status=status,
                    afgerond_op=afgerond_op,
                )
            )
            vorige_acties = [actie]
            if status == ActiepuntStatus.OPEN:
                open_acties.append(actie)

            if rng.random() < 0.65:
                _, kwartaaleinde = kwartaal_van(dag, 0)
                naar_pl = kwartaaleinde + timedelta(days=rng.randint(5, 15))
                naar_pl = naar_pl if naar_pl <= vandaag and (stap == 3 or rng.random() < 0.5) else None
                naar_resv = None
                if naar_pl and rng.random() < 0.6 and naar_pl + timedelta(days=35) <= vandaag:
                    naar_resv = naar_pl + timedelta(days=35)
                self.rijen.add(
                    Knelpunt(
                        verband=verband,
                        overleg=overleg,
                        soort=onderwerp.knelpunt_soort,
                        omschrijving=onderwerp.knelpunt,
                        beroepsgroep=onderwerp.beroepsgroep,
                        gemeld_op=dag,
                        naar_projectleider_op=naar_pl,
                        naar_resv_op=naar_resv,
                        status=KnelpuntStatus.OPGELOST
                        if dag < vandaag - timedelta(days=200) and rng.random() < 0.5
                        else KnelpuntStatus.OPEN,
                    )
                )

        # The next meeting: planned, with the standing item and the open actions carried over.
        volgende = werkdag_vanaf(
            (dagen[-1] + timedelta(days=interval)) if dagen else vandaag + timedelta(days=21), weekdag
        )
        if volgende <= vandaag + timedelta(days=6):
            volgende = werkdag_vanaf(vandaag + timedelta(days=rng.randint(7, 30)), weekdag)
        gepland = self._overleg(verband, volgende, vorm, plek, tijden, OverlegStatus.GEPLAND)
        self.rijen.add(Agendapunt(overleg=gepland, volgorde=1, titel=str(VAST_AGENDAPUNT), vast=True))
        if dagen:
            onderwerp = onderwerpen[len(dagen) % len(onderwerpen)]
            self.rijen.add(
                Agendapunt(
                    overleg=gepland,
                    volgorde=2,
                    titel=onderwerp.titel,
                    toelichting="Voorbereiding: elke afgevaardigde brengt een voorbeeld uit de "
                    "eigen praktijk mee.",
                )
            )
        else:
            self.rijen.add(
                Agendapunt(
                    overleg=gepland,
                    volgorde=2,
                    titel="Kennismaking en werkwijze van het WSV",
                    toelichting="Startbijeenkomst: rol van de afgevaardigden, frequentie en "
                    "de uitkomsten van de inventarisatie.",
                )
            )
        for n, actie in enumerate(open_acties[-3:], start=3):
            self.rijen.add(
                Agendapunt(
                    overleg=gepland,
                    volgorde=n,
                    titel=f"Actiepunt: {actie.omschrijving}"[:200],
                    actiepunt=actie,
                )
            )
        self.rijen.add(Agendapunt(overleg=gepland, volgorde=9, titel="Rondvraag"))
