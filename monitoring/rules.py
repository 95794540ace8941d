"""Who may do what in the monitoring (vragenlijsten, praktijkbezoeken, regionale rapportage).

Loaded by rules' AutodiscoverRulesConfig. The role predicates are the portal's, from
zio_portal.permissions; what a user may *see* is decided by the models' ``zichtbaar_voor`` querysets.
Views ask ``user.has_perm("monitoring.<action>_<model>", obj)``, or ``rules.has_perm`` where a
superuser must not act for a practice.
"""

import rules
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wijken.models import Wijk
from zio_portal.constants import Rol
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

from .constants import ResponsStatus, ScopeSoort

rules.add_perm("monitoring.view_regio", heeft_regio_rol)
rules.add_perm("monitoring.manage_monitoring", is_beheerder | is_beleidsadviseur)


# --- vragenlijsten ---------------------------------------------------------------------------------
@rules.predicate
def werkt_bij_praktijk_van(user, obj) -> bool:
    """The user is staff of the practice of a respons or praktijkbezoek."""
    return obj is not None and werkt_bij_praktijk.test(user, obj.praktijk)


@rules.predicate
def respons_is_concept(user, respons) -> bool:
    return respons is not None and respons.status == ResponsStatus.CONCEPT


@rules.predicate
def ronde_is_open(user, respons) -> bool:
    return respons is not None and respons.ronde.opent_op <= timezone.localdate() <= respons.ronde.sluit_op


rules.add_perm("monitoring.view_respons", zichtbaar)
# Only a practice's own staff answer its questionnaire (object: the practice).
rules.add_perm("monitoring.fill_respons", werkt_bij_praktijk)
# Practice staff fill in their own practice's response while the round is open, until submitted.
rules.add_perm(
    "monitoring.change_respons",
    is_praktijkmedewerker & werkt_bij_praktijk_van & respons_is_concept & ronde_is_open,
)

# --- praktijkbezoeken ------------------------------------------------------------------------------
# The visits page: the planning for those who run the monitoring, a practice's own visits for its staff.
rules.add_perm("monitoring.list_praktijkbezoek", is_beheerder | is_beleidsadviseur | is_praktijkmedewerker)
rules.add_perm("monitoring.view_praktijkbezoek", zichtbaar)
rules.add_perm("monitoring.change_praktijkbezoek", is_beheerder | is_beleidsadviseur)
# Only the practice's own staff acknowledge and answer the terugkoppeling.
rules.add_perm("monitoring.acknowledge_praktijkbezoek", is_praktijkmedewerker & werkt_bij_praktijk_van)


# --- regionale rapportage (monitoring/rapportage) ---------------------------------------------------
# The one visibility rule of a report, written twice from the two directions that need it: which
# reports a user sees (``rapportage_zichtbaar_filter``, used by the selector rapportage_list and so by
# every page) and who sees a report (``rapportage_lezers``, for "Zichtbaar voor" and the mail on
# sharing). tests/monitoring/rapportage/test_zichtbaarheid.py checks that they agree.
#
# - a concept (not definitief) or an unshared definitief report: beleidsadviseurs and the beheerder;
# - a shared definitief report, moreover: the projectleider; the gebiedsmanagers (all of them for a
#   region report, those of the gebied for a gebied or wijk report); and, if it was shared with them,
#   the praktijkmanagers of the practices within the report's scope (all in the region for a region
#   report).


def _praktijkmanager_filter():
    from wijken.constants import Functie

    return Q(
        rol=Rol.PRAKTIJKMEDEWERKER,
        praktijkrollen__functie=Functie.PRAKTIJKMANAGER,
    )


@rules.predicate
def is_praktijkmanager(user) -> bool:
    """A practice's staff member who is its praktijkmanager (a possible reader of a shared report)."""
    from wijken.constants import Functie

    return (
        is_praktijkmedewerker(user) and user.praktijkrollen.filter(functie=Functie.PRAKTIJKMANAGER).exists()
    )


def rapportage_zichtbaar_filter(user) -> Q | None:
    """The reports this user may see, as a filter on Rapportage; None: every report."""
    if is_beheerder(user) or is_beleidsadviseur(user):
        return None
    gedeeld = Q(definitief_op__isnull=False, gedeeld_op__isnull=False)
    if is_projectleider(user):
        return gedeeld
    if is_gebiedsmanager(user):
        return gedeeld & (
            Q(scope=ScopeSoort.REGIO)
            | Q(gebied__gebiedsmanagers=user)
            | Q(wijk__gebied__gebiedsmanagers=user)
        )
    if is_praktijkmanager(user):
        from wijken.constants import Functie

        wijken = Wijk.objects.filter(
            praktijken__medewerkers__user=user, praktijken__medewerkers__functie=Functie.PRAKTIJKMANAGER
        )
        return (
            gedeeld
            & Q(gedeeld_met_praktijkmanagers=True)
            & (Q(scope=ScopeSoort.REGIO) | Q(wijk__in=wijken) | Q(gebied__wijken__in=wijken))
        )
    return Q(pk__in=[])


def rapportage_lezers(rapportage) -> QuerySet:
    """The active users who may see this report (the same rule as ``rapportage_zichtbaar_filter``)."""
    from zio_portal.models import User

    lezers = Q(is_superuser=True) | Q(rol__in=[Rol.BEHEERDER, Rol.BELEIDSADVISEUR])
    if rapportage.definitief_op and rapportage.gedeeld_op:
        lezers |= Q(rol=Rol.PROJECTLEIDER)
        if rapportage.scope == ScopeSoort.REGIO:
            lezers |= Q(rol=Rol.GEBIEDSMANAGER)
        else:
            gebied_id = rapportage.gebied_id or rapportage.wijk.gebied_id
            lezers |= Q(rol=Rol.GEBIEDSMANAGER, gebieden=gebied_id)
        if rapportage.gedeeld_met_praktijkmanagers:
            managers = _praktijkmanager_filter()
            if rapportage.scope == ScopeSoort.GEBIED:
                managers &= Q(praktijkrollen__praktijk__wijk__gebied_id=rapportage.gebied_id)
            elif rapportage.scope == ScopeSoort.WIJK:
                managers &= Q(praktijkrollen__praktijk__wijk_id=rapportage.wijk_id)
            lezers |= managers
    return User.objects.filter(lezers, is_active=True).distinct()


def rapportage_zichtbaar_voor(rapportage) -> list[str]:
    """Who may see the report, in words, for the report page ("Zichtbaar voor: …")."""
    groepen = [str(_("beleidsadviseurs")), str(_("de beheerder"))]
    if not (rapportage.definitief_op and rapportage.gedeeld_op):
        return groepen
    groepen.append(str(_("de projectleider")))
    if rapportage.scope == ScopeSoort.REGIO:
        groepen.append(str(_("alle gebiedsmanagers")))
    else:
        gebied = rapportage.gebied or rapportage.wijk.gebied
        groepen.append(str(_("de gebiedsmanagers van %(gebied)s")) % {"gebied": gebied.naam})
    if rapportage.gedeeld_met_praktijkmanagers:
        if rapportage.scope == ScopeSoort.REGIO:
            groepen.append(str(_("de praktijkmanagers in de regio")))
        elif rapportage.scope == ScopeSoort.GEBIED:
            groepen.append(str(_("de praktijkmanagers in %(naam)s")) % {"naam": rapportage.gebied.naam})
        else:
            groepen.append(str(_("de praktijkmanagers in %(naam)s")) % {"naam": rapportage.wijk.naam})
    return groepen


@rules.predicate
def rapportage_zichtbaar(user, rapportage) -> bool:
    """The report is in the user's list (monitoring.rapportage.selectors.rapportage_list)."""
    from .rapportage.selectors import rapportage_list

    return rapportage is not None and rapportage_list(user=user).filter(pk=rapportage.pk).exists()


# The list of reports: every role that can have a report in it (a praktijkmanager: the reports shared
# with the praktijkmanagers).
rules.add_perm("monitoring.list_rapportage", heeft_regio_rol | is_gebiedsmanager | is_praktijkmanager)
rules.add_perm("monitoring.view_rapportage", rapportage_zichtbaar)
rules.add_perm("monitoring.add_rapportage", is_beheerder | is_beleidsadviseur)
rules.add_perm("monitoring.review_rapportage", is_beleidsadviseur)
# The live region dashboard: the region roles; a gebiedsmanager sees their own gebieden there.
rules.add_perm("monitoring.view_dashboard", heeft_regio_rol | is_gebiedsmanager)
# The schedule of the yearly/quarterly region report (Celery beat): the beheerder and the
# beleidsadviseur (who plans the monitoring).
rules.add_perm("monitoring.change_rapportageplanning", is_beheerder | is_beleidsadviseur)


# --- wijkplannen (monitoring/wijkplannen) -----------------------------------------------------------
@rules.predicate
def beheert_gebied_van_wijk(user, wijk) -> bool:
    """The user is a gebiedsmanager of the wijk's gebied (object: a wijk)."""
    # .all(): a list page prefetches the managers (gebied__gebiedsmanagers), so no query per wijk.
    return wijk is not None and any(m.pk == user.pk for m in wijk.gebied.gebiedsmanagers.all())


@rules.predicate
def beheert_gebied_van_wijkplan(user, wijkplan) -> bool:
    return wijkplan is not None and beheert_gebied_van_wijk.test(user, wijkplan.wijk)


@rules.predicate
def wijkplan_is_concept(user, wijkplan) -> bool:
    return wijkplan is not None and wijkplan.is_concept


# Who may see a plan follows Wijkplan.objects.zichtbaar_voor (as for the WSV).
rules.add_perm("monitoring.view_wijkplan", zichtbaar)
# The gebiedsmanager of the gebied drafts and keeps the plan; the content only while it is a concept.
rules.add_perm("monitoring.add_wijkplan", is_gebiedsmanager & beheert_gebied_van_wijk)
rules.add_perm("monitoring.change_wijkplan", is_gebiedsmanager & beheert_gebied_van_wijkplan)
rules.add_perm(
    "monitoring.edit_wijkplan_inhoud", is_gebiedsmanager & beheert_gebied_van_wijkplan & wijkplan_is_concept
)
# The readers in the wijk (WSV members, the practices of the wijk) and the gebiedsmanager comment;
# the region roles read.
rules.add_perm(
    "monitoring.comment_wijkplan",
    zichtbaar & ((is_gebiedsmanager & beheert_gebied_van_wijkplan) | is_praktijkmedewerker),
)
# The CBS kerncijfers are imported by those who run the monitoring.
rules.add_perm("monitoring.import_cbs", is_beheerder | is_beleidsadviseur)
# The region view of all wijkplannen.
rules.add_perm("monitoring.view_wijkplan_regio", heeft_regio_rol)
