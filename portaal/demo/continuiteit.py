"""Continuïteit in the demo region: opvangafspraken for most huisartsen-verbanden (a few practices
deliberately without one), past meldingen with their answers and evaluations, one current melding fully
covered (of the demo praktijkmanager's practice) and one with an open gap that has escalated."""

from __future__ import annotations

from datetime import timedelta

from portaal.demo.basis import BouwerBasis
from portaal.demo.hulp import moment_op, rng_voor, telefoonnummer
from samenwerking.constants import VerbandSoort
from samenwerking.continuiteit.constants import (
    THEMA_OPVANG,
    Antwoord,
    MeldingStatus,
    Oordeel,
    Opvangvorm,
    Situatie,
    Zorgsoort,
)
from samenwerking.models import (
    Afspraak,
    Opvangafspraak,
    OpvangEvaluatie,
    OpvangPraktijk,
    OpvangVerzoek,
    Samenwerkingsverband,
    UitvalMelding,
)

ZORG = [z.value for z in Zorgsoort]
SITUATIES = [s.value for s in Situatie]
TOELICHTING = {
    Situatie.UITVAL: "Huisarts onverwacht afwezig; de assistentes zijn er wel.",
    Situatie.DRUKTE: "Griepgolf: het spreekuur zit vol.",
    Situatie.PERSONEELSTEKORT: "Twee assistentes ziek, telefoon onderbezet.",
    Situatie.AFWEZIGHEID: "Nascholing van het hele team.",
}
KAN_NIET = ["Zelf onderbezet deze week.", "Eigen huisarts met vakantie.", "Geen ruimte in het spreekuur."]


class ContinuiteitBouwer(BouwerBasis):
    """Builds the continuïteit section; it makes nothing when opvangafspraken exist already."""

    def _continuiteit(self) -> None:
        if Opvangafspraak.objects.exists():
            return
        voor = {m: m.objects.count() for m in (Opvangafspraak, UitvalMelding, OpvangVerzoek)}
        self._continuiteit_bouwen()
        for model, aantal in voor.items():
            self.rijen.aangemaakt[model] += model.objects.count() - aantal

    def _continuiteit_bouwen(self) -> None:
        door = self.gebruikers.get("beheerder")
        verbanden = (
            Samenwerkingsverband.objects.filter(soort=VerbandSoort.HUISARTSEN, actief=True)
            .prefetch_related("deelnames__praktijk__wijk__gebied")
            .order_by("wijk__naam", "naam")
        )
        helpers_van: dict[int, list] = {}
        for v_index, verband in enumerate(verbanden):
            leden = sorted(
                (
                    d.praktijk
                    for d in verband.deelnames.all()
                    if d.uitgetreden_op is None and d.praktijk.actief
                ),
                key=lambda p: p.naam,
            )
            if len(leden) < 2:
                continue
            rng = rng_voor("opvang", verband.pk)
            smart = Afspraak.objects.filter(verband=verband, thema__naam=THEMA_OPVANG).first()
            rooster = len(leden) >= 3 and v_index % 3 == 0
            for i, praktijk in enumerate(leden):
                if (v_index + i) % 7 == 3:
                    continue  # a few practices deliberately without an arrangement (the coverage radar)
                anderen = leden[i + 1 :] + leden[:i]
                overnemers = anderen if rooster else anderen[:1]
                afspraak = Opvangafspraak.objects.create(
                    verband=verband,
                    overdragende_praktijk=praktijk,
                    vorm=Opvangvorm.ROOSTER if rooster else Opvangvorm.SAMEN,
                    situaties=SITUATIES
                    if rng.random() < 0.6
                    else [Situatie.UITVAL, Situatie.PERSONEELSTEKORT],
                    zorgsoorten=ZORG[:3] + rng.sample(ZORG[3:], 2),
                    capaciteit=f"{rng.choice([6, 8, 10, 12])} consulten per dag",
                    bereikbaarheid=f"{telefoonnummer(rng)} (doktersspoedlijn)",
                    geldig_van=self.vandaag - timedelta(days=400),
                    smart_afspraak=smart,
                    aangemaakt_door=door,
                )
                for volgorde, helper in enumerate(overnemers):
                    OpvangPraktijk.objects.create(afspraak=afspraak, praktijk=helper, volgorde=volgorde)
                helpers_van[praktijk.pk] = (praktijk, overnemers, afspraak)
        self._meldingen(helpers_van, door)

    def _melding(self, praktijk, van, tot, situatie, zorg, gemeld_op, **kwargs) -> UitvalMelding:
        return UitvalMelding.objects.create(
            praktijk=praktijk,
            van=van,
            tot=tot,
            situatie=situatie,
            zorgsoorten=zorg,
            toelichting=TOELICHTING[situatie],
            gemeld_op=gemeld_op,
            gemeld_door=self.pm_van(praktijk),
            **kwargs,
        )

    def pm_van(self, praktijk):
        medewerker = praktijk.medewerkers.select_related("user").first()
        return medewerker.user if medewerker else None

    def _verzoek(self, melding, praktijk, antwoord, na: timedelta, afspraak=None, reden="") -> OpvangVerzoek:
        return OpvangVerzoek.objects.create(
            melding=melding,
            praktijk=praktijk,
            opvangafspraak=afspraak,
            antwoord=antwoord,
            zorgsoorten=list(melding.zorgsoorten) if antwoord == Antwoord.BEVESTIGD else [],
            reden=reden,
            gevraagd_op=melding.gemeld_op + timedelta(minutes=10),
            beantwoord_op=None if antwoord == Antwoord.OPEN else melding.gemeld_op + na,
            beantwoord_door=None if antwoord == Antwoord.OPEN else self.pm_van(praktijk),
            gemaild_volgnummer=0,
            einde_gemaild=melding.status == MeldingStatus.BEEINDIGD,
        )

    def _meldingen(self, helpers_van: dict, door) -> None:
        rng = rng_voor("opvang", "meldingen")
        rijen = list(helpers_van.values())
        if not rijen:
            return
        # past meldingen across the last year, with their answers and evaluations
        for n, (praktijk, overnemers, afspraak) in enumerate(rijen[:: max(1, len(rijen) // 24)]):
            van = self.vandaag - timedelta(days=rng.randint(14, 350))
            tot = van + timedelta(days=rng.randint(0, 4))
            situatie = rng.choice(SITUATIES)
            gemeld = moment_op(van, 8, rng.randint(0, 50))
            melding = self._melding(
                praktijk,
                van,
                tot,
                situatie,
                rng.sample(ZORG[:4], rng.randint(1, 3)),
                gemeld,
                status=MeldingStatus.BEEINDIGD,
                beeindigd_op=moment_op(tot, 17),
            )
            helper = overnemers[0]
            if n % 4 == 1 and len(overnemers) > 1:
                self._verzoek(
                    melding, helper, Antwoord.KAN_NIET, timedelta(minutes=40), afspraak, rng.choice(KAN_NIET)
                )
                helper = overnemers[1]
            self._verzoek(
                melding, helper, Antwoord.BEVESTIGD, timedelta(minutes=rng.randint(15, 300)), afspraak
            )
            oordeel = [Oordeel.GOED, Oordeel.GOED, Oordeel.KAN_BETER, Oordeel.KNELPUNT][n % 4]
            OpvangEvaluatie.objects.create(
                melding=melding,
                praktijk=praktijk,
                oordeel=oordeel,
                toelichting=""
                if oordeel == Oordeel.GOED
                else (
                    "Terugbellen duurde lang; de doktersspoedlijn was niet bij iedereen bekend."
                    if oordeel == Oordeel.KNELPUNT
                    else "Overdracht van de visitelijst kan eerder."
                ),
                door=melding.gemeld_door,
                op=moment_op(tot, 17, 30),
            )
        # now: one melding fully covered (the demo praktijkmanager's practice, when it has an arrangement)
        demo_pm = self.gebruikers.get("praktijkmanager")
        eigen = next(
            (r for r in rijen if demo_pm and r[0].medewerkers.filter(user=demo_pm).exists()), rijen[0]
        )
        praktijk, overnemers, afspraak = eigen
        gemeld = self.nu - timedelta(hours=26)
        melding = self._melding(
            praktijk,
            self.vandaag - timedelta(days=1),
            self.vandaag + timedelta(days=2),
            Situatie.UITVAL,
            [Zorgsoort.ACUTE_ZORG, Zorgsoort.SPREEKUUR],
            gemeld,
        )
        self._verzoek(melding, overnemers[0], Antwoord.BEVESTIGD, timedelta(minutes=35), afspraak)
        # and one with an open gap, in another gebied, that has escalated
        ander = next(
            (r for r in reversed(rijen) if r[0].wijk.gebied_id != praktijk.wijk.gebied_id), rijen[-1]
        )
        praktijk, overnemers, afspraak = ander
        gemeld = self.nu - timedelta(hours=7)
        melding = self._melding(
            praktijk,
            self.vandaag,
            self.vandaag + timedelta(days=3),
            Situatie.PERSONEELSTEKORT,
            [Zorgsoort.TELEFONIE, Zorgsoort.SPREEKUUR, Zorgsoort.VISITES],
            gemeld,
            geescaleerd_op=gemeld + timedelta(hours=4, minutes=5),
        )
        self._verzoek(melding, overnemers[0], Antwoord.KAN_NIET, timedelta(hours=1), afspraak, KAN_NIET[0])
        if len(overnemers) > 1:
            self._verzoek(melding, overnemers[1], Antwoord.OPEN, timedelta(0), afspraak)
