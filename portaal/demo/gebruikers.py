"""The demo users: logins with the demo password, the others without a usable password."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from portaal.demo.basis import BouwerBasis
from portaal.demo.teksten.mensen import DEMO_WACHTWOORD, GEBRUIKERS

User = get_user_model()


class GebruikersBouwer(BouwerBasis):
    """The demo's users, created once; what was changed by hand afterwards stays."""

    def _gebruikers(self) -> None:
        bestaand = {u.username: u for u in User.objects.filter(username__in=[g.username for g in GEBRUIKERS])}
        wachtwoord = None
        for g in GEBRUIKERS:
            if g.username in bestaand:
                continue
            if g.login and wachtwoord is None:
                wachtwoord = make_password(DEMO_WACHTWOORD)  # hashed once: the hasher is slow on purpose
            gebruiker = User(
                username=g.username,
                first_name=g.voornaam,
                last_name=g.achternaam,
                email=g.email,
                rol=g.rol,
                is_staff=g.superuser,
                is_superuser=g.superuser,
                password=wachtwoord if g.login else make_password(None),
            )
            bestaand[g.username] = self.rijen.add(gebruiker)
            self.nieuwe_gebruikers.add(g.username)
        self.rijen.opslaan(User)
        self.gebruikers = bestaand
        # The accounts exist only now, so their creation could not name anyone yet: the beheerder made
        # them (one update, and only rows this run wrote).
        beheerder = next((bestaand[g.username] for g in GEBRUIKERS if g.superuser), None)
        if beheerder is not None and self.nieuwe_gebruikers:
            User.history.filter(
                id__in=[bestaand[naam].pk for naam in self.nieuwe_gebruikers], history_user__isnull=True
            ).update(history_user=beheerder)
