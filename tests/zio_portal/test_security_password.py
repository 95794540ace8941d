"""Password self-service: change, reset by a single-use link mailed by the worker task, same answer."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tests.factories import WACHTWOORD
from tests.zio_portal.inloggen import inloggen
from zio_portal.beveiliging.constants import Gebeurtenis
from zio_portal.beveiliging.models import Toegangsregel
from zio_portal.beveiliging.tasks import wachtwoord_reset_mail_task

pytestmark = pytest.mark.django_db
NIEUW = "Heuvelland-Maas-2026!"


def test_change_own_password(users, client):
    inloggen(client, "praktijkmedewerker")
    pagina = client.get(reverse("beveiliging:wachtwoord-wijzigen"))
    assert "Wachtwoord wijzigen" in pagina.content.decode()
    zwak = client.post(
        reverse("beveiliging:wachtwoord-wijzigen"),
        {"old_password": WACHTWOORD, "new_password1": "wachtwoord", "new_password2": "wachtwoord"},
    )
    assert zwak.status_code == 200
    assert "Dit wachtwoord is te algemeen." in zwak.content.decode()  # the common-password list

    response = client.post(
        reverse("beveiliging:wachtwoord-wijzigen"),
        {"old_password": WACHTWOORD, "new_password1": NIEUW, "new_password2": NIEUW},
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200  # this session goes on
    users["praktijkmedewerker"].refresh_from_db()
    assert users["praktijkmedewerker"].check_password(NIEUW)
    assert Toegangsregel.objects.filter(gebeurtenis=Gebeurtenis.WACHTWOORD_GEWIJZIGD).count() == 1


def _aanvragen(client, django_capture_on_commit_callbacks, email: str):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("beveiliging:wachtwoord-vergeten"), {"email": email})
    return response, callbacks


def test_reset_link_is_single_use_and_the_answer_never_tells(
    users, client, django_capture_on_commit_callbacks
):
    user = users["gebiedsmanager"]
    onbekend, geen = _aanvragen(client, django_capture_on_commit_callbacks, "niemand@example.nl")
    bekend, callbacks = _aanvragen(client, django_capture_on_commit_callbacks, user.email)
    assert onbekend.status_code == bekend.status_code == 302
    assert onbekend["Location"] == bekend["Location"]
    antwoord = re.compile(r'data-testid="reset-verzonden">(.*?)</p>', re.S)
    teksten = {
        antwoord.search(client.get(r["Location"]).content.decode()).group(1) for r in (bekend, onbekend)
    }  # noqa: E501
    assert len(teksten) == 1 and "Als dit adres bij een account hoort" in teksten.pop()
    assert geen == [] and len(callbacks) == 1  # the worker only mails a known, active account

    # What the worker runs (the callback queues exactly this task for this user).
    assert wachtwoord_reset_mail_task.apply(args=[user.pk]).get() is True
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    pad = link.split("://", 1)[1].split("/", 1)[1]
    formulier = client.get("/" + pad, follow=True)
    assert "Nieuw wachtwoord instellen" in formulier.content.decode()
    response = client.post(formulier.redirect_chain[-1][0], {"new_password1": NIEUW, "new_password2": NIEUW})
    assert response.status_code == 302
    assert response["Location"] == reverse("beveiliging:wachtwoord-hersteld")
    assert "_auth_user_id" not in client.session  # no login: the second factor is still asked

    tweede = client.get("/" + pad, follow=True)
    assert "niet (meer) geldig" in tweede.content.decode()
    assert inloggen(client, user.username, NIEUW).status_code == 302
    assert (
        Toegangsregel.objects.filter(gebeurtenis=Gebeurtenis.WACHTWOORD_HERSTELD, gebruiker=user).count() == 1
    )
    assert Toegangsregel.objects.filter(gebeurtenis=Gebeurtenis.WACHTWOORD_RESET_AANGEVRAAGD).count() == 2


@override_settings(ZIO_MFA_VERPLICHT=True)
def test_a_reset_does_not_bypass_the_second_factor(users, client):
    user = users["beleidsadviseur"]
    user.set_password(NIEUW)
    user.save()
    inloggen(client, user.username, NIEUW)
    assert client.get(reverse("home"))["Location"].startswith(reverse("beveiliging:mfa-verifieren"))


def test_inactive_account_gets_no_mail(users):
    user = users["projectleider"]
    user.is_active = False
    user.save()
    assert wachtwoord_reset_mail_task.apply(args=[user.pk]).get() is False
    assert mail.outbox == []
