"""Views of the vragenlijsten: thin; who may do what is in monitoring/rules.py, reads in the selectors,
writes in the services."""

from __future__ import annotations

import secrets

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from zio_portal.export import csv_response, xlsx_response
from zio_portal.forms import fouten_naar_formulier

from ..constants import ResponsStatus
from ..mixins import BeheerMixin, int_param
from ..models import Respons, Ronde, Vragenlijst
from . import importeren, selectors, services
from .export import resultaten_xlsx_response
from .forms import ImportForm, KopieForm, KoppelForm, RondeForm, SectieForm, VraagForm, VragenlijstForm

# --- overzicht en vragenlijsten ---------------------------------------------------------------


class MonitoringView(TemplateView):
    """The monitoring start page: the rounds, and per role what to do next."""

    template_name = "monitoring/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["rondes"] = selectors.ronde_list(user=user)
        context["beheer"] = user.has_perm("monitoring.manage_monitoring")
        if context["beheer"]:
            context["vragenlijsten"] = selectors.vragenlijst_list()
        context["in_te_vullen"] = selectors.in_te_vullen(user=user)
        return context


class VragenlijstDetailView(BeheerMixin, TemplateView):
    """Build a questionnaire: sections, questions (with code), and its yearly round."""

    template_name = "monitoring/vragenlijst_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vragenlijst = selectors.vragenlijst_get(pk=self.kwargs["pk"])
        ronde = getattr(vragenlijst, "ronde", None) if hasattr(vragenlijst, "ronde") else None
        context.update(
            vragenlijst=vragenlijst,
            ronde=ronde,
            heeft_antwoorden=bool(ronde and ronde.responsen.exists()),
            sectie_form=kwargs.get("sectie_form") or SectieForm(),
            vraag_form=kwargs.get("vraag_form") or VraagForm(vragenlijst=vragenlijst),
            ronde_form=kwargs.get("ronde_form")
            or RondeForm(initial={"opent_op": ronde.opent_op, "sluit_op": ronde.sluit_op} if ronde else None),
            kopie_form=kwargs.get("kopie_form") or KopieForm(initial={"jaar": vragenlijst.jaar + 1}),
            wijzigingen=selectors.vragenlijst_wijzigingen(vragenlijst=vragenlijst),
        )
        return context

    def post(self, request, *args, **kwargs):
        vragenlijst = get_object_or_404(Vragenlijst, pk=kwargs["pk"])
        actie = request.POST.get("actie")
        forms = {}
        try:
            if actie == "sectie":
                form = forms["sectie_form"] = SectieForm(request.POST)
                if form.is_valid():
                    services.sectie_toevoegen(vragenlijst=vragenlijst, titel=form.cleaned_data["titel"])
                    messages.success(request, _("De sectie is toegevoegd."))
                    return redirect(request.path)
            elif actie == "vraag":
                form = forms["vraag_form"] = VraagForm(request.POST, vragenlijst=vragenlijst)
                if form.is_valid():
                    services.vraag_toevoegen(**form.cleaned_data)
                    messages.success(request, _("De vraag is toegevoegd."))
                    return redirect(request.path)
            elif actie == "ronde":
                form = forms["ronde_form"] = RondeForm(request.POST)
                if form.is_valid():
                    services.ronde_openen(vragenlijst=vragenlijst, **form.cleaned_data)
                    messages.success(request, _("De ronde is opgeslagen."))
                    return redirect(request.path)
            elif actie == "kopie":
                form = forms["kopie_form"] = KopieForm(request.POST)
                if form.is_valid():
                    kopie = services.vragenlijst_kopieren(
                        vragenlijst=vragenlijst, jaar=form.cleaned_data["jaar"]
                    )
                    messages.success(
                        request, _("De vragenlijst voor %(jaar)s is aangemaakt.") % {"jaar": kopie.jaar}
                    )
                    return redirect("monitoring:vragenlijst-detail", kopie.pk)
            else:
                raise Http404
        except ValidationError as exc:
            fouten_naar_formulier(form, exc)
        return self.render_to_response(self.get_context_data(**forms), status=200)


# --- invullen ---------------------------------------------------------------------------------------


class ResponsInvullenView(TemplateView):
    """A practice fills in the round's questionnaire: save a draft, come back, submit (then read-only)."""

    template_name = "monitoring/respons_invullen.html"

    def _laden(self):
        self.ronde = get_object_or_404(Ronde.objects.select_related("vragenlijst"), pk=self.kwargs["ronde"])
        self.praktijk = selectors.praktijk_in_scope(user=self.request.user, pk=self.kwargs["praktijk"])
        self.respons = Respons.objects.filter(ronde=self.ronde, praktijk=self.praktijk).first()
        # rules.has_perm, not user.has_perm: a superuser must not answer for a practice.
        if not rules.has_perm("monitoring.fill_respons", self.request.user, self.praktijk):
            raise PermissionDenied  # visible practice, but only its own staff fill in its answers
        vandaag = timezone.localdate()
        self.open = self.ronde.opent_op <= vandaag <= self.ronde.sluit_op
        self.bewerkbaar = self.open and (self.respons is None or self.respons.status == ResponsStatus.CONCEPT)
        self.secties = selectors.vragen_met_secties(vragenlijst=self.ronde.vragenlijst)
        self.vragen = [v for s in self.secties for v in s.vragen.all()]
        self.antwoorden = selectors.antwoorden_per_code(
            ronde=self.respons and self.ronde, praktijk=self.praktijk
        )
        vorige = selectors.vorige_ronde(self.ronde)
        self.vorige = vorige
        self.vorig_jaar = selectors.antwoorden_per_code(ronde=vorige, praktijk=self.praktijk)

    def get(self, request, *args, **kwargs):
        self._laden()
        form = VragenlijstForm(vragen=self.vragen, antwoorden=self.antwoorden)
        return self.render_to_response(self._context(form))

    def post(self, request, *args, **kwargs):
        self._laden()
        if not self.bewerkbaar:
            raise PermissionDenied
        form = VragenlijstForm(request.POST, vragen=self.vragen, antwoorden=self.antwoorden)
        indienen = request.POST.get("actie") == "indienen"
        if form.is_valid():
            try:
                services.respons_opslaan(
                    ronde=self.ronde,
                    praktijk=self.praktijk,
                    waarden=form.waarden(),
                    indienen=indienen,
                    door=request.user,
                )
            except ValidationError as exc:
                fouten_naar_formulier(form, exc)
            else:
                if indienen:
                    messages.success(request, _("Dank u wel: de vragenlijst is ingediend."))
                else:
                    messages.success(request, _("Uw antwoorden zijn als concept opgeslagen."))
                return redirect(request.path)
        messages.error(request, _("Niet alles is goed ingevuld; zie de meldingen bij de vragen."))
        return self.render_to_response(self._context(form), status=200)

    def _context(self, form):
        return self.get_context_data(
            form=form,
            ronde=self.ronde,
            praktijk=self.praktijk,
            respons=self.respons,
            bewerkbaar=self.bewerkbaar,
            open=self.open,
            secties=list(form.velden_per_sectie(self.secties)),
            vorige=self.vorige,
            vorig_jaar=self.vorig_jaar,
            antwoorden=self.antwoorden,
        )


class ResponsDetailView(TemplateView):
    """One response, read-only: for the practice's own staff and the beleidsadviseur (404 for others)."""

    template_name = "monitoring/respons_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        respons = selectors.respons_get(user=self.request.user, pk=self.kwargs["pk"])
        secties = selectors.vragen_met_secties(vragenlijst=respons.ronde.vragenlijst)
        antwoorden = selectors.antwoorden_per_code(ronde=respons.ronde, praktijk=respons.praktijk)
        vragen = {v.pk: v for s in secties for v in s.vragen.all()}
        context.update(
            respons=respons,
            secties=[(s, [(v, antwoorden.get(v.code)) for v in s.vragen.all()]) for s in secties],
            wijzigingen=selectors.antwoord_wijzigingen(respons=respons, vragen=vragen),
        )
        return context


# --- resultaten -----------------------------------------------------------------------------------


class ResultatenView(TemplateView):
    """Results of a round as aggregates within the user's scope, with charts and tables."""

    template_name = "monitoring/resultaten.html"
    wijken_per_pagina = 20

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ronde = get_object_or_404(Ronde.objects.select_related("vragenlijst"), pk=self.kwargs["pk"])
        context["r"] = selectors.resultaten(
            user=self.request.user,
            ronde=ronde,
            sectie_id=int_param(self.request.GET.get("sectie")),
            wijk_id=int_param(self.request.GET.get("wijk")),
            praktijk_id=int_param(self.request.GET.get("praktijk")),
        )
        context["ronde"] = ronde
        # The wijken under the gebied totals, a page at a time (optionally those of one gebied).
        rijen = context["r"].respons_per_wijk
        gebied_id = int_param(self.request.GET.get("gebied"))
        if gebied_id and any(g["gebied"].pk == gebied_id for g in context["r"].respons_per_gebied):
            rijen = [rij for rij in rijen if rij["wijk"].gebied_id == gebied_id]
            context["respons_gebied"] = next(
                g["gebied"] for g in context["r"].respons_per_gebied if g["gebied"].pk == gebied_id
            )
        context["respons_wijken"] = Paginator(rijen, self.wijken_per_pagina).get_page(
            self.request.GET.get("page")
        )
        return context


class ResultatenExportView(View):
    """The results of a round as an Excel workbook (the same aggregates as the page, all sections)."""

    def get(self, request, pk):
        ronde = get_object_or_404(Ronde.objects.select_related("vragenlijst"), pk=pk)
        r = selectors.resultaten(
            user=request.user,
            ronde=ronde,
            wijk_id=int_param(request.GET.get("wijk")),
            praktijk_id=int_param(request.GET.get("praktijk")),
            met_grafieken=False,
            alle_secties=True,
        )
        naam = f"resultaten-{ronde.vragenlijst.naam}-{ronde.vragenlijst.jaar}".replace(" ", "-").lower()
        return resultaten_xlsx_response(r, naam=naam)


# --- import -----------------------------------------------------------------------------------------

IMPORT_SESSIE = "monitoring_import"


class ImportView(BeheerMixin, TemplateView):
    """Import another tool's export: upload → preview (the columns as read, the values as they will be
    stored, every bad row and cell) → link unknown headings → confirm (all or nothing).

    Between preview and confirm the file is kept in private storage under a random token that is
    remembered in the user's session; it is never under a public URL.
    """

    template_name = "monitoring/import.html"

    def _ronde(self) -> Ronde:
        return get_object_or_404(Ronde.objects.select_related("vragenlijst"), pk=self.kwargs["pk"])

    def _context(self, ronde: Ronde, form: ImportForm, controle=None, token: str = "", koppel_form=None):
        if controle is not None and controle.onbekend and koppel_form is None:
            koppel_form = KoppelForm(kolommen=controle.onbekend, vragen=list(ronde.vragenlijst.vragen.all()))
        return self.get_context_data(
            ronde=ronde, form=form, controle=controle, token=token, koppel_form=koppel_form
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self._context(self._ronde(), ImportForm()))

    def post(self, request, *args, **kwargs):
        ronde = self._ronde()
        actie = request.POST.get("actie")
        if actie in ("bevestigen", "koppelen"):
            bewaard = request.session.get(IMPORT_SESSIE) or {}
            if bewaard.get("token") != request.POST.get("token") or bewaard.get("ronde") != ronde.pk:
                messages.error(request, _("Deze import is verlopen; upload het bestand opnieuw."))
                return redirect("monitoring:import", ronde.pk)
            try:
                if actie == "koppelen":
                    return self._koppelen(ronde, bewaard)
                return self._bevestigen(ronde, bewaard)
            except (FileNotFoundError, importeren.BestandFout):
                del request.session[IMPORT_SESSIE]
                messages.error(request, _("Deze import is verlopen; upload het bestand opnieuw."))
                return redirect("monitoring:import", ronde.pk)
        form = ImportForm(request.POST, request.FILES)
        try:
            lengte = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            lengte = 0
        if lengte > importeren.MAX_BESTAND + 64 * 1024:  # refused before the upload is parsed
            form = ImportForm()
            mb = importeren.MAX_BESTAND // (1024 * 1024)
            form.add_error(None, _("Het bestand is groter dan %(mb)s MB.") % {"mb": mb})
            return self.render_to_response(self._context(ronde, form))
        if not form.is_valid():
            return self.render_to_response(self._context(ronde, form))
        bestand = form.cleaned_data["bestand"]
        token = secrets.token_urlsafe(24)
        try:
            controle, pad = services.import_klaarzetten(
                ronde=ronde,
                inhoud=bestand.read(),
                naam=bestand.name,
                token=token,
                vorig_pad=(request.session.get(IMPORT_SESSIE) or {}).get("pad"),
            )
        except importeren.BestandFout as exc:
            form.add_error("bestand", str(exc))
            return self.render_to_response(self._context(ronde, form))
        request.session[IMPORT_SESSIE] = {"token": token, "pad": pad, "ronde": ronde.pk}
        return self.render_to_response(self._context(ronde, ImportForm(), controle, token))

    def _koppelen(self, ronde: Ronde, bewaard: dict) -> HttpResponse:
        controle = services.import_controleren(ronde=ronde, pad=bewaard["pad"])
        koppel_form = KoppelForm(
            self.request.POST, kolommen=controle.onbekend, vragen=list(ronde.vragenlijst.vragen.all())
        )
        if koppel_form.is_valid() and koppel_form.koppelingen():
            services.import_koppelingen_opslaan(
                vragenlijst=ronde.vragenlijst, koppelingen=koppel_form.koppelingen()
            )
            messages.success(self.request, _("De koppelingen zijn opgeslagen voor deze vragenlijst."))
            controle = services.import_controleren(ronde=ronde, pad=bewaard["pad"])
            koppel_form = None
        elif koppel_form.is_valid():
            koppel_form.add_error(None, _("Kies bij minstens één kolom een vraag of 'Negeren'."))
        return self.render_to_response(
            self._context(ronde, ImportForm(), controle, bewaard["token"], koppel_form)
        )

    def _bevestigen(self, ronde: Ronde, bewaard: dict) -> HttpResponse:
        request = self.request
        controle, aantal = services.import_bevestigen(ronde=ronde, pad=bewaard["pad"])
        if not controle.in_orde:
            return self.render_to_response(self._context(ronde, ImportForm(), controle, bewaard["token"]))
        del request.session[IMPORT_SESSIE]
        messages.success(request, _("%(aantal)s responsen zijn geïmporteerd.") % {"aantal": aantal})
        return redirect("monitoring:resultaten", ronde.pk)


class ImportSjabloonView(BeheerMixin, View):
    """The round's import template (xlsx or csv): the right headings and the practices' AGB codes as text."""

    def get(self, request, pk, formaat):
        if formaat not in ("xlsx", "csv"):
            raise Http404
        ronde = get_object_or_404(Ronde.objects.select_related("vragenlijst"), pk=pk)
        koppen, rijen = selectors.sjabloon_rijen(user=request.user, ronde=ronde)
        naam = f"importsjabloon-{ronde.vragenlijst.naam}-{ronde.vragenlijst.jaar}".replace(" ", "-").lower()
        if formaat == "csv":
            return csv_response(koppen=koppen, rijen=rijen, naam=naam)
        return xlsx_response(koppen=koppen, rijen=rijen, naam=naam, blad=_("Antwoorden"))
