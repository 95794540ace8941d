"""The wijkindeling in the portal: a practice assigned to a wijk with date and reason (required for a
border practice), the history kept, and the border practices of a gebied listed."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from wijken import selectors, services
from wijken.models import WijkToewijzing


def test_assigning_from_the_praktijk_page_keeps_the_history(world, client):
    praktijk = world.praktijk_a1
    begin = WijkToewijzing.objects.create(
        praktijk=praktijk, wijk=world.wijk_a1, ingangsdatum=datetime.date(2025, 1, 1)
    )
    client.force_login(world.users["beleidsadviseur"])
    detail = client.get(reverse("wijken:praktijk-detail", args=[praktijk.pk])).content.decode()
    assert reverse("wijken:wijk-toewijzen", args=[praktijk.pk]) in detail
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    antwoord = client.post(
        reverse("wijken:wijk-toewijzen", args=[praktijk.pk]),
        {
            "wijk": world.wijk_a2.pk,
            "ingangsdatum": gisteren.isoformat(),
            "grenspraktijk": "on",
            "reden": "Grens",
        },
    )
    assert antwoord.status_code == 302
    praktijk.refresh_from_db()
    assert praktijk.wijk == world.wijk_a2
    toewijzingen = list(praktijk.wijktoewijzingen.order_by("ingangsdatum"))
    assert toewijzingen[0] == begin and toewijzingen[1].wijk == world.wijk_a2
    assert toewijzingen[1].vastgelegd_door == world.users["beleidsadviseur"]
    detail = client.get(reverse("wijken:praktijk-detail", args=[praktijk.pk])).content.decode()
    assert "Grens" in detail and "grenspraktijk" in detail
    # the history names who did it
    assert str(world.users["beleidsadviseur"]) in detail


def test_a_border_practice_needs_a_reason_and_nothing_is_saved(world, client):
    client.force_login(world.users["beheerder"])
    url = reverse("wijken:wijk-toewijzen", args=[world.praktijk_a1.pk])
    vandaag = timezone.localdate().isoformat()
    antwoord = client.post(
        url, {"wijk": world.wijk_a2.pk, "ingangsdatum": vandaag, "grenspraktijk": "on", "reden": " "}
    )
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200 and "Vul bij een grenspraktijk de reden" in tekst
    assert f'value="{vandaag}"' in tekst  # the input is kept
    assert not WijkToewijzing.objects.exists()
    world.praktijk_a1.refresh_from_db()
    assert world.praktijk_a1.wijk == world.wijk_a1


def test_the_service_refuses_a_future_date_a_double_date_and_a_border_case_without_reason(world):
    door = world.users["beheerder"]
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        services.wijktoewijzing_vastleggen(
            praktijk=world.praktijk_a1,
            wijk=world.wijk_a2,
            ingangsdatum=morgen,
            grenspraktijk=True,
            reden="",
            door=door,
        )
    assert set(fout.value.message_dict) == {"reden", "ingangsdatum"}
    vandaag = timezone.localdate()
    services.wijktoewijzing_vastleggen(
        praktijk=world.praktijk_a1,
        wijk=world.wijk_a2,
        ingangsdatum=vandaag,
        grenspraktijk=False,
        reden="",
        door=door,
    )
    with pytest.raises(ValidationError):
        services.wijktoewijzing_vastleggen(
            praktijk=world.praktijk_a1,
            wijk=world.wijk_a1,
            ingangsdatum=vandaag,
            grenspraktijk=False,
            reden="",
            door=door,
        )
    assert WijkToewijzing.objects.count() == 1
    # an assignment dated before the latest one goes into the history, the current wijk stays
    services.wijktoewijzing_vastleggen(
        praktijk=world.praktijk_a1,
        wijk=world.wijk_b1,
        ingangsdatum=vandaag - datetime.timedelta(days=400),
        grenspraktijk=False,
        reden="",
        door=door,
    )
    world.praktijk_a1.refresh_from_db()
    assert world.praktijk_a1.wijk == world.wijk_a2


def test_border_practices_per_gebied(world, client):
    door = world.users["beheerder"]
    services.wijktoewijzing_vastleggen(
        praktijk=world.praktijk_a2,
        wijk=world.wijk_a2,
        ingangsdatum=datetime.date(2025, 1, 1),
        grenspraktijk=True,
        reden="Op de grens met Wittevrouwenveld",
        door=door,
    )
    # a practice that was a border case but no longer is, and one in the other gebied
    services.wijktoewijzing_vastleggen(
        praktijk=world.praktijk_a1,
        wijk=world.wijk_a1,
        ingangsdatum=datetime.date(2025, 1, 1),
        grenspraktijk=True,
        reden="Eerst grens",
        door=door,
    )
    services.wijktoewijzing_vastleggen(
        praktijk=world.praktijk_a1,
        wijk=world.wijk_a1,
        ingangsdatum=datetime.date(2025, 6, 1),
        grenspraktijk=False,
        reden="",
        door=door,
    )
    services.wijktoewijzing_vastleggen(
        praktijk=world.praktijk_b1,
        wijk=world.wijk_b1,
        ingangsdatum=datetime.date(2025, 1, 1),
        grenspraktijk=True,
        reden="Grens B",
        door=door,
    )
    assert selectors.grenspraktijken(gebied=world.gebied_a) == [world.praktijk_a2]
    client.force_login(world.users["beleidsadviseur"])
    overzicht = client.get(reverse("wijken:gebied-overzicht", args=[world.gebied_a.pk])).content.decode()
    assert reverse("wijken:grenspraktijken", args=[world.gebied_a.pk]) in overzicht
    tekst = client.get(reverse("wijken:grenspraktijken", args=[world.gebied_a.pk])).content.decode()
    assert "Op de grens met Wittevrouwenveld" in tekst and world.praktijk_a2.naam in tekst
    assert "Grens B" not in tekst and "Eerst grens" not in tekst
    assert reverse("wijken:wijk-toewijzen", args=[world.praktijk_a2.pk]) in tekst


def test_others_see_no_assign_button(world, client):
    client.force_login(world.users["gebiedsmanager"])
    detail = client.get(reverse("wijken:praktijk-detail", args=[world.praktijk_a1.pk])).content.decode()
    assert reverse("wijken:wijk-toewijzen", args=[world.praktijk_a1.pk]) not in detail
    overzicht = client.get(reverse("wijken:gebied-overzicht", args=[world.gebied_a.pk])).content.decode()
    assert reverse("wijken:grenspraktijken", args=[world.gebied_a.pk]) not in overzicht
