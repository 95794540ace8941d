"""The kernel's one machinery for background files: claim, store, fail, hand back, clean up.

Run on the two models that use it (the regionale rapportage and the notulen PDF)."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.utils import timezone

from monitoring.models import Rapportage
from samenwerking.models import NotulenPdf
from tests.samenwerking.factories import OverlegFactory
from zio_portal import achtergrond
from zio_portal.achtergrond import Claim, Status

pytestmark = pytest.mark.django_db

VAN, TOT = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)


@pytest.fixture(params=["rapportage", "notulen"])
def job(request, world):
    if request.param == "rapportage":
        return Rapportage.objects.create(periode_van=VAN, periode_tot=TOT, scope="regio")
    return NotulenPdf.objects.create(overleg=OverlegFactory(verband=world.wsv_a1))


def _lees(job):
    return type(job).objects.get(pk=job.pk)


def test_a_redelivered_task_takes_its_own_claim_over_and_another_task_cannot(job):
    model = type(job)
    assert achtergrond.claimen(model, pk=job.pk, token="taak-1") is Claim.GENOMEN
    assert achtergrond.claimen(model, pk=job.pk, token="taak-2") is Claim.OVERGESLAGEN  # live claim
    assert (_lees(job).claim, _lees(job).pogingen) == ("taak-1", 1)
    # The same message again (its worker was killed): a second attempt by the same claim.
    assert achtergrond.claimen(model, pk=job.pk, token="taak-1") is Claim.GENOMEN
    herhaald = _lees(job)
    assert (herhaald.status, herhaald.pogingen) == (Status.BEZIG, 2)
    assert herhaald.opnieuw_geprobeerd and herhaald.huidige_poging == 2


def test_after_the_last_attempt_the_job_fails_with_a_message_never_bezig_forever(job):
    model = type(job)
    for _ in range(achtergrond.MAX_POGINGEN):
        assert achtergrond.claimen(model, pk=job.pk, token="taak-1") is Claim.GENOMEN
    assert achtergrond.claimen(model, pk=job.pk, token="taak-1") is Claim.OPGEGEVEN
    mislukt = _lees(job)
    assert mislukt.status == Status.MISLUKT
    assert f"{achtergrond.MAX_POGINGEN} keer afgebroken" in mislukt.foutmelding
    assert achtergrond.claimen(model, pk=job.pk, token="taak-1") is Claim.OVERGESLAGEN


def test_a_stale_claim_is_taken_by_another_task_and_cleaned_up(job):
    model = type(job)
    lang_geleden = timezone.now() - achtergrond.tijdslimiet() - datetime.timedelta(minutes=1)
    model.objects.filter(pk=job.pk).update(
        status=Status.BEZIG, claim="dood", gestart_op=lang_geleden, pogingen=1
    )
    assert achtergrond.vastgelopen(model) == ([job.pk], [])
    assert achtergrond.claimen(model, pk=job.pk, token="nieuw") is Claim.GENOMEN
    model.objects.filter(pk=job.pk).update(gestart_op=lang_geleden, pogingen=achtergrond.MAX_POGINGEN)
    assert achtergrond.vastgelopen(model) == ([], [job.pk])
    assert _lees(job).status == Status.MISLUKT


def test_only_the_claim_holder_stores_and_a_lost_claim_leaves_no_file(job):
    model = type(job)
    achtergrond.claimen(model, pk=job.pk, token="oud")
    achtergrond.aanvragen(model, pk=job.pk, ook_lopend=True)  # asked again: the running work loses it
    achtergrond.claimen(model, pk=job.pk, token="nieuw")
    opslag = model._meta.get_field("bestand").storage
    map_, verloren = f"{job.BESTANDSMAP}/{timezone.localdate():%Y}", f"verloren-{uuid.uuid4().hex}"
    assert not achtergrond.opslaan(job, token="oud", inhoud=b"%PDF-oud", bestandsnaam=f"{verloren}.pdf")
    assert not [f for f in opslag.listdir(map_)[1] if f.startswith(verloren)]  # removed again
    assert _lees(job).status == Status.BEZIG
    assert achtergrond.opslaan(job, token="nieuw", inhoud=b"%PDF-nieuw", bestandsnaam="nieuw.pdf")
    klaar = _lees(job)
    try:
        assert klaar.status == Status.GEREED and klaar.gereed_op
        assert klaar.bestand.name.startswith(f"{job.BESTANDSMAP}/") and klaar.bestand.read() == b"%PDF-nieuw"
    finally:
        klaar.bestand.close()
        klaar.bestand.storage.delete(klaar.bestand.name)


def test_fail_and_hand_back_only_with_the_claim(job):
    model = type(job)
    achtergrond.claimen(model, pk=job.pk, token="t")
    assert not achtergrond.teruggeven(model, pk=job.pk, token="ander")
    assert achtergrond.teruggeven(model, pk=job.pk, token="t")
    assert _lees(job).status == Status.IN_WACHTRIJ and _lees(job).huidige_poging == 2
    achtergrond.claimen(model, pk=job.pk, token="t")
    assert not achtergrond.mislukt(model, pk=job.pk, oorzaak="nee", token="ander")
    assert achtergrond.mislukt(model, pk=job.pk, oorzaak="Kapot", token="t")
    assert (_lees(job).status, _lees(job).foutmelding) == (Status.MISLUKT, "Kapot")


def test_the_time_limit_comes_from_settings_and_fits_the_visibility_timeout(settings):
    from portaal.celery import app

    assert achtergrond.tijdslimiet() == datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    if settings.CELERY_BROKER_URL.startswith("redis"):
        zichtbaar = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
        assert settings.CELERY_TASK_TIME_LIMIT < zichtbaar <= 60
    app.loader.import_default_modules()
    for naam, taak in app.tasks.items():
        if naam.startswith("celery."):
            continue
        # No task sets its own limit above the one in settings (a longer task would be delivered twice).
        assert (taak.time_limit or 0) <= settings.CELERY_TASK_TIME_LIMIT, naam
        assert (taak.soft_time_limit or 0) <= settings.CELERY_TASK_SOFT_TIME_LIMIT, naam
