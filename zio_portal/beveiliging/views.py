"""Login, second factor, password self-service, and the beheerder's security pages."""

from __future__ import annotations

import csv
from io import BytesIO

import django_otp
import qrcode
import qrcode.image.svg
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from rules.contrib.views import PermissionRequiredMixin

from ..history import gebruiker_wijzigingen
from . import mfa
from .constants import Gebeurtenis
from .forms import CodeForm, ToegangslogFilterForm, WachtwoordVergetenForm
from .selectors import toegangsregel_list
from .sessies import sessie_koppelen
from .toegangslog import toegangsregel_create

User = get_user_model()


def _volgende(request: HttpRequest, standaard: str) -> str:
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return doel
    return standaard


# --- login ----------------------------------------------------------------------------------------


@method_decorator(login_not_required, name="dispatch")
class InloggenView(auth_views.LoginView):
    """Django's login; tells the demo when the second factor is not asked."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mfa_demo"] = settings.DEBUG and not settings.ZIO_MFA_VERPLICHT
        return context


@login_not_required
def geblokkeerd(request: HttpRequest, credentials: dict | None = None, *args, **kwargs) -> HttpResponse:
    """django-axes' lockout answer (AXES_LOCKOUT_CALLABLE): what happened and when to try again."""
    wachttijd = get_cool_off(request)
    minuten = int(wachttijd.total_seconds() // 60) if wachttijd else None
    context = {"minuten": minuten, "vanaf": timezone.now() + wachttijd if wachttijd else None}
    return render(request, "beveiliging/geblokkeerd.html", context, status=429)


# --- second factor ----------------------------------------------------------------------------------


class MfaVerifierenView(FormView):
    """After the password: the code of the app or a recovery code."""

    template_name = "beveiliging/mfa_verifieren.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified():
            return redirect(_volgende(request, reverse("home")))
        if not mfa.heeft_mfa(request.user):
            return redirect(
                f"{reverse('beveiliging:mfa-instellen')}?next={_volgende(request, reverse('home'))}"
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, next=_volgende(self.request, ""))

    def form_valid(self, form):
        device = mfa.code_controleren(user=self.request.user, code=form.cleaned_data["code"])
        if device is None:
            toegangsregel_create(gebeurtenis=Gebeurtenis.MFA_MISLUKT, request=self.request)
            form.add_error("code", _("Deze code klopt niet of is al gebruikt. Probeer het opnieuw."))
            return self.form_invalid(form)
        django_otp.login(self.request, device)
        herstel = isinstance(device, StaticDevice)
        toegangsregel_create(
            gebeurtenis=Gebeurtenis.MFA_HERSTELCODE if herstel else Gebeurtenis.MFA_GELUKT,
            request=self.request,
        )
        if herstel:
            resterend = device.token_set.count()
            messages.warning(
                self.request,
                _(
                    "U logde in met een herstelcode; er zijn er nog %(aantal)s. "
                    "Maak zo nodig nieuwe codes aan."
                )
                % {"aantal": resterend},
            )
        return HttpResponseRedirect(_volgende(self.request, reverse("home")))


def _qr_svg(url: str) -> str:
    buffer = BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


class MfaInstellenView(View):
    """Set up the authenticator app: scan, give the first code, receive the recovery codes once."""

    template_name = "beveiliging/mfa_instellen.html"

    def dispatch(self, request, *args, **kwargs):
        if mfa.heeft_mfa(request.user) and not request.user.is_verified():
            # Replacing a device needs the old one first: otherwise a password alone would be enough.
            return redirect("beveiliging:mfa-verifieren")
        return super().dispatch(request, *args, **kwargs)

    def _pagina(self, request, device: TOTPDevice, form: CodeForm, status: int = 200) -> HttpResponse:
        context = {
            "form": form,
            "qr": _qr_svg(device.config_url),
            "sleutel": device.config_url.split("secret=")[1].split("&")[0],
            "verplicht": mfa.mfa_verplicht(request.user),
            "next": _volgende(request, ""),
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        device = mfa.totp_voorbereiden(user=request.user)
        return self._pagina(request, device, CodeForm())

    def post(self, request):
        device = TOTPDevice.objects.filter(user=request.user, confirmed=False).order_by("-pk").first()
        if device is None:
            return redirect("beveiliging:mfa-instellen")
        form = CodeForm(request.POST)
        codes = (
            mfa.totp_bevestigen(device=device, code=form.data.get("code", "").strip())
            if form.is_valid()
            else None
        )
        if codes is None:
            if form.is_valid():
                form.add_error(
                    "code", _("Deze code klopt niet. Controleer de tijd op uw telefoon en probeer opnieuw.")
                )
            return self._pagina(request, device, form, status=200)
        django_otp.login(request, device)
        toegangsregel_create(gebeurtenis=Gebeurtenis.MFA_INGESTELD, request=request)
        return render(
            request,
            "beveiliging/herstelcodes.html",
            {"codes": codes, "next": _volgende(request, reverse("home"))},
        )


class HerstelcodesView(View):
    """New recovery codes (the old ones stop working); needs a verified session."""

    def post(self, request):
        if not request.user.is_verified():
            return redirect("beveiliging:mfa-verifieren")
        codes = mfa.herstelcodes_maken(user=request.user)
        return render(
            request, "beveiliging/herstelcodes.html", {"codes": codes, "next": reverse("beveiliging:account")}
        )


class MfaUitschakelenView(View):
    """Remove one's own second factor, where the role does not require it."""

    def post(self, request):
        if mfa.mfa_verplicht(request.user):
            messages.error(request, _("Voor uw rol is een tweede factor verplicht."))
        elif mfa.heeft_mfa(request.user) and not request.user.is_verified():
            return redirect("beveiliging:mfa-verifieren")
        else:
            mfa.mfa_verwijderen(user=request.user)
            toegangsregel_create(gebeurtenis=Gebeurtenis.MFA_UITGESCHAKELD, request=request)
            messages.success(request, _("De tweede factor is uitgeschakeld."))
        return redirect("beveiliging:account")


class AccountView(TemplateView):
    """My account: password and second factor."""

    template_name = "beveiliging/account.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        herstel = StaticDevice.objects.filter(user=user).first()
        return super().get_context_data(
            **kwargs,
            heeft_mfa=mfa.heeft_mfa(user),
            mfa_verplicht=mfa.mfa_verplicht(user),
            herstelcodes=herstel.token_set.count() if herstel else 0,
        )


# --- password ---------------------------------------------------------------------------------------


class WachtwoordWijzigenView(auth_views.PasswordChangeView):
    """Change one's own password; all other sessions of the user end, this one goes on."""

    template_name = "beveiliging/wachtwoord_wijzigen.html"
    success_url = reverse_lazy("beveiliging:account")

    def form_valid(self, form):
        response = super().form_valid(form)
        sessie_koppelen(user=self.request.user, sessiesleutel=self.request.session.session_key)
        toegangsregel_create(gebeurtenis=Gebeurtenis.WACHTWOORD_GEWIJZIGD, request=self.request)
        messages.success(self.request, _("Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd."))
        return response


@method_decorator(login_not_required, name="dispatch")
class WachtwoordVergetenView(auth_views.PasswordResetView):
    """Ask for a reset link; the answer is the same whether the address is known or not."""

    template_name = "beveiliging/wachtwoord_vergeten.html"
    form_class = WachtwoordVergetenForm
    success_url = reverse_lazy("beveiliging:wachtwoord-vergeten-verzonden")

    def form_valid(self, form):
        toegangsregel_create(
            gebeurtenis=Gebeurtenis.WACHTWOORD_RESET_AANGEVRAAGD,
            request=self.request,
            omschrijving=f"voor {form.cleaned_data['email']}",
        )
        form.save()
        return HttpResponseRedirect(self.get_success_url())


@method_decorator(login_not_required, name="dispatch")
class WachtwoordVergetenVerzondenView(TemplateView):
    template_name = "beveiliging/wachtwoord_vergeten_verzonden.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, minuten=settings.PASSWORD_RESET_TIMEOUT // 60)


@method_decorator(login_not_required, name="dispatch")
class WachtwoordHerstellenView(auth_views.PasswordResetConfirmView):
    """Set a new password from the mailed link; no login here, so the second factor is still asked."""

    template_name = "beveiliging/wachtwoord_herstellen.html"
    success_url = reverse_lazy("beveiliging:wachtwoord-hersteld")
    post_reset_login = False

    def form_valid(self, form):
        response = super().form_valid(form)
        axes_reset(username=self.user.get_username())
        toegangsregel_create(
            gebeurtenis=Gebeurtenis.WACHTWOORD_HERSTELD, request=self.request, user=self.user
        )
        return response


@method_decorator(login_not_required, name="dispatch")
class WachtwoordHersteldView(TemplateView):
    template_name = "beveiliging/wachtwoord_hersteld.html"


# --- beheer -----------------------------------------------------------------------------------------


class ToegangslogView(PermissionRequiredMixin, TemplateView):
    """The access log for the beheerder, per user and per practice, oldest first; reading it is logged."""

    permission_required = "beveiliging.view_toegangsregel"
    template_name = "beveiliging/toegangslog.html"
    per_pagina = 50

    def get_context_data(self, **kwargs):
        form = ToegangslogFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        regels = toegangsregel_list(filters=filters).select_related(None)
        pagina = Paginator(regels, self.per_pagina).get_page(self.request.GET.get("pagina"))
        toegangsregel_create(
            gebeurtenis=Gebeurtenis.GELEZEN,
            request=self.request,
            omschrijving="toegangslog" + (f" ({self.request.GET.urlencode()})" if self.request.GET else ""),
            objecttype="beveiliging.Toegangsregel",
        )
        query = self.request.GET.copy()
        query.pop("pagina", None)
        return super().get_context_data(**kwargs, form=form, pagina=pagina, query=query.urlencode())


class ToegangslogExportView(PermissionRequiredMixin, View):
    """The filtered access log as CSV; the export itself is logged."""

    permission_required = "beveiliging.view_toegangsregel"
    velden = [
        "tijdstip", "gebruikersnaam", "rol", "organisatie", "gebeurtenis", "omschrijving",
        "objecttype", "object_id", "praktijk_id", "praktijk_naam", "pad", "ip_adres",
    ]  # fmt: skip

    def get(self, request):
        form = ToegangslogFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="toegangslog.csv"'
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        writer.writerow(self.velden)
        for rij in toegangsregel_list(filters=filters).values_list(*self.velden).iterator(chunk_size=2000):
            writer.writerow([rij[0].isoformat(), *rij[1:]])
        toegangsregel_create(
            gebeurtenis=Gebeurtenis.EXPORT,
            request=request,
            omschrijving="toegangslog.csv" + (f" ({request.GET.urlencode()})" if request.GET else ""),
            objecttype="beveiliging.Toegangsregel",
        )
        return response


class GebruikerListView(PermissionRequiredMixin, TemplateView):
    """Accounts with their lockouts and second factor, for unlocking and resetting."""

    permission_required = "beveiliging.beheer_accounts"
    template_name = "beveiliging/gebruiker_list.html"
    per_pagina = 25

    def get_context_data(self, **kwargs):
        limiet = settings.AXES_FAILURE_LIMIT
        geblokkeerd = dict(
            AccessAttempt.objects.filter(failures_since_start__gte=limiet)
            .values("username")
            .annotate(laatst=Max("attempt_time"))
            .values_list("username", "laatst")
        )
        met_mfa = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
        # A page of accounts at a time (the list grows with the region), with a search on the name.
        zoek = self.request.GET.get("zoek", "").strip()
        qs = User.objects.order_by("username")
        for deel in zoek.split():
            qs = qs.filter(
                Q(username__icontains=deel) | Q(first_name__icontains=deel) | Q(last_name__icontains=deel)
            )
        pagina = Paginator(qs, self.per_pagina).get_page(self.request.GET.get("page"))
        gebruikers = [
            {"user": u, "geblokkeerd": geblokkeerd.get(u.username), "mfa": u.pk in met_mfa}
            for u in pagina.object_list
        ]
        bekend = set(User.objects.filter(username__in=geblokkeerd).values_list("username", flat=True))
        onbekend = sorted(set(geblokkeerd) - bekend)
        return super().get_context_data(
            **kwargs, gebruikers=gebruikers, onbekend=onbekend, pagina=pagina, zoek=zoek
        )


class GebruikerDetailView(PermissionRequiredMixin, TemplateView):
    """One account: role and scope history, lockout and second factor."""

    permission_required = "beveiliging.beheer_accounts"
    template_name = "beveiliging/gebruiker_detail.html"

    def get_context_data(self, **kwargs):
        gebruiker = get_object_or_404(User, pk=self.kwargs["pk"])
        historie = gebruiker_wijzigingen(gebruiker, limiet=25)
        return super().get_context_data(
            **kwargs,
            gebruiker=gebruiker,
            wijzigingen=historie,
            heeft_mfa=mfa.heeft_mfa(gebruiker),
            mfa_verplicht=mfa.mfa_verplicht(gebruiker),
            pogingen=AccessAttempt.objects.filter(username=gebruiker.username).order_by("-attempt_time"),
            limiet=settings.AXES_FAILURE_LIMIT,
        )


class GebruikerOntgrendelenView(PermissionRequiredMixin, View):
    """Lift the lockout of an account (from every address); logged."""

    permission_required = "beveiliging.beheer_accounts"

    def post(self, request, pk: int):
        gebruiker = get_object_or_404(User, pk=pk)
        aantal = axes_reset(username=gebruiker.username)
        toegangsregel_create(
            gebeurtenis=Gebeurtenis.ONTGRENDELD,
            request=request,
            omschrijving=f"account {gebruiker.username} ontgrendeld ({aantal} blokkades opgeheven)",
            objecttype=User._meta.label,
            object_id=gebruiker.pk,
        )
        messages.success(request, _("Het account %(naam)s is ontgrendeld.") % {"naam": gebruiker.username})
        return redirect("beveiliging:gebruiker-detail", pk=gebruiker.pk)


class GebruikerMfaResettenView(PermissionRequiredMixin, View):
    """Remove a user's lost authenticator and recovery codes; the user sets up a new one; logged."""

    permission_required = "beveiliging.beheer_accounts"

    def post(self, request, pk: int):
        gebruiker = get_object_or_404(User, pk=pk)
        mfa.mfa_verwijderen(user=gebruiker)
        toegangsregel_create(
            gebeurtenis=Gebeurtenis.MFA_GERESET,
            request=request,
            omschrijving=f"tweede factor van {gebruiker.username} verwijderd",
            objecttype=User._meta.label,
            object_id=gebruiker.pk,
        )
        messages.success(
            request,
            _(
                "De tweede factor van %(naam)s is verwijderd; "
                "bij de volgende keer inloggen stelt deze een nieuwe in."
            )
            % {"naam": gebruiker.username},
        )
        return redirect("beveiliging:gebruiker-detail", pk=gebruiker.pk)
