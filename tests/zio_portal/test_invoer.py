"""Control characters in form text get a Dutch field error (zio_portal/invoer.py), on every form."""

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone

from tests.samenwerking.factories import OverlegFactory
from zio_portal.invoer import GeenStuurtekensValidator, bevat_stuurtekens


class Voorbeeld(forms.Form):
    naam = forms.CharField()
    mail = forms.EmailField(required=False)


@pytest.mark.parametrize("tekst", ["a\x00b", "\x1b[31m", "x\x7f", "a\x85b", "a\x0bb"])
def test_every_charfield_refuses_control_characters_with_a_dutch_message(tekst):
    form = Voorbeeld({"naam": tekst})
    assert not form.is_valid()
    assert any("stuurteken" in fout for fout in form.errors["naam"])


@pytest.mark.parametrize("tekst", ["Regel 1\nRegel 2\r\n\tingesprongen", "Zoë – ‘café’ 😀", "\u202eRTL"])
def test_ordinary_text_tabs_newlines_and_unicode_stay_allowed(tekst):
    assert Voorbeeld({"naam": tekst}).is_valid()
    assert not bevat_stuurtekens(tekst)


def test_the_validator_is_added_once():
    from zio_portal.invoer import stuurtekens_weigeren

    stuurtekens_weigeren()
    assert forms.CharField.default_validators.count(GeenStuurtekensValidator()) == 1


@pytest.mark.django_db
def test_a_portal_form_shows_the_error_next_to_the_field_and_saves_nothing(world, client):
    overleg = OverlegFactory(verband=world.wsv_a1, datum=timezone.localdate())
    client.force_login(world.users["gebiedsmanager"])
    antwoord = client.post(
        reverse("samenwerking:overleg-besluit", args=[overleg.pk]), {"tekst": "Besluit\x01 met stuurteken"}
    )
    assert antwoord.status_code in (200, 302)
    assert not overleg.besluiten.exists()
    if antwoord.status_code == 302:
        antwoord = client.get(antwoord["Location"])
    assert "stuurteken" in antwoord.content.decode()
