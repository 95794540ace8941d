"""The PlusPraktijk questionnaire of last year and this year, with rondes and responses."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from monitoring.constants import ResponsBron, ResponsStatus, VraagType
from monitoring.models import Antwoord, RapportagePlanning, Respons, Ronde, Sectie, Vraag, Vragenlijst
from portaal.demo.basis import BouwerBasis
from portaal.demo.hulp import dag_tussen, kies_optie, moment_op, rng_voor
from portaal.demo.plan import PraktijkPlan
from portaal.demo.teksten.monitoring import NIEUWE_VRAGEN, OPEN_ANTWOORDEN, SECTIES, VRAGEN
from wijken.constants import Functie
from wijken.models import Praktijk, Praktijkmedewerker
from zio_portal.models import User


class MonitoringBouwer(BouwerBasis):
    """The questionnaires of last year and this year, their rondes and the practices' responses."""

    def _monitoring(self) -> None:
        opent = max(date(self.jaar, 1, 2), self.vandaag - timedelta(days=40))
        sluit = self.vandaag + timedelta(days=35)
        vorig = self._vragenlijst(
            self.jaar - 1, None, opent - timedelta(days=364), sluit - timedelta(days=364)
        )
        dit = self._vragenlijst(self.jaar, vorig[0], opent, sluit)
        agb_pk = dict(
            Praktijk.objects.filter(agb_code__in=list(self.plan_per_agb)).values_list("agb_code", "pk")
        )
        for (vragenlijst, ronde), jaar in ((vorig, self.jaar - 1), (dit, self.jaar)):
            self._responsen(vragenlijst, ronde, jaar, agb_pk)
        # The schedule of the regionale rapportage: the yearly report on 1 February, quarterly reports on.
        RapportagePlanning.objects.get_or_create(
            pk=1, defaults={"jaar_maand": 2, "jaar_dag": 1, "kwartaal_actief": True, "kwartaal_dag": 15}
        )

    def _vragenlijst(
        self, jaar: int, basis: Vragenlijst | None, opent: date, sluit: date
    ) -> tuple[Vragenlijst, Ronde]:
        vragenlijst = Vragenlijst.objects.filter(naam="PlusPraktijk 2.0", jaar=jaar).first()
        if vragenlijst is None:
            vragenlijst = Vragenlijst.objects.create(
                naam="PlusPraktijk 2.0",
                jaar=jaar,
                gebaseerd_op=basis,
                omschrijving=f"Jaarlijkse vragenlijst voor de hele praktijk, ronde {jaar}. De vragen over "
                "samenwerking met andere praktijken en het WSV zijn gemarkeerd.",
            )
            self.rijen.aangemaakt[Vragenlijst] += 1
            # The beleidsadviseur builds the questionnaire: its history says so.
            opsteller = self.gebruikers.get("beleidsadviseur")
            secties = [
                self.rijen.add(Sectie(vragenlijst=vragenlijst, titel=titel, volgorde=n))
                for n, titel in enumerate(SECTIES, start=1)
            ]
            for sectie in secties:
                if opsteller is not None:
                    sectie._history_user = opsteller
            vragen = VRAGEN + (NIEUWE_VRAGEN if basis else ())
            for volgorde, (sectie, code, tekst, soort, opties, samenwerking, verplicht) in enumerate(
                vragen, 1
            ):
                vraag = self.rijen.add(
                    Vraag(
                        vragenlijst=vragenlijst,
                        sectie=secties[sectie],
                        code=code,
                        tekst=tekst,
                        type=soort,
                        opties=list(opties),
                        samenwerking=samenwerking,
                        verplicht=verplicht,
                        volgorde=volgorde,
                    )
                )
                if opsteller is not None:
                    vraag._history_user = opsteller
            self.rijen.opslaan(Sectie, Vraag)
        ronde = Ronde.objects.filter(vragenlijst=vragenlijst).first()
        if ronde is None:
            ronde = Ronde.objects.create(vragenlijst=vragenlijst, opent_op=opent, sluit_op=sluit)
            self.rijen.aangemaakt[Ronde] += 1
        return vragenlijst, ronde

    def _responsen(self, vragenlijst: Vragenlijst, ronde: Ronde, jaar: int, agb_pk: dict[str, int]) -> None:
        """Last year most practices submitted; this year about 70% started, most of them submitted."""
        dit_jaar = jaar == self.jaar
        bestaand = set(Respons.objects.filter(ronde=ronde).values_list("praktijk_id", flat=True))
        te_maken = []
        for plan in self.praktijkplannen:
            pk = agb_pk.get(plan.agb)
            if pk is None or pk in bestaand:
                continue
            rng = rng_voor("respons", jaar, plan.agb)
            demo = dict(plan.rollen)
            if dit_jaar:
                doet_mee, ingediend = rng.random() < 0.7, rng.random() < 0.75
                if "praktijkmanager" in demo:
                    doet_mee, ingediend = True, False  # a draft the demo PM can finish
                if "praktijkmanager2" in demo:
                    doet_mee = False
            else:
                doet_mee, ingediend = rng.random() < 0.9 or bool(demo), True
            if doet_mee:
                te_maken.append((plan, pk, rng, ingediend))
        if not te_maken:
            return
        vragen = list(vragenlijst.vragen.order_by("volgorde"))
        pm_per_praktijk = {}
        for praktijk_id, user_id in Praktijkmedewerker.objects.filter(
            praktijk_id__in=[pk for _, pk, _, _ in te_maken], functie=Functie.PRAKTIJKMANAGER
        ).values_list("praktijk_id", "user_id"):
            pm_per_praktijk.setdefault(praktijk_id, user_id)
        eind = min(ronde.sluit_op, self.vandaag - timedelta(days=1))
        for plan, pk, rng, ingediend in te_maken:
            ingediend_op = None
            if ingediend:
                ingediend_op = moment_op(
                    dag_tussen(rng, ronde.opent_op, eind), rng.randint(8, 17), rng.choice([0, 15, 30, 45])
                )
                ingediend_op = min(ingediend_op, self.nu)
            respons = self.rijen.add(
                Respons(
                    ronde=ronde,
                    praktijk_id=pk,
                    status=ResponsStatus.INGEDIEND if ingediend else ResponsStatus.CONCEPT,
                    bron=ResponsBron.IMPORT if not dit_jaar and rng.random() < 0.1 else ResponsBron.PORTAAL,
                    ingediend_op=ingediend_op,
                    ingediend_door_id=pm_per_praktijk.get(pk) if ingediend else None,
                )
            )
            beantwoord = vragen if ingediend else vragen[: rng.randint(3, len(vragen) - 3)]
            # An imported response is the beleidsadviseur's import; otherwise the praktijkmanager answered.
            pm_id = pm_per_praktijk.get(pk)
            if respons.bron == ResponsBron.IMPORT:
                door = self.gebruikers.get("beleidsadviseur")
            else:
                door = User(pk=pm_id) if pm_id else None
            for vraag in beantwoord:
                antwoord = self._antwoord(vraag, plan, jaar, rng)
                if antwoord is not None:
                    rij = self.rijen.add(Antwoord(respons=respons, vraag=vraag, **antwoord))
                    if door is not None:
                        rij._history_user = door
        self.rijen.opslaan(Respons, Antwoord)

    def _antwoord(self, vraag: Vraag, plan: PraktijkPlan, jaar: int, rng: random.Random) -> dict | None:
        groei = Decimal(1) + Decimal(jaar - self.jaar) * Decimal("0.03")
        wsv = plan.wijk.defn.wsv_stap is not None
        match vraag.code:
            case "ALG01":
                return {"getal": (plan.fte * 2100 * groei + rng.randint(-150, 250)).quantize(Decimal(1))}
            case "ALG02":
                return {"getal": plan.fte}
            case "SW01":
                return {"ja_nee": True}
            case "SW05":
                return {"ja_nee": wsv and rng.random() < 0.5}
            case "SW07":
                return {"getal": Decimal(rng.randint(0, 25))}
            case "PER03":
                return kies_optie(rng, vraag.opties, [2, 6, 2, 1])
            case "SW03":
                return kies_optie(rng, vraag.opties, [5, 2, 2, 2, 1, 1])
        if vraag.type == VraagType.SCHAAL:
            basis = 4 if vraag.samenwerking and plan.wijk.defn.ha_stap >= 4 else 3
            return {"getal": Decimal(max(1, min(5, basis + rng.choice([-1, 0, 0, 1]))))}
        if vraag.type == VraagType.JA_NEE:
            return {"ja_nee": rng.random() < 0.6}
        if vraag.type == VraagType.GETAL:
            return {"getal": Decimal(rng.randint(0, 20))}
        if vraag.type == VraagType.MEERKEUZE:
            return kies_optie(rng, vraag.opties, [])
        tekst = rng.choice(OPEN_ANTWOORDEN)
        return {"tekst": tekst} if tekst else None
