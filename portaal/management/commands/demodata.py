"""``manage.py demodata``: fill the database with the fictional Maastricht-Heuvelland region."""

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from portaal.demo import DEMO_LOGINS, DEMO_WACHTWOORD, bouw_demodata


class Command(BaseCommand):
    help = (
        "Vult de database met een fictieve regio Maastricht-Heuvelland: wijken, praktijken, partners, "
        "verbanden, SMART-afspraken, overleggen, vragenlijsten en praktijkbezoeken. Veilig om vaker te "
        "draaien: alleen wat ontbreekt wordt aangemaakt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--schaal",
            type=int,
            default=1,
            help="Vermenigvuldig wijken, praktijken, verbanden, afspraken, overleggen en responsen met N "
            "(extra wijken heten bijvoorbeeld 'Malberg 2'), voor load- en querytests. Standaard 1.",
        )
        parser.add_argument("--logins", action="store_true", help="Toon alleen de demo-logins.")

    def handle(self, *args, schaal: int, logins: bool, **options) -> None:
        if logins:
            self._logins()
            return
        if schaal < 1:
            raise CommandError("--schaal moet 1 of meer zijn.")
        begin = time.monotonic()
        resultaat = bouw_demodata(schaal=schaal)
        duur = time.monotonic() - begin

        nieuw = sum(resultaat.aangemaakt.values())
        kop = f"Demodata Maastricht-Heuvelland (schaal {schaal}) in {duur:.1f} s: "
        kop += f"{nieuw} rijen aangemaakt." if nieuw else "alles was er al, niets aangemaakt."
        self.stdout.write(self.style.SUCCESS(kop))
        breedte = max(len(label) for label, _, _ in resultaat.totalen)
        for label, totaal, aangemaakt in resultaat.totalen:
            extra = f"  (+{aangemaakt} nieuw)" if aangemaakt else ""
            self.stdout.write(f"  {label:<{breedte}}  {totaal:>7}{extra}")
        self._logins()

    def _logins(self) -> None:
        self.stdout.write(f"Inloggen met wachtwoord '{DEMO_WACHTWOORD}':")
        for username, omschrijving in DEMO_LOGINS:
            self.stdout.write(f"  {username:<17} {omschrijving}")
