"""Logins, failed logins, logouts and lockouts go to the access log; a deactivated account or a new
password ends all sessions of that user."""

from __future__ import annotations

from datetime import timedelta

from axes.helpers import get_cool_off
from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from .constants import (
    SESSIE_INGELOGD_OP,
    SESSIE_LAATST_ACTIEF,
    SESSIE_MFA_NODIG,
    SESSIE_ORGANISATIE,
    Gebeurtenis,
)
from .mfa import mfa_nodig
from .models import Toegangsregel
from .sessies import sessie_koppelen, sessies_beeindigen
from .toegangslog import organisatie_van, toegangsregel_create

User = get_user_model()


def last_login_bijwerken(sender, user, **kwargs) -> None:
    """Django's update_last_login without a save(): no history row and no signals for every login."""
    user.last_login = timezone.now()
    type(user)._default_manager.filter(pk=user.pk).update(last_login=user.last_login)


user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
user_logged_in.connect(last_login_bijwerken, dispatch_uid="update_last_login")


@receiver(user_logged_in, dispatch_uid="beveiliging_ingelogd")
def ingelogd(sender, request, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    nu = timezone.now().timestamp()
    request.session[SESSIE_INGELOGD_OP] = nu
    request.session[SESSIE_LAATST_ACTIEF] = nu
    request.session[SESSIE_ORGANISATIE] = organisatie_van(user)
    request.session[SESSIE_MFA_NODIG] = mfa_nodig(user)
    sessie_koppelen(user=user, sessiesleutel=request.session.session_key)
    toegangsregel_create(gebeurtenis=Gebeurtenis.INLOGGEN, request=request, user=user)


@receiver(user_logged_out, dispatch_uid="beveiliging_uitgelogd")
def uitgelogd(sender, request, user, **kwargs) -> None:
    if user is not None and request is not None:
        toegangsregel_create(gebeurtenis=Gebeurtenis.UITLOGGEN, request=request, user=user)


@receiver(user_login_failed, dispatch_uid="beveiliging_inloggen_mislukt")
def inloggen_mislukt(sender, credentials, request=None, **kwargs) -> None:
    al_geblokkeerd = getattr(request, "axes_locked_out", False)
    naam = str(credentials.get(User.USERNAME_FIELD) or credentials.get("username") or "")
    bekend = User._default_manager.filter(**{User.USERNAME_FIELD: naam}).first() if naam else None
    toegangsregel_create(
        gebeurtenis=Gebeurtenis.INLOGGEN_MISLUKT,
        request=request,
        user=bekend or False,
        gebruikersnaam=naam,
        omschrijving="geweigerd: account geblokkeerd" if al_geblokkeerd else "",
    )


@receiver(user_locked_out, dispatch_uid="beveiliging_geblokkeerd")
def geblokkeerd(sender, request, username, ip_address, **kwargs) -> None:
    # axes repeats the signal for each attempt during the lockout: those are failed logins.
    sinds = timezone.now() - (get_cool_off(request) or timedelta(0))
    if Toegangsregel.objects.filter(
        gebeurtenis=Gebeurtenis.GEBLOKKEERD,
        gebruikersnaam=str(username or ""),
        ip_adres=ip_address,
        tijdstip__gte=sinds,
    ).exists():
        return
    toegangsregel_create(
        gebeurtenis=Gebeurtenis.GEBLOKKEERD,
        request=request,
        user=False,
        gebruikersnaam=str(username or ""),
        omschrijving=f"te veel mislukte pogingen vanaf {ip_address}",
    )


@receiver(post_save, sender=User, dispatch_uid="beveiliging_sessies_beeindigen")
def sessies_na_wijziging(sender, instance, created, **kwargs) -> None:
    """A new password (``_password`` is set until save() ends) or an inactive account: end all sessions."""
    if created:
        return
    if getattr(instance, "_password", None) is not None or not instance.is_active:
        sessies_beeindigen(user=instance)
