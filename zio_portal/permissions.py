"""The role predicates every app's rules are built on, and the rules of wijken and monitoring (the
``rules`` package). The samenwerking rules live in samenwerking/rules.py, on these predicates.

Views ask ``user.has_perm("app.action_model", obj)``. What a user may *see* is decided by the models'
``zichtbaar_voor(user)`` querysets, so list pages and detail pages cannot disagree; what a user may
*change* is decided by the rules. The per-role URL test and tests/zio_portal/test_permissions.py check both.
"""

import rules

from zio_portal.constants import REGIO_ROLLEN, Rol


@rules.predicate
def is_beheerder(user) -> bool:
    return user.is_authenticated and (user.rol == Rol.BEHEERDER or user.is_superuser)


@rules.predicate
def heeft_regio_rol(user) -> bool:
    return user.is_authenticated and (user.rol in REGIO_ROLLEN or user.is_superuser)


@rules.predicate
def is_beleidsadviseur(user) -> bool:
    return user.is_authenticated and user.rol == Rol.BELEIDSADVISEUR


@rules.predicate
def is_projectleider(user) -> bool:
    return user.is_authenticated and user.rol == Rol.PROJECTLEIDER


@rules.predicate
def is_gebiedsmanager(user) -> bool:
    return user.is_authenticated and user.rol == Rol.GEBIEDSMANAGER


@rules.predicate
def is_praktijkmedewerker(user) -> bool:
    return user.is_authenticated and user.rol == Rol.PRAKTIJKMEDEWERKER


@rules.predicate
def zichtbaar(user, obj) -> bool:
    """The object is in the user's scope, by its model's ``zichtbaar_voor`` queryset."""
    if obj is None or not user.is_authenticated:
        return False
    return type(obj).objects.zichtbaar_voor(user).filter(pk=obj.pk).exists()


@rules.predicate
def werkt_bij_praktijk(user, praktijk) -> bool:
    return user.is_authenticated and praktijk is not None and praktijk.medewerkers.filter(user=user).exists()


# --- wijken ----------------------------------------------------------------------------------------
rules.add_perm("wijken.view_gebied", zichtbaar)
rules.add_perm("wijken.view_wijk", zichtbaar)
rules.add_perm("wijken.view_praktijk", zichtbaar)
rules.add_perm("wijken.change_praktijk", is_beheerder)
rules.add_perm("wijken.view_partner", zichtbaar)

# --- monitoring and the region ---------------------------------------------------------------------
rules.add_perm("monitoring.view_regio", heeft_regio_rol)
rules.add_perm("monitoring.manage_monitoring", is_beheerder | is_beleidsadviseur)


@rules.predicate
def werkt_bij_praktijk_van(user, obj) -> bool:
    """The user is staff of the practice of a respons or praktijkbezoek."""
    return obj is not None and werkt_bij_praktijk.test(user, obj.praktijk)


@rules.predicate
def respons_is_concept(user, respons) -> bool:
    return respons is not None and respons.status == "concept"


@rules.predicate
def ronde_is_open(user, respons) -> bool:
    from django.utils import timezone

    return respons is not None and respons.ronde.opent_op <= timezone.localdate() <= respons.ronde.sluit_op


rules.add_perm("monitoring.view_respons", zichtbaar)
# Practice staff fill in their own practice's response while the round is open, until submitted.
rules.add_perm(
    "monitoring.change_respons",
    is_praktijkmedewerker & werkt_bij_praktijk_van & respons_is_concept & ronde_is_open,
)
rules.add_perm("monitoring.view_praktijkbezoek", zichtbaar)
rules.add_perm("monitoring.change_praktijkbezoek", is_beheerder | is_beleidsadviseur)
# Only the practice's own staff acknowledge and answer the terugkoppeling.
rules.add_perm("monitoring.acknowledge_praktijkbezoek", is_praktijkmedewerker & werkt_bij_praktijk_van)


# --- regionale rapportage (monitoring/rapportage) ---------------------------------------------------
@rules.predicate
def rapportage_zichtbaar(user, rapportage) -> bool:
    """The report is in the user's list (monitoring.rapportage.selectors.rapportage_list)."""
    from monitoring.rapportage.selectors import rapportage_list

    return rapportage is not None and rapportage_list(user=user).filter(pk=rapportage.pk).exists()


rules.add_perm("monitoring.view_rapportage", rapportage_zichtbaar)
rules.add_perm("monitoring.add_rapportage", is_beheerder | is_beleidsadviseur)
rules.add_perm("monitoring.review_rapportage", is_beleidsadviseur)
# The live region dashboard: the region roles; a gebiedsmanager sees their own gebieden there.
rules.add_perm("monitoring.view_dashboard", heeft_regio_rol | is_gebiedsmanager)
# The schedule of the yearly/quarterly region report (Celery beat).
rules.add_perm("monitoring.change_rapportageplanning", is_beheerder)
