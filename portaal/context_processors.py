from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from zio_portal.beveiliging.constants import SESSIE_MFA_NODIG
from zio_portal.permissions import is_praktijkmedewerker


def navigatie(request: HttpRequest) -> dict:
    """The navigation items the current user's role may use."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigatie": []}
    if request.session.get(SESSIE_MFA_NODIG) and not user.is_verified():
        # Between the password and the code: no menu, nothing to click that only leads back here.
        return {"navigatie": [], "tweede_factor_open": True}
    praktijk = is_praktijkmedewerker(user)
    items = [(_("Overzicht"), reverse("home"))]
    items.append((_("Mijn wijk") if praktijk else _("Wijken"), reverse("wijken:wijk-list")))
    items.append((_("Verbanden"), reverse("samenwerking:verband-list")))
    items.append((_("Afspraken"), reverse("samenwerking:afspraak-list")))
    items.append((_("Continuïteit"), reverse("samenwerking:opvang-index")))
    items.append((_("Wijkplannen"), reverse("monitoring:wijkplan-list")))
    if not praktijk:  # Check/Act: gebiedsmanagers, projectleider, beleidsadviseur
        items.append((_("Terugkoppeling"), reverse("samenwerking:terugkoppeling-list")))
    if praktijk:
        items.append((_("Vragenlijst"), reverse("monitoring:index")))
        items.append((_("Praktijkbezoek"), reverse("monitoring:bezoek-list")))
    else:
        items.append((_("Monitoring"), reverse("monitoring:index")))
    if user.has_perm("monitoring.view_dashboard"):
        items.append((_("Dashboard"), reverse("rapportage:dashboard")))
    if user.has_perm("monitoring.list_rapportage"):
        items.append((_("Rapportages"), reverse("rapportage:list")))
    if user.is_staff:
        items.append((_("Beheer"), reverse("admin:index")))
    current = request.path
    # The most specific item is the current one (/rapportages/dashboard/ is the dashboard, not the list).
    passend = [url for _label, url in items if current == url or (url != "/" and current.startswith(url))]
    actief = max(passend, key=len, default=None)
    return {"navigatie": [{"label": label, "url": url, "actief": url == actief} for label, url in items]}
