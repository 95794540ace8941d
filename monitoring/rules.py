"""Who may do what in the monitoring (vragenlijsten, praktijkbezoeken, regionale rapportage).

Loaded by rules' AutodiscoverRulesConfig. The role predicates are the portal's, from
zio_portal.permissions; what a user may *see* is decided by the models' ``zichtbaar_voor`` querysets.
Views ask ``user.has_perm("monitoring.<action>_<model>", obj)``, or ``rules.has_perm`` where a
superuser must not act for a practice.
"""

import rules
from django.utils import timezone

from zio_portal.permissions import (
    heeft_regio_rol,
    is_beheerder,
    is_beleidsadviseur,
    is_gebiedsmanager,
    is_praktijkmedewerker,
    werkt_bij_praktijk,
    zichtbaar,
)

from .constants import ResponsStatus

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
@rules.predicate
def rapportage_zichtbaar(user, rapportage) -> bool:
    """The report is in the user's list (monitoring.rapportage.selectors.rapportage_list)."""
    from .rapportage.selectors import rapportage_list

    return rapportage is not None and rapportage_list(user=user).filter(pk=rapportage.pk).exists()


# The list of reports: the region roles see all, a gebiedsmanager the shared reports of their gebieden.
rules.add_perm("monitoring.list_rapportage", heeft_regio_rol | is_gebiedsmanager)
rules.add_perm("monitoring.view_rapportage", rapportage_zichtbaar)
rules.add_perm("monitoring.add_rapportage", is_beheerder | is_beleidsadviseur)
rules.add_perm("monitoring.review_rapportage", is_beleidsadviseur)
# The live region dashboard: the region roles; a gebiedsmanager sees their own gebieden there.
rules.add_perm("monitoring.view_dashboard", heeft_regio_rol | is_gebiedsmanager)
# The schedule of the yearly/quarterly region report (Celery beat).
rules.add_perm("monitoring.change_rapportageplanning", is_beheerder)


# --- wijkplannen (monitoring/wijkplannen) -----------------------------------------------------------
@rules.predicate
def beheert_gebied_van_wijk(user, wijk) -> bool:
    """The user is a gebiedsmanager of the wijk's gebied (object: a wijk)."""
    return wijk is not None and wijk.gebied.gebiedsmanagers.filter(pk=user.pk).exists()


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
