"""Per-role expectations of the kernel's security pages (zio_portal.beveiliging)."""

from tests.url_cases import Case, everyone

BEHEER = everyone(403, beheerder=200)

CASES = [
    Case("beveiliging:account", everyone(200)),
    Case("beveiliging:wachtwoord-wijzigen", everyone(200)),
    Case("beveiliging:mfa-instellen", everyone(200)),
    # Without a device the code page sends one to set it up.
    Case("beveiliging:mfa-verifieren", everyone(302)),
    Case("beveiliging:mfa-herstelcodes", everyone(302), method="post", label="needs a verified session"),
    Case("beveiliging:mfa-uitschakelen", everyone(302), method="post"),
    Case("beveiliging:wachtwoord-vergeten", everyone(200, anoniem=200)),
    Case("beveiliging:wachtwoord-vergeten-verzonden", everyone(200, anoniem=200)),
    Case(
        "beveiliging:wachtwoord-herstellen",
        everyone(200, anoniem=200),
        args=lambda w: ["MQ", "ongeldig-token"],
        label="an invalid link says so",
    ),
    Case("beveiliging:wachtwoord-hersteld", everyone(200, anoniem=200)),
    Case("beveiliging:toegangslog", BEHEER),
    Case("beveiliging:toegangslog-export", BEHEER),
    Case("beveiliging:gebruiker-list", BEHEER),
    Case("beveiliging:gebruiker-detail", BEHEER, args=lambda w: [w.users["praktijkmedewerker"].pk]),
    Case(
        "beveiliging:gebruiker-ontgrendelen",
        everyone(403, beheerder=302),
        method="post",
        args=lambda w: [w.users["praktijkmedewerker"].pk],
    ),
    Case(
        "beveiliging:gebruiker-mfa-resetten",
        everyone(403, beheerder=302),
        method="post",
        args=lambda w: [w.users["praktijkmedewerker"].pk],
    ),
]
