"""Middleware of the kernel's security: session clock, second factor, access log and no-store."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import SESSIE_INGELOGD_OP, SESSIE_LAATST_ACTIEF, SESSIE_MFA_NODIG, Gebeurtenis
from .toegangslog import lezing_loggen, toegangsregel_create

# Write the idle clock at most every 5 minutes: a page view is not a session write. The idle timeout
# may therefore end a session up to 5 minutes early, never late.
KLOK_RESOLUTIE = 300


class SessieTermijnMiddleware:
    """Log out after ``ZIO_SESSIE_INACTIEF_MINUTEN`` without a request, or ``ZIO_SESSIE_MAX_UREN``
    after the login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            nu = timezone.now().timestamp()
            sessie = request.session
            ingelogd = sessie.get(SESSIE_INGELOGD_OP, nu)
            actief = sessie.get(SESSIE_LAATST_ACTIEF, nu)
            inactief = nu - actief > settings.ZIO_SESSIE_INACTIEF_MINUTEN * 60
            te_lang = nu - ingelogd > settings.ZIO_SESSIE_MAX_UREN * 3600
            if inactief or te_lang:
                toegangsregel_create(
                    gebeurtenis=Gebeurtenis.SESSIE_VERLOPEN,
                    request=request,
                    omschrijving="inactief" if inactief else "maximale duur bereikt",
                )
                logout(request)
                messages.info(
                    request,
                    _("U was %(minuten)s minuten niet actief; log opnieuw in.")
                    % {"minuten": settings.ZIO_SESSIE_INACTIEF_MINUTEN}
                    if inactief
                    else _("Uw sessie duurde langer dan %(uren)s uur; log opnieuw in.")
                    % {"uren": settings.ZIO_SESSIE_MAX_UREN},
                )
                return redirect(f"{reverse('login')}?next={request.path}")
            if SESSIE_INGELOGD_OP not in sessie:
                sessie[SESSIE_INGELOGD_OP] = nu
            if nu - actief >= KLOK_RESOLUTIE or SESSIE_LAATST_ACTIEF not in sessie:
                sessie[SESSIE_LAATST_ACTIEF] = nu
        return self.get_response(request)


# Pages a user who still owes the second factor may open.
VRIJ_VOOR_MFA = {
    "login",
    "logout",
    "health",
    "beveiliging:mfa-verifieren",
    "beveiliging:mfa-instellen",
    "beveiliging:wachtwoord-vergeten",
    "beveiliging:wachtwoord-vergeten-verzonden",
    "beveiliging:wachtwoord-herstellen",
    "beveiliging:wachtwoord-hersteld",
}


class TweedeFactorMiddleware:
    """After the password, a user who must give a code goes nowhere else until it is given.

    Runs after django-otp's OTPMiddleware (``request.user.is_verified()``). Whether a code is owed is
    decided once at login and kept in the session, so a page view costs no query for it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or not request.session.get(SESSIE_MFA_NODIG):
            return None
        if user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.view_name in VRIJ_VOOR_MFA:
            return None
        return redirect(f"{reverse('beveiliging:mfa-verifieren')}?next={request.get_full_path()}")


class ToegangslogMiddleware:
    """Logs every answered read of a registered page (one row per request) and every 403 with its user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if response.status_code == 403:
            toegangsregel_create(
                gebeurtenis=Gebeurtenis.GEWEIGERD,
                request=request,
                omschrijving=match.view_name if match else "",
            )
        elif (
            response.status_code == 200
            and match is not None
            and request.method in ("GET", "HEAD")
            and request.user.is_authenticated
        ):
            lezing_loggen(request=request, url_naam=match.view_name, kwargs=match.kwargs)
        return response


class GeenCacheMiddleware:
    """``Cache-Control: private, no-store`` on every answer to a logged-in user (pages and exports)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
            if "Expires" in response:
                del response["Expires"]
        return response
