"""The object permissions of the samenwerking app (found by rules' AutodiscoverRulesConfig), built on
the role predicates of zio_portal.permissions. Also the ``wijken.*`` rules of the pages that join the
geography with the verbanden (gebied overview, partner inventory): their code lives in
samenwerking.wijkoverzicht, their codenames stay as they were.
"""

import rules

from wijken.constants import BEWERKENDE_FUNCTIES
from zio_portal.permissions import (
    heeft_regio_rol,
    is_beheerder,
    is_beleidsadviseur,
    is_gebiedsmanager,
    is_praktijkmedewerker,
    is_projectleider,
    werkt_bij_praktijk,
    zichtbaar,
)

from .constants import TerugkoppelingStatus, VerbandSoort


# --- verbanden and afspraken ----------------------------------------------------------------------
@rules.predicate
def leidt_gebied_van_verband(user, verband) -> bool:
    return verband is not None and verband.wijk.gebied.gebiedsmanagers.filter(pk=user.pk).exists()


@rules.predicate
def is_lid_van_verband(user, verband) -> bool:
    """The user acts for a practice (as PM, huisarts or praktijkhouder) that takes part in the verband."""
    return (
        verband is not None
        and verband.deelnames.filter(
            praktijk__medewerkers__user=user,
            praktijk__medewerkers__functie__in=BEWERKENDE_FUNCTIES,
            uitgetreden_op__isnull=True,
        ).exists()
    )


@rules.predicate
def is_wsv(user, verband) -> bool:
    return verband is not None and verband.soort == VerbandSoort.MULTIDISCIPLINAIR


mag_verband_wijzigen = (
    is_beheerder
    | (is_gebiedsmanager & is_wsv & leidt_gebied_van_verband)
    | (is_praktijkmedewerker & ~is_wsv & is_lid_van_verband)
)


@rules.predicate
def mag_verband_van_afspraak_wijzigen(user, afspraak) -> bool:
    """Agreements follow the rights on their verband."""
    return afspraak is not None and mag_verband_wijzigen.test(user, afspraak.verband)


# --- gebied overview and partner inventory (samenwerking.wijkoverzicht) ----------------------
# The gebied overview (all WSVs of a gebied, their composition and meetings): who leads or oversees it.
rules.add_perm("wijken.view_gebied_overzicht", heeft_regio_rol | (is_gebiedsmanager & zichtbaar))


@rules.predicate
def werkt_bewerkend_bij_praktijk(user, praktijk) -> bool:
    """The user acts for this practice (as PM, huisarts or praktijkhouder)."""
    return (
        praktijk is not None
        and praktijk.medewerkers.filter(user=user, functie__in=BEWERKENDE_FUNCTIES).exists()
    )


# The practice's inventory of first-line partners (WSV Plan phase): the practice fills it in, the
# gebiedsmanager collects the inventories of the gebied.
rules.add_perm(
    "wijken.view_inventarisatie", heeft_regio_rol | (is_gebiedsmanager & zichtbaar) | werkt_bij_praktijk
)
rules.add_perm(
    "wijken.change_inventarisatie", is_beheerder | (is_praktijkmedewerker & werkt_bewerkend_bij_praktijk)
)
rules.add_perm("wijken.view_wijk_inventarisatie", heeft_regio_rol | (is_gebiedsmanager & zichtbaar))

# --- samenwerking ----------------------------------------------------------------------------------
rules.add_perm("samenwerking.view_samenwerkingsverband", zichtbaar)
rules.add_perm("samenwerking.change_samenwerkingsverband", mag_verband_wijzigen)
rules.add_perm("samenwerking.view_afspraak", zichtbaar)
rules.add_perm("samenwerking.change_afspraak", mag_verband_van_afspraak_wijzigen)


@rules.predicate
def werkt_bewerkend_bij_praktijk_van_uitvoering(user, uitvoering) -> bool:
    """The user acts (PM, huisarts, praktijkhouder) for the practice of this AfspraakPraktijk row."""
    return (
        uitvoering is not None
        and uitvoering.praktijk.medewerkers.filter(user=user, functie__in=BEWERKENDE_FUNCTIES).exists()
    )


# A practice records only its own implementation of an agreement.
rules.add_perm(
    "samenwerking.change_afspraakpraktijk",
    is_beheerder | (is_praktijkmedewerker & werkt_bewerkend_bij_praktijk_van_uitvoering),
)


# --- WSV: terugkoppeling aan de projectleider (Check/Act) ------------------------------------------
@rules.predicate
def leidt_gebied_van_terugkoppeling(user, terugkoppeling) -> bool:
    return terugkoppeling is not None and terugkoppeling.gebied.gebiedsmanagers.filter(pk=user.pk).exists()


@rules.predicate
def terugkoppeling_is_concept(user, terugkoppeling) -> bool:
    return terugkoppeling is not None and terugkoppeling.status == TerugkoppelingStatus.CONCEPT


@rules.predicate
def terugkoppeling_is_verzonden(user, terugkoppeling) -> bool:
    return terugkoppeling is not None and terugkoppeling.status == TerugkoppelingStatus.VERZONDEN


rules.add_perm("samenwerking.view_gebiedterugkoppeling", zichtbaar)
# A gebiedsmanager drafts the terugkoppelingen of their own gebieden (the form offers only those).
rules.add_perm("samenwerking.add_gebiedterugkoppeling", is_beheerder | is_gebiedsmanager)
# Until it is sent: the gebiedsmanager of the gebied edits it; afterwards it is read-only.
rules.add_perm(
    "samenwerking.change_gebiedterugkoppeling",
    terugkoppeling_is_concept & (is_beheerder | (is_gebiedsmanager & leidt_gebied_van_terugkoppeling)),
)
# The projectleider marks what goes to the RESV, once it was sent.
rules.add_perm(
    "samenwerking.resv_gebiedterugkoppeling", terugkoppeling_is_verzonden & (is_beheerder | is_projectleider)
)
# All gebieden side by side and the RESV selection: the region roles.
rules.add_perm("samenwerking.view_terugkoppeling_overzicht", heeft_regio_rol)


# --- Overleggen: WSV meetings follow the rights on their verband -------------------------------------
@rules.predicate
def mag_verband_van_overleg_wijzigen(user, overleg) -> bool:
    """The gebiedsmanager of the WSV's gebied (and the beheerder) run its meetings."""
    return (
        overleg is not None
        and is_wsv.test(user, overleg.verband)
        and mag_verband_wijzigen.test(user, overleg.verband)
    )


rules.add_perm("samenwerking.view_overleg", zichtbaar)
rules.add_perm("samenwerking.change_overleg", mag_verband_van_overleg_wijzigen)


# --- Continuïteit: opvangafspraken and uitvalmeldingen (samenwerking.continuiteit) -------------------
@rules.predicate
def mag_opvang_van_verband_wijzigen(user, verband) -> bool:
    """Members of a huisartsen-verband (and the beheerder) record its opvangafspraken."""
    return verband is not None and not verband.is_wsv and mag_verband_wijzigen.test(user, verband)


@rules.predicate
def mag_opvangafspraak_wijzigen(user, opvangafspraak) -> bool:
    return opvangafspraak is not None and mag_opvang_van_verband_wijzigen.test(user, opvangafspraak.verband)


@rules.predicate
def werkt_bewerkend_bij_praktijk_van_melding(user, melding) -> bool:
    return melding is not None and werkt_bewerkend_bij_praktijk.test(user, melding.praktijk)


@rules.predicate
def leidt_gebied_van_melding(user, melding) -> bool:
    return melding is not None and melding.praktijk.wijk.gebied.gebiedsmanagers.filter(pk=user.pk).exists()


@rules.predicate
def melding_is_open(user, melding) -> bool:
    return melding is not None and melding.is_open


@rules.predicate
def werkt_bewerkend_bij_gevraagde_praktijk(user, verzoek) -> bool:
    return verzoek is not None and werkt_bewerkend_bij_praktijk.test(user, verzoek.praktijk)


@rules.predicate
def verzoek_melding_open(user, verzoek) -> bool:
    return verzoek is not None and verzoek.melding.is_open


@rules.predicate
def is_betrokken_bij_melding(user, melding) -> bool:
    """The user acts for the reporting practice or for a practice that was asked to help."""
    return melding is not None and (
        werkt_bewerkend_bij_praktijk.test(user, melding.praktijk)
        or melding.verzoeken.filter(
            praktijk__medewerkers__user=user, praktijk__medewerkers__functie__in=BEWERKENDE_FUNCTIES
        ).exists()
    )


@rules.predicate
def melding_is_beeindigd(user, melding) -> bool:
    return melding is not None and not melding.is_open


rules.add_perm("samenwerking.view_opvangafspraak", zichtbaar)
rules.add_perm("samenwerking.add_opvangafspraak", mag_opvang_van_verband_wijzigen)
rules.add_perm("samenwerking.change_opvangafspraak", mag_opvangafspraak_wijzigen)
# Reporting uitval: for a practice the user acts for.
rules.add_perm(
    "samenwerking.add_uitvalmelding", is_beheerder | (is_praktijkmedewerker & werkt_bewerkend_bij_praktijk)
)
rules.add_perm("samenwerking.view_uitvalmelding", zichtbaar)
# The reporting practice changes and ends its own melding.
rules.add_perm(
    "samenwerking.change_uitvalmelding",
    melding_is_open & (is_beheerder | (is_praktijkmedewerker & werkt_bewerkend_bij_praktijk_van_melding)),
)
# Asking practices to help: the reporter, and at escalation the gebiedsmanager and the beleidsadviseur.
rules.add_perm(
    "samenwerking.vragen_uitvalmelding",
    melding_is_open
    & (
        is_beheerder
        | is_beleidsadviseur
        | (is_gebiedsmanager & leidt_gebied_van_melding)
        | (is_praktijkmedewerker & werkt_bewerkend_bij_praktijk_van_melding)
    ),
)
rules.add_perm(
    "samenwerking.evalueren_uitvalmelding",
    melding_is_beeindigd & (is_beheerder | (is_praktijkmedewerker & is_betrokken_bij_melding)),
)
# Only the asked practice answers.
rules.add_perm(
    "samenwerking.beantwoorden_opvangverzoek",
    verzoek_melding_open & (is_beheerder | (is_praktijkmedewerker & werkt_bewerkend_bij_gevraagde_praktijk)),
)
# The overview of the region's continuïteit: the region roles, a gebiedsmanager for their gebieden.
rules.add_perm("samenwerking.view_opvangoverzicht", heeft_regio_rol | is_gebiedsmanager)
