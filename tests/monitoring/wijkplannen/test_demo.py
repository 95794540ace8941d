"""The demo region has CBS figures from the DEMO files and wijkplannen in every state."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from monitoring.models import CbsKerncijfers, Wijkplan
from monitoring.wijkplannen.constants import SoortRegio, WijkplanStatus
from wijken.models import Wijk

pytestmark = pytest.mark.django_db


def test_demodata_met_cbs_cijfers_en_wijkplannen(client):
    call_command("demodata", stdout=StringIO())
    malberg = Wijk.objects.get(naam="Malberg")
    assert malberg.cbs_code == "WK093501"
    assert set(CbsKerncijfers.objects.filter(wijk=malberg).values_list("jaar", flat=True)) == {2024, 2025}
    assert CbsKerncijfers.objects.filter(soort=SoortRegio.GEMEENTE, jaar=2025).count() == 6
    assert not CbsKerncijfers.objects.filter(code__startswith="BU").exists()
    statussen = list(Wijkplan.objects.values_list("status", flat=True))
    assert statussen.count(WijkplanStatus.VASTGESTELD) >= 2
    assert statussen.count(WijkplanStatus.CONCEPT) >= 2
    assert Wijk.objects.exclude(wijkplannen__isnull=False).exists()
    assert all(p.besluit_id for p in Wijkplan.objects.filter(status=WijkplanStatus.VASTGESTELD))

    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="beleidsadviseur"))
    response = client.get(reverse("monitoring:wijkplan-regio"))
    assert response.status_code == 200
    assert response.context["overzicht"].prioriteiten[0][0] in ("Eenzaamheid", "Wachttijd wijkverpleging")
    plan = Wijkplan.objects.filter(wijk=malberg).first() or Wijkplan.objects.first()
    response = client.get(reverse("monitoring:wijkplan-scan", args=[plan.pk]))
    assert response.status_code == 200
    assert response.context["scan"].cijfers
