"""Meetings of the verbanden: held and planned, with agenda, attendance, decisions and actions."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from typing import Any

from portaal.demo.basis import BouwerBasis
from portaal.demo.hulp import dag_tussen, kwartaal_van, moment_op, slug_van, werkdag_vanaf
from portaal.demo.plan import WijkPlan
from portaal.demo.samenwerking import Lid, Mandaat
from portaal.demo.teksten.overleggen import (
    CASUSSEN,
    HUISARTSEN_KNELPUNT,
    HUISARTSENOVERLEG_VANAF_STAP_3,
    HUISARTSENOVERLEG_VOOR_STAP_3,
    WIJK_FTO,
    WIJK_MDO,
    WSV_GEANNULEERD,
    WSV_ONDERWERPEN,
    WSV_STARTBIJEENKOMST,
    WSV_TERUG_NAAR_BEROEPSGROEP,
    WSV_VOORBEREIDING,
    Onderwerp,
)
from samenwerking.constants import (
    VAST_AGENDAPUNT,
    Aanwezig,
    ActiepuntStatus,
    KnelpuntSoort,
    KnelpuntStatus,
    OverlegSoort,
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


@dataclass(frozen=True)
class Vergadering:
    """Where and how a verband meets: the same for each of its meetings."""

    verband: Samenwerkingsverband
    vorm: str
    plek: str
    tijden: tuple[time, time]


class OverlegBouwer(BouwerBasis):
    """The meetings of the huisartsen-verbanden and the WSVs."""

    def _overleg(
        self,
        vergadering: Vergadering,
        dag: date,
        status: str,
        notulen: str = "",
        soort: str = OverlegSoort.WSV,
        doelgroep: str = "",
    ) -> Overleg:
        verband, vorm = vergadering.verband, vergadering.vorm
        locatie = vergadering.plek if vorm in (Overlegvorm.FYSIEK, Overlegvorm.HYBRIDE) else ""
        link = ""
        if vorm in (Overlegvorm.ONLINE, Overlegvorm.HYBRIDE):
            link = f"https://vergaderen.example.nl/{slug_van(verband.naam)}"
        return self.rijen.add(
            Overleg(
                verband=verband,
                soort=soort,
                doelgroep=doelgroep,
                datum=dag,
                starttijd=vergadering.tijden[0],
                eindtijd=vergadering.tijden[1],
                overlegvorm=vorm,
                locatie=locatie,
                link=link,
                status=status,
                notulen=notulen,
                # The notulen of a held WSV meeting were made final a few days later.
                notulen_definitief_op=(
                    moment_op(min(dag + timedelta(days=4), self.vandaag), 9)
                    if status == OverlegStatus.GEHOUDEN and verband.is_wsv
                    else None
                ),
            )
        )

    def _agendapunt(self, overleg: Overleg, volgorde: int, titel: str, **velden: Any) -> Agendapunt:
        return self.rijen.add(Agendapunt(overleg=overleg, volgorde=volgorde, titel=titel, **velden))

    # -- the huisartsen-verband --------------------------------------------------------------------

    def _huisartsenoverleggen(
        self, verband: Samenwerkingsverband, wp: WijkPlan, leden: list[Lid], rng: random.Random
    ) -> None:
        """The practices' own meetings: the start meeting is planned in step 1, then they meet regularly."""
        stap = 3 if wp.defn.ha_cyclus > 1 else wp.defn.ha_stap
        vergadering = Vergadering(
            verband,
            verband.overlegvorm or Overlegvorm.FYSIEK,
            leden[0].plan.naam,
            (time(12, 30), time(13, 45)),
        )
        dagen = []
        if stap >= 2:
            dagen.append(werkdag_vanaf(self.vandaag - timedelta(days=rng.randint(20, 60)), 1))
        if stap >= 3:
            dagen.insert(0, werkdag_vanaf(self.vandaag - timedelta(days=rng.randint(100, 140)), 1))
        overleg = None
        for dag in dagen:
            overleg = self._huisartsenoverleg_gehouden(vergadering, dag, stap, leden, rng)
        if overleg and stap >= 5:
            self.rijen.add(
                Knelpunt(
                    verband=verband,
                    overleg=overleg,
                    soort=KnelpuntSoort.KNELPUNT,
                    beroepsgroep=B.HUISARTS,
                    omschrijving=HUISARTSEN_KNELPUNT,
                    gemeld_op=dagen[-1],
                )
            )
        dag = werkdag_vanaf(self.vandaag + timedelta(days=rng.randint(14, 45)), 1)
        gepland = self._overleg(vergadering, dag, OverlegStatus.GEPLAND)
        if stap == 1:
            self._agendapunt(
                gepland,
                1,
                "Startbijeenkomst: visie, doelstelling en thema's",
                toelichting="Elke praktijk brengt twee thema's mee waarop zij wil samenwerken.",
            )
        else:
            self._agendapunt(gepland, 1, "Evaluatie SMART-afspraken")
            self._agendapunt(gepland, 2, "Nieuwe thema's voor samenwerking")

    def _huisartsenoverleg_gehouden(
        self, vergadering: Vergadering, dag: date, stap: int, leden: list[Lid], rng: random.Random
    ) -> Overleg:
        """A held meeting of the practices: agenda, decision, who came, and one action for a practice."""
        titel, notulen, besluit, actie = (
            HUISARTSENOVERLEG_VANAF_STAP_3 if stap >= 3 else HUISARTSENOVERLEG_VOOR_STAP_3
        )
        aanwezig = [lid for lid in leden if lid.actief_op(dag)]
        overleg = self._overleg(
            vergadering, dag, OverlegStatus.GEHOUDEN, f"Aanwezig: {len(aanwezig)} praktijken. {notulen}"
        )
        punt = self._agendapunt(overleg, 1, titel, notulen=notulen)
        if stap >= 3:
            self._agendapunt(
                overleg,
                2,
                "Stand van zaken implementatie",
                notulen="Niet alle praktijken hebben hun team al geïnformeerd.",
            )
        self._agendapunt(overleg, 3, "Rondvraag")
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
        klaar = deadline < self.vandaag - timedelta(days=14)
        self.rijen.add(
            Actiepunt(
                verband=vergadering.verband,
                overleg=overleg,
                eigenaar=eigenaar,
                deadline=deadline,
                omschrijving=actie,
                status=ActiepuntStatus.AFGEROND if klaar else ActiepuntStatus.OPEN,
                afgerond_op=deadline - timedelta(days=rng.randint(0, 10)) if klaar else None,
            )
        )
        return overleg

    # -- the WSV ----------------------------------------------------------------------------------

    def _wsv_overleggen(
        self,
        verband: Samenwerkingsverband,
        wp: WijkPlan,
        stap: int,
        vorm: str,
        mandaten: list[Mandaat],
        gm: Any,
        rng: random.Random,
    ) -> None:
        """The WSV's meetings since it formed (one meeting cancelled if it lags), and the next one planned."""
        weekdag = rng.choice([1, 3])  # Tuesday or Thursday
        tijden = rng.choice(
            [(time(12, 30), time(14, 0)), (time(16, 0), time(17, 30)), (time(19, 0), time(20, 30))]
        )
        onderwerpen = list(WSV_ONDERWERPEN)
        rng.shuffle(onderwerpen)
        vergadering = Vergadering(verband, vorm, f"Wijkcentrum {wp.naam}", tijden)
        interval = 150 if wp.defn.wsv_achter else 91
        dagen = self._wsv_vergaderdagen(verband, stap, weekdag, interval, rng)
        geannuleerd = dagen[len(dagen) // 2] if wp.defn.wsv_achter and len(dagen) > 2 else None
        open_acties: list[Actiepunt] = []
        vorige_acties: list[Actiepunt] = []
        for n, dag in enumerate(dagen):
            if dag == geannuleerd:
                overleg = self._overleg(vergadering, dag, OverlegStatus.GEANNULEERD, WSV_GEANNULEERD)
                self._agendapunt(overleg, 1, str(VAST_AGENDAPUNT), vast=True)
                continue
            onderwerp = onderwerpen[n % len(onderwerpen)]
            overleg, trekker = self._wsv_overleg_gehouden(
                vergadering, dag, n, onderwerp, vorige_acties, mandaten, gm, rng
            )
            actie = self._wsv_actiepunt(overleg, dag, onderwerp, trekker, gm, rng)
            vorige_acties = [actie]
            if actie.status == ActiepuntStatus.OPEN:
                open_acties.append(actie)
            if rng.random() < 0.65:
                self._wsv_knelpunt(overleg, dag, onderwerp, stap, rng)
        volgend = onderwerpen[len(dagen) % len(onderwerpen)] if dagen else None
        self._wsv_volgend_overleg(vergadering, dagen, interval, weekdag, volgend, open_acties, rng)
        self._wijkoverleggen(vergadering, dagen, weekdag)

    def _wijkoverleggen(self, vergadering: Vergadering, dagen: list[date], weekdag: int) -> None:
        """The other overlegvormen of the wijk (seed 002): a held MDO about a doelgroep and a planned FTO,
        in the WSVs that meet already. An own random stream, so the rest of the demo stays as it was."""
        if not dagen:
            return
        rng = random.Random(f"wijkoverleg-{slug_van(vergadering.verband.naam)}")
        # At lunchtime on the day after the WSV's usual weekday, so they never clash with a WSV meeting.
        vergadering = replace(vergadering, tijden=(time(12, 30), time(13, 30)))
        weekdag += 1
        doelgroep, casus = WIJK_MDO[rng.randrange(len(WIJK_MDO))]
        mdo_dag = werkdag_vanaf(dagen[-1] - timedelta(days=rng.randint(20, 40)), weekdag)
        if mdo_dag < self.vandaag:
            mdo = self._overleg(
                vergadering,
                mdo_dag,
                OverlegStatus.GEHOUDEN,
                f"MDO {doelgroep}: casusbespreking met de betrokken zorgverleners.",
                soort=OverlegSoort.MDO,
                doelgroep=doelgroep,
            )
            self._agendapunt(mdo, 1, "Casusbespreking", notulen=casus)
            self._agendapunt(mdo, 2, "Afspraken over de zorg rond de doelgroep")
            for naam in ("De huisarts van de patiënt", "De wijkverpleegkundige", "De praktijkondersteuner"):
                self.rijen.add(Aanwezigheid(overleg=mdo, naam=naam, status=Aanwezig.AANWEZIG))
        titel, toelichting = WIJK_FTO[rng.randrange(len(WIJK_FTO))]
        fto = self._overleg(
            vergadering,
            werkdag_vanaf(self.vandaag + timedelta(days=rng.randint(10, 40)), weekdag),
            OverlegStatus.GEPLAND,
            soort=OverlegSoort.FTO,
        )
        self._agendapunt(fto, 1, titel, toelichting=toelichting)

    def _wsv_vergaderdagen(
        self, verband: Samenwerkingsverband, stap: int, weekdag: int, interval: int, rng: random.Random
    ) -> list[date]:
        """The meeting days from about 45 days after the start (at most about 18 months back) until today."""
        dagen: list[date] = []
        if stap < 2:
            return dagen
        dag = max(verband.startdatum + timedelta(days=45), self.vandaag - timedelta(days=540))
        while True:
            dag = werkdag_vanaf(dag + timedelta(days=rng.randint(-6, 6)), weekdag)
            if dag >= self.vandaag:
                return dagen
            dagen.append(dag)
            dag += timedelta(days=interval)

    def _wsv_overleg_gehouden(
        self,
        vergadering: Vergadering,
        dag: date,
        n: int,
        onderwerp: Onderwerp,
        vorige_acties: list[Actiepunt],
        mandaten: list[Mandaat],
        gm: Any,
        rng: random.Random,
    ) -> tuple[Overleg, Afgevaardigde | None]:
        """A held WSV meeting with its agenda and decisions; gives the delegate who takes the action."""
        actief = [m.afgevaardigde for m in mandaten if m.van <= dag and (m.tot is None or m.tot >= dag)]
        statussen = [
            rng.choices([Aanwezig.AANWEZIG, Aanwezig.AFGEMELD, Aanwezig.AFWEZIG], [80, 15, 5])[0]
            for _ in actief
        ]
        aantal = sum(1 for s in statussen if s == Aanwezig.AANWEZIG)
        overleg = self._overleg(
            vergadering,
            dag,
            OverlegStatus.GEHOUDEN,
            f"Aanwezig: {aantal} van de {len(actief)} afgevaardigden en de gebiedsmanager. Voorzitter: "
            f"{gm.get_full_name()}. Hoofdonderwerp: {onderwerp.titel.lower()}.",
        )
        casus = CASUSSEN[(n + rng.randint(0, 5)) % len(CASUSSEN)]
        self._agendapunt(overleg, 1, str(VAST_AGENDAPUNT), vast=True, notulen=casus)
        punt = self._agendapunt(overleg, 2, onderwerp.titel, notulen=onderwerp.notulen)
        volgorde = 3
        if vorige_acties:
            klaar = sum(1 for a in vorige_acties if a.status == ActiepuntStatus.AFGEROND)
            notulen = f"{klaar} van de {len(vorige_acties)} actiepunten afgerond; de rest blijft staan."
            self._agendapunt(overleg, volgorde, "Actiepunten vorig overleg", notulen=notulen)
            volgorde += 1
        self._agendapunt(overleg, volgorde, "Rondvraag", notulen="Geen bijzonderheden.")
        self.rijen.add(Besluitvorming(overleg=overleg, agendapunt=punt, tekst=onderwerp.besluit))
        if rng.random() < 0.4:
            self.rijen.add(Besluitvorming(overleg=overleg, tekst=WSV_TERUG_NAAR_BEROEPSGROEP))
        self._wsv_aanwezigheid(overleg, actief, statussen, gm)
        # One action per meeting: the delegate of the topic's beroepsgroep, or the gebiedsmanager.
        return overleg, next((a for a in actief if a.beroepsgroep == onderwerp.beroepsgroep), None)

    def _wsv_aanwezigheid(
        self, overleg: Overleg, actief: list[Afgevaardigde], statussen: list[str], gm: Any
    ) -> None:
        """Who came; the invitation and the final notulen went to each delegate with an email address."""
        for afgevaardigde, status in zip(actief, statussen, strict=True):
            self.rijen.add(Aanwezigheid(overleg=overleg, afgevaardigde=afgevaardigde, status=status))
            if afgevaardigde.contactpersoon.email:
                email = afgevaardigde.contactpersoon.email.lower()
                for soort in (VerzendSoort.UITNODIGING, VerzendSoort.NOTULEN):
                    self.rijen.add(OverlegVerzending(overleg=overleg, soort=soort, email=email))
        gm_naam = f"{gm.get_full_name()} (gebiedsmanager)"
        self.rijen.add(Aanwezigheid(overleg=overleg, naam=gm_naam, status=Aanwezig.AANWEZIG))

    def _wsv_actiepunt(
        self,
        overleg: Overleg,
        dag: date,
        onderwerp: Onderwerp,
        trekker: Afgevaardigde | None,
        gm: Any,
        rng: random.Random,
    ) -> Actiepunt:
        """The meeting's action; an older one is mostly done, a recent one mostly open."""
        vandaag = self.vandaag
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
        return self.rijen.add(
            Actiepunt(
                verband=overleg.verband,
                overleg=overleg,
                omschrijving=onderwerp.actie,
                eigenaar=None if trekker else gm,
                eigenaar_contact=trekker.contactpersoon if trekker else None,
                deadline=deadline,
                status=status,
                afgerond_op=afgerond_op,
            )
        )

    def _wsv_knelpunt(
        self, overleg: Overleg, dag: date, onderwerp: Onderwerp, stap: int, rng: random.Random
    ) -> None:
        """The meeting's knelpunt or inzicht, passed on to the projectleider and the RESV when old enough."""
        vandaag = self.vandaag
        _, kwartaaleinde = kwartaal_van(dag, 0)
        naar_pl = kwartaaleinde + timedelta(days=rng.randint(5, 15))
        naar_pl = naar_pl if naar_pl <= vandaag and (stap == 3 or rng.random() < 0.5) else None
        naar_resv = None
        if naar_pl and rng.random() < 0.6 and naar_pl + timedelta(days=35) <= vandaag:
            naar_resv = naar_pl + timedelta(days=35)
        opgelost = dag < vandaag - timedelta(days=200) and rng.random() < 0.5
        self.rijen.add(
            Knelpunt(
                verband=overleg.verband,
                overleg=overleg,
                soort=onderwerp.knelpunt_soort,
                omschrijving=onderwerp.knelpunt,
                beroepsgroep=onderwerp.beroepsgroep,
                gemeld_op=dag,
                naar_projectleider_op=naar_pl,
                naar_resv_op=naar_resv,
                status=KnelpuntStatus.OPGELOST if opgelost else KnelpuntStatus.OPEN,
            )
        )

    def _wsv_volgend_overleg(
        self,
        vergadering: Vergadering,
        dagen: list[date],
        interval: int,
        weekdag: int,
        onderwerp: Onderwerp | None,
        open_acties: list[Actiepunt],
        rng: random.Random,
    ) -> None:
        """The next meeting: planned, with the standing item and the open actions carried over."""
        vandaag = self.vandaag
        volgende = werkdag_vanaf(
            (dagen[-1] + timedelta(days=interval)) if dagen else vandaag + timedelta(days=21), weekdag
        )
        if volgende <= vandaag + timedelta(days=6):
            volgende = werkdag_vanaf(vandaag + timedelta(days=rng.randint(7, 30)), weekdag)
        gepland = self._overleg(vergadering, volgende, OverlegStatus.GEPLAND)
        self._agendapunt(gepland, 1, str(VAST_AGENDAPUNT), vast=True)
        if onderwerp:
            self._agendapunt(gepland, 2, onderwerp.titel, toelichting=WSV_VOORBEREIDING)
        else:
            titel, toelichting = WSV_STARTBIJEENKOMST
            self._agendapunt(gepland, 2, titel, toelichting=toelichting)
        for n, actie in enumerate(open_acties[-3:], start=3):
            self._agendapunt(gepland, n, f"Actiepunt: {actie.omschrijving}"[:200], actiepunt=actie)
        self._agendapunt(gepland, 9, "Rondvraag")
