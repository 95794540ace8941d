"""The demo region's continuïteit: arrangements for most verbanden, a few practices without, past
meldingen with answers and evaluations, one current melding covered and one open gap that escalated."""

import pytest
from django.utils import timezone

from portaal.demo import bouw_demodata
from samenwerking.continuiteit import selectors
from samenwerking.models import Opvangafspraak, OpvangEvaluatie, OpvangVerzoek, UitvalMelding
from zio_portal.models import User

pytestmark = pytest.mark.django_db


def test_demo_continuiteit():
    bouw_demodata()
    for model in (Opvangafspraak, UitvalMelding, OpvangVerzoek, OpvangEvaluatie):
        for obj in model.objects.all():
            obj.full_clean()
    beleidsadviseur = User.objects.get(username="beleidsadviseur")
    vandaag = timezone.localdate()
    overzicht = selectors.opvang_overzicht(user=beleidsadviseur, vandaag=vandaag, van=vandaag, tot=vandaag)
    assert len(overzicht.open_gaten) == 1 and overzicht.open_gaten[0].geescaleerd_op
    assert len(overzicht.lopend) == 1
    assert 0 < len(overzicht.zonder_afspraak) < 15
    assert UitvalMelding.objects.filter(status="beeindigd", evaluaties__isnull=False).count() >= 10
    pm = User.objects.get(username="praktijkmanager")
    assert overzicht.lopend[0].praktijk.medewerkers.filter(user=pm).exists()
    aantal = Opvangafspraak.objects.count()
    bouw_demodata()
    assert Opvangafspraak.objects.count() == aantal
