"""The verbanden: huisartsen-verbanden and WSVs with their members, delegates and PDCA cycles."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from portaal.demo.basis import BouwerBasis
from portaal.demo.hulp import rng_voor
from portaal.demo.plan import PraktijkPlan, WijkPlan
from portaal.demo.teksten.afspraken import (
    AFSPRAKEN,
    SCENARIO_AFGERONDE_CYCLUS,
    SCENARIO_PER_STAP,
    STAPNOTITIES_HUISARTSEN,
    STAPNOTITIES_WSV,
)
from portaal.demo.teksten.verbanden import (
    HUISARTSENVERBAND_AANWEZIGEN,
    HUISARTSENVERBAND_DOELSTELLINGEN,
    HUISARTSENVERBAND_VISIES,
    INVENTARISATIE_GOEDE_VOORBEELDEN,
    INVENTARISATIE_KNELPUNTEN,
    MATE_KANSEN,
    MATE_KANSEN_ANDERS,
    MATEN,
    REDENEN_EINDE_MANDAAT,
    WSV_AANWEZIGEN,
    WSV_DOELSTELLING,
    WSV_EERSTE_GROEPEN,
    WSV_VISIE,
)
from samenwerking.constants import (
    NORM_OVERLEGGEN_PER_JAAR,
    Overlegvorm,
    SamenwerkingMate,
    StapStatus,
    VerbandSoort,
)
from samenwerking.models import (
    Aanwezigheid,
    Actiepunt,
    Afgevaardigde,
    Afspraak,
    AfspraakPraktijk,
    Agendapunt,
    Besluitvorming,
    Deelname,
    Evaluatie,
    Knelpunt,
    Overleg,
    OverlegVerzending,
    PartnerInventarisatie,
    PdcaCyclus,
    PdcaStap,
    Samenwerkingsverband,
    StapVoortgang,
    Thema,
)
from wijken.constants import KERN_BEROEPSGROEPEN, Beroepsgroep, Functie
from wijken.models import Contactpersoon, Partner, Praktijk

B = Beroepsgroep


@dataclass
class Lid:
    """A practice in a verband, with the dates of its deelname."""

    plan: PraktijkPlan
    praktijk: Praktijk
    van: date
    tot: date | None
    houder: Contactpersoon | None
    pm: Any  # User

    def actief_op(self, dag: date) -> bool:
        return self.van <= dag and (self.tot is None or self.tot >= dag)


@dataclass(frozen=True)
class Mandaat:
    """A delegate of a WSV and the period of the mandate."""

    afgevaardigde: Afgevaardigde
    van: date
    tot: date | None


@dataclass(frozen=True)
class Cyclus:
    """A PDCA cycle to build: its number, start, end (None: still running) and current step."""

    nummer: int
    start: date
    eind: date | None
    huidig: int


class SamenwerkingBouwer(BouwerBasis):
    """The huisartsen-verbanden and WSVs of the region, and the practices' inventory of partners."""

    def _inventarisaties(self) -> None:
        """Plan phase of the WSV: half of the new practices inventoried the partners of their wijk."""
        plannen = [self.plan_per_agb[agb] for agb in self.nieuwe_praktijken]
        plannen = [p for p in plannen if (p.slot % 2 == 0 or p.rollen) and p.wijk.defn.wsv_stap]
        if not plannen:
            return
        namen = {p.naam for p in self.partnerplannen}
        partners = defaultdict(list)
        for partner in Partner.objects.filter(naam__in=namen).prefetch_related("wijken"):
            for wijk in partner.wijken.all():
                partners[wijk.naam].append(partner)
        for plan in plannen:
            rng = rng_voor("inventarisatie", plan.agb)
            for partner in sorted(partners[plan.huidige_wijk], key=lambda p: p.naam):
                self.rijen.add(self._inventarisatie(plan, partner, rng))
        self.rijen.opslaan(PartnerInventarisatie)

    def _inventarisatie(
        self, plan: PraktijkPlan, partner: Partner, rng: random.Random
    ) -> PartnerInventarisatie:
        """How far the practice cooperates with the partner, with a knelpunt or a good example."""
        mate = rng.choices(MATEN, MATE_KANSEN.get(partner.beroepsgroep, MATE_KANSEN_ANDERS))[0]
        knelpunten = goede_voorbeelden = ""
        if mate != SamenwerkingMate.AL and rng.random() < 0.6:
            knelpunten = rng.choice(INVENTARISATIE_KNELPUNTEN)
        if mate == SamenwerkingMate.AL and rng.random() < 0.5:
            goede_voorbeelden = rng.choice(INVENTARISATIE_GOEDE_VOORBEELDEN)
        return PartnerInventarisatie(
            praktijk=self.nieuwe_praktijken[plan.agb],
            partner=partner,
            mate=mate,
            knelpunten=knelpunten,
            goede_voorbeelden=goede_voorbeelden,
            bijgewerkt_door=self.pm_gebruiker[plan.agb],
        )

    def _laad_context(self) -> None:
        if self._context_geladen:
            return
        self._context_geladen = True
        self.stappen = {(s.soort, s.nummer): s for s in PdcaStap.objects.all()}
        if len(self.stappen) < 10:
            raise RuntimeError("De PDCA-stappen ontbreken: voer eerst 'manage.py migrate' uit.")
        self.themas = {t.naam: t for t in Thema.objects.all()}
        for tekst in AFSPRAKEN:
            if tekst.thema not in self.themas:
                self.themas[tekst.thema] = Thema.objects.create(naam=tekst.thema)
        self.praktijken_db = {
            p.agb_code: p
            for p in Praktijk.objects.filter(agb_code__in=list(self.plan_per_agb)).prefetch_related(
                "contactpersonen", "medewerkers__user"
            )
        }
        self.partners_db = {
            p.naam: p
            for p in Partner.objects.filter(naam__in=[p.naam for p in self.partnerplannen]).prefetch_related(
                "contactpersonen"
            )
        }

    def _houder(self, praktijk: Praktijk) -> Contactpersoon | None:
        contacten = sorted(praktijk.contactpersonen.all(), key=lambda c: c.pk)
        return next(
            (c for c in contacten if c.functie.startswith("Huisarts")), contacten[0] if contacten else None
        )

    def _pm(self, praktijk: Praktijk) -> Any:
        medewerkers = sorted(praktijk.medewerkers.all(), key=lambda m: m.pk)
        gekozen = next((m for m in medewerkers if m.functie == Functie.PRAKTIJKMANAGER), None)
        gekozen = gekozen or (medewerkers[0] if medewerkers else None)
        return gekozen.user if gekozen else self.gebruikers["beleidsadviseur"]

    def _verbanden(self) -> None:
        bestaand = set(
            Samenwerkingsverband.objects.filter(wijk__naam__in=list(self.wijken)).values_list(
                "wijk__naam", "soort", "naam"
            )
        )
        te_bouwen = []
        for wp in self.wijkplannen:
            if (wp.naam, VerbandSoort.HUISARTSEN, f"Huisartsenverband {wp.naam}") not in bestaand:
                te_bouwen.append((wp, VerbandSoort.HUISARTSEN))
            if (
                wp.defn.wsv_stap
                and (wp.naam, VerbandSoort.MULTIDISCIPLINAIR, f"WSV {wp.naam}") not in bestaand
            ):
                te_bouwen.append((wp, VerbandSoort.MULTIDISCIPLINAIR))
        if not te_bouwen:
            return
        self._laad_context()
        for wp, soort in te_bouwen:
            if soort == VerbandSoort.HUISARTSEN:
                self._huisartsenverband(wp)
            else:
                self._wsv(wp)
        self.rijen.opslaan(
            Samenwerkingsverband,
            Deelname,
            PdcaCyclus,
            StapVoortgang,
            Afgevaardigde,
            Afspraak,
            AfspraakPraktijk,
            Evaluatie,
            Overleg,
            Actiepunt,
            Knelpunt,
            Agendapunt,
            Besluitvorming,
            Aanwezigheid,
            OverlegVerzending,
        )
        # auto_now_add ignores a given value: date the agreements afterwards, one UPDATE per day.
        per_moment = defaultdict(list)
        for afspraak in self.nieuwe_afspraken:
            per_moment[afspraak._history_date].append(afspraak.pk)
        for moment, pks in per_moment.items():
            Afspraak.objects.filter(pk__in=pks).update(aangemaakt_op=moment, gewijzigd_op=moment)

    def _leden(self, wp: WijkPlan, startdatum: date, rng: random.Random) -> list[Lid]:
        leden = []
        for plan in self.praktijkplannen_per_wijk[wp.naam]:
            praktijk = self.praktijken_db.get(plan.agb)
            if praktijk is None:
                continue
            if plan.wijk.naam == wp.naam:
                van = startdatum + timedelta(days=rng.randint(0, 21))
                if plan.slot == wp.defn.praktijken - 1 and wp.defn.praktijken >= 4:
                    van = min(
                        startdatum + timedelta(days=rng.randint(60, 150)), self.vandaag - timedelta(days=10)
                    )
                tot = None
                if plan.herindeling_naar:
                    tot = self.herindeling
                    van = min(van, tot)
            elif plan.herindeling_naar == wp.naam:
                van, tot = self.herindeling, None
            else:
                continue
            van = min(van, self.vandaag)
            leden.append(Lid(plan, praktijk, van, tot, self._houder(praktijk), self._pm(praktijk)))
        return leden

    def _stapvensters(
        self, start: date, eind: date | None, huidig: int, aantal: int
    ) -> list[tuple[str, date | None, date | None]]:
        """(status, gestart_op, afgerond_op) per step; a closed cycle (eind set) has every step done."""
        tot = eind or self.vandaag
        delen = aantal if eind else huidig
        lengte = max((tot - start).days, delen)
        grenzen = [start + timedelta(days=round(i * lengte / delen)) for i in range(delen + 1)]
        vensters = []
        for nummer in range(1, aantal + 1):
            if eind or nummer < huidig:
                afgerond = eind if (eind and nummer == aantal) else grenzen[nummer] - timedelta(days=1)
                vensters.append(
                    (StapStatus.AFGEROND, grenzen[nummer - 1], max(afgerond, grenzen[nummer - 1]))
                )
            elif nummer == huidig:
                vensters.append((StapStatus.GESTART, grenzen[nummer - 1], None))
            else:
                vensters.append((StapStatus.NIET_GESTART, None, None))
        return vensters

    def _cyclus(
        self,
        verband: Samenwerkingsverband,
        soort: str,
        cyclus: Cyclus,
        notities: dict[int, tuple[str, str]],
        door: Any,
        themas: list[Thema],
    ) -> list[tuple[str, date | None, date | None]]:
        """A PDCA cycle with the progress of each step; gives (status, started, done) per step."""
        nummer, start, eind, huidig = cyclus.nummer, cyclus.start, cyclus.eind, cyclus.huidig
        aantal = 7 if soort == VerbandSoort.HUISARTSEN else 3
        rij = self.rijen.add(PdcaCyclus(verband=verband, nummer=nummer, gestart_op=start, afgerond_op=eind))
        if themas:
            self.rijen.koppel(rij, "themas", themas)
        vensters = self._stapvensters(start, eind, huidig, aantal)
        for stapnummer, (status, van, tot) in enumerate(vensters, start=1):
            notitie = ""
            if status == StapStatus.AFGEROND:
                notitie = notities[stapnummer][0]
            elif status == StapStatus.GESTART:
                notitie = notities[stapnummer][1]
            voortgang = self.rijen.add(
                StapVoortgang(
                    cyclus=rij,
                    stap=self.stappen[(soort, stapnummer)],
                    status=status,
                    gestart_op=van,
                    afgerond_op=tot,
                    notitie=notitie,
                    bijgewerkt_door=door if status != StapStatus.NIET_GESTART else None,
                )
            )
            if door is not None:
                voortgang._history_user = door  # who keeps the step plan of this verband
        return vensters

    def _deelnames(self, verband: Samenwerkingsverband, leden: list[Lid]) -> None:
        for lid in leden:
            self.rijen.add(
                Deelname(
                    verband=verband, praktijk=lid.praktijk, toegetreden_op=lid.van, uitgetreden_op=lid.tot
                )
            )

    def _huisartsenverband(self, wp: WijkPlan) -> None:
        """The practices' verband: members, PDCA cycles with their afspraken, and meetings."""
        rng = rng_voor("huisartsenverband", wp.naam)
        cycli = self._huisartsencycli(wp, rng)
        leden = self._leden(wp, cycli[0].start, rng)
        if not leden:
            return
        verband = self._huisartsenverband_rij(wp, leden, cycli[0].start, rng)
        self._deelnames(verband, leden)
        teksten = self._afspraakteksten(wp)
        afspraak_index = 0
        for cyclus in cycli:
            scenarios = SCENARIO_AFGERONDE_CYCLUS if cyclus.eind else SCENARIO_PER_STAP[cyclus.huidig]
            eigen = teksten[afspraak_index : afspraak_index + max(len(scenarios), 2)]
            themas = sorted({self.themas[t.thema] for t in eigen}, key=lambda t: t.naam)
            vensters = self._cyclus(
                verband, VerbandSoort.HUISARTSEN, cyclus, STAPNOTITIES_HUISARTSEN, leden[0].pm, themas
            )
            for j, scenario in enumerate(scenarios):
                self._afspraak(verband, wp, teksten[afspraak_index + j], scenario, j, vensters, leden, rng)
            afspraak_index += len(scenarios)
        self._huisartsenoverleggen(verband, wp, leden, rng)

    def _huisartsencycli(self, wp: WijkPlan, rng: random.Random) -> list[Cyclus]:
        """One running cycle, or (ha_cyclus 2) a closed first cycle and a second one that runs."""
        d = wp.defn
        vandaag = self.vandaag
        if d.ha_cyclus == 1:
            start = vandaag - timedelta(days=90 + 75 * (d.ha_stap - 1) + rng.randint(-10, 10))
            return [Cyclus(1, start, None, d.ha_stap)]
        start = vandaag - timedelta(days=820 + rng.randint(-20, 20))
        einde_1 = vandaag - timedelta(days=210 + rng.randint(0, 15))
        return [
            Cyclus(1, start, einde_1, 7),
            Cyclus(2, einde_1 + timedelta(days=rng.randint(7, 20)), None, d.ha_stap),
        ]

    def _huisartsenverband_rij(
        self, wp: WijkPlan, leden: list[Lid], start: date, rng: random.Random
    ) -> Samenwerkingsverband:
        d = wp.defn
        vorm = rng.choices([Overlegvorm.FYSIEK, Overlegvorm.HYBRIDE, Overlegvorm.ONLINE], [5, 3, 2])[0]
        voorzitter = ""
        if d.ha_stap > 1 or d.ha_cyclus > 1:  # the chair is chosen in step 2
            voorzitter = f"{leden[0].plan.houder_naam}, huisarts ({leden[0].plan.naam})"
        verband = self.rijen.add(
            Samenwerkingsverband(
                soort=VerbandSoort.HUISARTSEN,
                naam=f"Huisartsenverband {wp.naam}",
                wijk=self.wijken[wp.naam],
                visie=rng.choice(HUISARTSENVERBAND_VISIES).format(wijk=wp.naam),
                doelstelling=rng.choice(HUISARTSENVERBAND_DOELSTELLINGEN),
                overlegvorm=vorm,
                overleggen_per_jaar=rng.choice([4, 4, 6]),
                aanwezigen=rng.choice(HUISARTSENVERBAND_AANWEZIGEN),
                voorzitter=voorzitter,
                startdatum=start,
            )
        )
        if not voorzitter:  # step 1: vision, form and chair come out of the start meeting
            verband.visie = verband.doelstelling = verband.overlegvorm = verband.aanwezigen = ""
        return verband

    def _wsv(self, wp: WijkPlan) -> None:
        """The WSV: the wijk's practices, one delegate per beroepsgroep, its PDCA cycle and meetings."""
        d = wp.defn
        rng = rng_voor("wsv", wp.naam)
        stap = d.wsv_stap or 1
        start = self.vandaag - timedelta(days={1: 50, 2: 420, 3: 640}[stap] + rng.randint(-30, 30))
        gm = self.gebiedsmanager[d.gebied]
        vorm = rng.choices([Overlegvorm.FYSIEK, Overlegvorm.HYBRIDE, Overlegvorm.ONLINE], [5, 3, 2])[0]
        verband = self.rijen.add(
            Samenwerkingsverband(
                soort=VerbandSoort.MULTIDISCIPLINAIR,
                naam=f"WSV {wp.naam}",
                wijk=self.wijken[wp.naam],
                visie=WSV_VISIE.format(wijk=wp.naam),
                doelstelling=WSV_DOELSTELLING,
                overlegvorm=vorm,
                overleggen_per_jaar=NORM_OVERLEGGEN_PER_JAAR,
                aanwezigen=WSV_AANWEZIGEN,
                voorzitter=f"{gm.get_full_name()} (gebiedsmanager)",
                startdatum=start,
            )
        )
        # The wijk's practices take part through their huisarts delegate; they join as their
        # praktijkmanager completes the inventory of partners (step 1).
        leden = self._leden(wp, start, rng)
        self._deelnames(verband, leden)
        mandaten = []
        for groep in self._wsv_groepen(wp, stap, rng):
            mandaten += self._mandaten(verband, wp, groep, leden, start, stap, rng)
        self._cyclus(
            verband, VerbandSoort.MULTIDISCIPLINAIR, Cyclus(1, start, None, stap), STAPNOTITIES_WSV, gm, []
        )
        self._wsv_overleggen(verband, wp, stap, vorm, mandaten, gm, rng)

    def _wsv_groepen(self, wp: WijkPlan, stap: int, rng: random.Random) -> list[str]:
        """The beroepsgroepen with a delegate: one each; a step-1 WSV is still collecting them."""
        groepen = [g for g in KERN_BEROEPSGROEPEN if g not in wp.defn.vacatures]
        if stap == 1:
            return [g for g in WSV_EERSTE_GROEPEN if g in groepen][: rng.randint(2, 4)]
        if self.partnerplannen_per[(wp.naam, B.GGZ)] and rng.random() < 0.6:
            groepen.append(B.GGZ)
        return groepen

    def _mandaten(
        self,
        verband: Samenwerkingsverband,
        wp: WijkPlan,
        groep: str,
        leden: list[Lid],
        start: date,
        stap: int,
        rng: random.Random,
    ) -> list[Mandaat]:
        """The delegate of a beroepsgroep; some handed over to a colleague halfway."""
        contacten = self._kandidaten(wp, groep, leden, rng)
        if not contacten:
            return []
        mandaten = []
        van = min(start + timedelta(days=rng.randint(5, 40)), self.vandaag)
        wissel = stap > 1 and groep != B.HUISARTS and len(contacten) > 1 and rng.random() < 0.3
        if wissel:
            einde = van + timedelta(days=(self.vandaag - van).days // 2)
            vorige = Afgevaardigde(
                verband=verband,
                beroepsgroep=groep,
                contactpersoon=contacten[0],
                mandaat_op=van,
                einde_op=einde,
                reden_einde=rng.choice(REDENEN_EINDE_MANDAAT),
            )
            mandaten.append(Mandaat(self.rijen.add(vorige), van, einde))
            van, contacten = einde + timedelta(days=1), contacten[1:]
        huidige = Afgevaardigde(
            verband=verband, beroepsgroep=groep, contactpersoon=contacten[0], mandaat_op=van
        )
        mandaten.append(Mandaat(self.rijen.add(huidige), van, None))
        return mandaten

    def _kandidaten(
        self, wp: WijkPlan, groep: str, leden: list[Lid], rng: random.Random
    ) -> list[Contactpersoon]:
        if groep == B.HUISARTS:
            houders = [lid.houder for lid in leden if lid.houder and lid.tot is None]
            return [houders[rng.randrange(len(houders))]] if houders else []
        for plan in sorted(self.partnerplannen_per[(wp.naam, groep)], key=lambda p: p.wijk.naam != wp.naam):
            partner = self.partners_db.get(plan.naam)
            if partner:
                contacten = sorted(partner.contactpersonen.all(), key=lambda c: c.pk)
                if contacten:
                    return contacten
        return []
