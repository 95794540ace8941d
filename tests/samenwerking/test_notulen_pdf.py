"""The notulen PDF as a screen reader gets it: scoped table headers, running headers as artifacts."""

from __future__ import annotations

import pytest

from samenwerking.constants import Aanwezig
from samenwerking.models import Aanwezigheid, Agendapunt
from samenwerking.overleggen.pdf import notulen_pdf
from tests.pdf_controle import pdf_tags
from tests.samenwerking.factories import ActiepuntFactory
from tests.samenwerking.test_overleggen import _held

pytestmark = pytest.mark.django_db


def test_notulen_tables_have_scoped_headers_and_running_headers_are_artifacts(world):
    overleg = _held(world)
    Agendapunt.objects.create(overleg=overleg, volgorde=1, titel="Casuïstiek", notulen="Casus mevrouw B.")
    Aanwezigheid.objects.create(
        overleg=overleg, afgevaardigde=world.afgevaardigde_a1, status=Aanwezig.AANWEZIG
    )
    ActiepuntFactory(verband=world.wsv_a1, overleg=overleg, omschrijving="Overdracht regelen")
    tags = pdf_tags(notulen_pdf(overleg=overleg))
    assert "/Row" in tags.th_scopes and "/Column" in tags.th_scopes
    assert "" not in tags.th_scopes, "every header cell has a scope"
    assert tags.los == [], "no text outside the structure tree"
    assert tags.paginering >= 2, "the running header and the page number are artifacts"
