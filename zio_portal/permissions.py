"""The role predicates every app's rules are built on (the ``rules`` package).

Each app keeps its own permissions in its ``rules.py`` (wijken, samenwerking, monitoring), built on
these predicates; this kernel module knows the roles but nothing of the apps' models.

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
