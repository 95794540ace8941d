"""Views of the monitoring: thin, the rules live in zio_portal.permissions and the selectors."""

from __future__ import annotations

import secrets
from pathlib import Path

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from wijken.models import Praktijk
from zio_portal.constants import Rol
from zio_portal.forms import fouten_naar_formulier

from . import importeren, selectors, services
from .constants import ResponsStatus
from .forms import (
    BezoekPlanForm,
    BezoekVerslagForm,
    ImportForm,
    KopieForm,
    ReactieForm,
    RondeForm,
    SectieForm,
    VraagForm,
    VragenlijstForm,
)
from .models import Respons, Ronde, Sectie, Vragenlijst


class BeheerMixin:
    """Only the beleidsadviseur and the beheerder run the monitoring (403 for everyone else)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("monitoring.manage_monitoring"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


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
            context["vragenlijsten"] = Vragenlijst.objects.select_related("ronde").order_by("-jaar", "naam")
        if user.rol == Rol.PRAKTIJKMEDEWERKER:
            praktijken = list(selectors.eigen_praktijken(user=user))
            open_rondes = list(selectors.open_rondes())
            responsen = {
                (r.ronde_id, r.praktijk_id): r
                for r in Respons.objects.filter(ronde__in=open_rondes, praktijk__in=praktijken)
            }
            context["in_te_vullen"] = [
                (ronde, praktijk, responsen.get((ronde.pk, praktijk.pk)))
                for ronde in open_rondes
                for praktijk in praktijken
            ]
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
                    Sectie.objects.create(
                        vragenlijst=vragenlijst,
                        titel=form.cleaned_data["titel"],
                        volgorde=vragenlijst.secties.count() + 1,
                    )
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
        eigen = self.praktijk.medewerkers.filter(user=self.request.user).exists()
        if not eigen:
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
        context.update(
            respons=respons,
            secties=[(s, [(v, antwoorden.get(v.code)) for v in s.vragen.all()]) for s in secties],
        )
        return context


# --- resultaten -----------------------------------------------------------------------------------


def _int(waarde: str | None) -> int | None:
    try:
        return int(waarde) if waarde else None
    except ValueError:
        return None


class ResultatenView(TemplateView):
    """Results of a round as aggregates within the user's scope, with charts and tables."""

    template_name = "monitoring/resultaten.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ronde = get_object_or_404(Ronde.objects.select_related("vragenlijst"), pk=self.kwargs["pk"])
        context["r"] = selectors.resultaten(
            user=self.request.user,
            ronde=ronde,
            sectie_id=_int(self.request.GET.get("sectie")),
            wijk_id=_int(self.request.GET.get("wijk")),
            praktijk_id=_int(self.request.GET.get("praktijk")),
        )
        context["ronde"] = ronde
        return context


class ResultatenExportView(View):
    """The results of a round as an Excel workbook (the same aggregates as the page, all sections)."""

    def get(self, request, pk):
        from .export import resultaten_xlsx

        ronde = get_object_or_404(Ronde.objects.select_related("vragenlijst"), pk=pk)
        r = selectors.resultaten(
            user=request.user,
            ronde=ronde,
            wijk_id=_int(request.GET.get("wijk")),
            praktijk_id=_int(request.GET.get("praktijk")),
            met_grafieken=False,
            alle_secties=True,
        )
        response = HttpResponse(
            resultaten_xlsx(r),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        naam = f"resultaten-{ronde.vragenlijst.naam}-{ronde.vragenlijst.jaar}".replace(" ", "-").lower()
        response["Content-Disposition"] = f'attachment; filename="{naam}.xlsx"'
        return response


# --- import -----------------------------------------------------------------------------------------

IMPORT_SESSIE = "monitoring_import"


class ImportView(BeheerMixin, TemplateView):
    """Import another tool's export: upload → preview with every bad row and cell → confirm (all or nothing).

    Between preview and confirm the file is kept in private storage under a random token that is
    remembered in the user's session; it is never under a public URL.
    """

    template_name = "monitoring/import.html"

    def _ronde(self) -> Ronde:
        return get_object_or_404(Ronde.objects.select_related("vragenlijst"), pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(ronde=self._ronde(), form=ImportForm()))

    def post(self, request, *args, **kwargs):
        ronde = self._ronde()
        opslag = storages["private"]
        if request.POST.get("actie") == "bevestigen":
            bewaard = request.session.get(IMPORT_SESSIE) or {}
            if bewaard.get("token") != request.POST.get("token") or bewaard.get("ronde") != ronde.pk:
                messages.error(request, _("Deze import is verlopen; upload het bestand opnieuw."))
                return redirect("monitoring:import", ronde.pk)
            pad = bewaard["pad"]
            with opslag.open(pad, "rb") as f:
                inhoud = f.read()
            controle = importeren.controleer(ronde=ronde, rijen=importeren.lees_bestand(inhoud, pad))
            if not controle.in_orde:
                return self.render_to_response(
                    self.get_context_data(ronde=ronde, form=ImportForm(), controle=controle)
                )
            aantal = services.responsen_importeren(ronde=ronde, rijen=controle.rijen)
            opslag.delete(pad)
            del request.session[IMPORT_SESSIE]
            messages.success(request, _("%(aantal)s responsen zijn geïmporteerd.") % {"aantal": aantal})
            return redirect("monitoring:resultaten", ronde.pk)
        form = ImportForm(request.POST, request.FILES)
        context = {"ronde": ronde, "form": form}
        if form.is_valid():
            bestand = form.cleaned_data["bestand"]
            inhoud = bestand.read()
            try:
                controle = importeren.controleer(
                    ronde=ronde, rijen=importeren.lees_bestand(inhoud, bestand.name)
                )
            except importeren.BestandFout as exc:
                form.add_error("bestand", str(exc))
            else:
                context["controle"] = controle
                if controle.in_orde:
                    token = secrets.token_urlsafe(24)
                    oud = (request.session.get(IMPORT_SESSIE) or {}).get("pad")
                    if oud and opslag.exists(oud):
                        opslag.delete(oud)
                    pad = opslag.save(
                        f"imports/{token}{Path(bestand.name).suffix.lower()}", ContentFile(inhoud)
                    )
                    request.session[IMPORT_SESSIE] = {"token": token, "pad": pad, "ronde": ronde.pk}
                    context["token"] = token
        return self.render_to_response(self.get_context_data(**context))


# --- praktijkbezoeken -----------------------------------------------------------------------------


class BezoekListView(TemplateView):
    """Managers: the planning of all practices; practice staff: their own practice's visits."""

    def get_template_names(self):
        if self.request.user.has_perm("monitoring.manage_monitoring"):
            return ["monitoring/bezoek_planning.html"]
        return ["monitoring/bezoek_list.html"]

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not (
            user.has_perm("monitoring.manage_monitoring") or user.rol == Rol.PRAKTIJKMEDEWERKER
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if user.has_perm("monitoring.manage_monitoring"):
            wijk_id = _int(self.request.GET.get("wijk"))
            achter = self.request.GET.get("achter") == "1"
            praktijken = list(selectors.bezoek_planning(wijk_id=wijk_id, alleen_achter=achter))
            vandaag = timezone.localdate()
            grens = vandaag - timezone.timedelta(days=365)
            for p in praktijken:
                p.achter = (
                    p.laatste_bezoek is None
                    or p.laatste_bezoek < grens
                    or p.laatste_bezoek.year < vandaag.year
                )
            from wijken.models import Wijk

            context.update(
                praktijken=praktijken,
                wijken=Wijk.objects.order_by("naam"),
                wijk_id=wijk_id,
                achter=achter,
                aantal_achter=sum(1 for p in praktijken if p.achter),
            )
        else:
            context["bezoeken"] = selectors.bezoek_list(user=user)
        return context


class BezoekPlannenView(BeheerMixin, TemplateView):
    template_name = "monitoring/bezoek_plannen.html"

    def _praktijk(self) -> Praktijk:
        return get_object_or_404(Praktijk.objects.select_related("wijk"), pk=self.kwargs["praktijk"])

    def get(self, request, *args, **kwargs):
        form = BezoekPlanForm(initial={"bezoekers": [request.user.pk]})
        return self.render_to_response(self.get_context_data(praktijk=self._praktijk(), form=form))

    def post(self, request, *args, **kwargs):
        praktijk = self._praktijk()
        form = BezoekPlanForm(request.POST)
        if form.is_valid():
            bezoek = services.bezoek_plannen(
                praktijk=praktijk,
                gepland_op=form.cleaned_data["gepland_op"],
                bezoekers=list(form.cleaned_data["bezoekers"]),
            )
            messages.success(request, _("Het bezoek is gepland. Stuur de praktijk nu de uitnodiging."))
            return redirect("monitoring:bezoek-detail", bezoek.pk)
        return self.render_to_response(self.get_context_data(praktijk=praktijk, form=form))


class BezoekObjectMixin:
    """The visit if the user may see it (404 otherwise); ``perm`` must hold too (403 otherwise)."""

    perm = "monitoring.view_praktijkbezoek"

    def dispatch(self, request, *args, **kwargs):
        self.bezoek = selectors.bezoek_get(user=request.user, pk=kwargs["pk"])
        # rules.has_perm, not user.has_perm: a superuser must not acknowledge for a practice.
        if not rules.has_perm(self.perm, request.user, self.bezoek):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class BezoekDetailView(BezoekObjectMixin, TemplateView):
    template_name = "monitoring/bezoek_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            bezoek=self.bezoek,
            beheer=user.has_perm("monitoring.change_praktijkbezoek", self.bezoek),
            mag_reageren=rules.has_perm("monitoring.acknowledge_praktijkbezoek", user, self.bezoek),
            reactie_form=kwargs.get("reactie_form")
            or ReactieForm(initial={"reactie": self.bezoek.reactie_praktijk}),
        )
        return context


class BezoekVerslagView(BezoekObjectMixin, TemplateView):
    """The visit report, with the themes pre-filled from the practice's active SMART-afspraken."""

    perm = "monitoring.change_praktijkbezoek"
    template_name = "monitoring/bezoek_verslag.html"

    def get(self, request, *args, **kwargs):
        b = self.bezoek
        themas = [t.pk for t in b.themas.all()] or selectors.themas_met_afspraken(praktijk=b.praktijk)
        initial = {
            "gehouden_op": b.gehouden_op
            or (timezone.localtime(b.gepland_op).date() if b.gepland_op <= timezone.now() else None),
            "wat_gaat_goed": b.wat_gaat_goed,
            "uitdagingen": b.uitdagingen,
            "bouwstenen": [x.pk for x in b.bouwstenen.all()],
            "themas": themas,
            "terugkoppeling": b.terugkoppeling,
        }
        for o in b.ondersteuningsbehoeften.all():
            initial[f"ondersteuning_{o.categorie}"] = o.toelichting
        return self.render_to_response(
            self.get_context_data(bezoek=b, form=BezoekVerslagForm(initial=initial))
        )

    def post(self, request, *args, **kwargs):
        form = BezoekVerslagForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.bezoek_verslag_opslaan(
                    bezoek=self.bezoek,
                    gehouden_op=data["gehouden_op"],
                    wat_gaat_goed=data["wat_gaat_goed"],
                    uitdagingen=data["uitdagingen"],
                    bouwstenen=list(data["bouwstenen"]),
                    themas=list(data["themas"]),
                    ondersteuning=form.ondersteuning(),
                    terugkoppeling=data["terugkoppeling"],
                )
            except ValidationError as exc:
                fouten_naar_formulier(form, exc)
            else:
                messages.success(request, _("Het verslag is opgeslagen."))
                return redirect("monitoring:bezoek-detail", self.bezoek.pk)
        return self.render_to_response(self.get_context_data(bezoek=self.bezoek, form=form))


class BezoekDelenView(BezoekObjectMixin, View):
    perm = "monitoring.change_praktijkbezoek"

    def post(self, request, pk):
        try:
            services.terugkoppeling_delen(bezoek=self.bezoek)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("De terugkoppeling is gedeeld; de praktijk heeft een e-mail gekregen.")
            )
        return redirect("monitoring:bezoek-detail", pk)


class BezoekGezienView(BezoekObjectMixin, View):
    perm = "monitoring.acknowledge_praktijkbezoek"

    def post(self, request, pk):
        form = ReactieForm(request.POST)
        if form.is_valid():
            try:
                services.terugkoppeling_gezien(
                    bezoek=self.bezoek, door=request.user, reactie=form.cleaned_data["reactie"]
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Dank u wel: de terugkoppeling is gemarkeerd als gezien."))
        return redirect("monitoring:bezoek-detail", pk)


class BezoekIcsView(BezoekObjectMixin, View):
    """The invitation as an .ics file (opens as a meeting request in Outlook)."""

    def get(self, request, pk):
        from .ics import bezoek_ics

        response = HttpResponse(
            bezoek_ics(self.bezoek), content_type="text/calendar; method=REQUEST; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="praktijkbezoek-{pk}.ics"'
        return response


class BezoekUitnodigenView(BezoekObjectMixin, View):
    perm = "monitoring.change_praktijkbezoek"

    def post(self, request, pk):
        try:
            ontvangers = services.bezoek_uitnodiging_versturen(bezoek=self.bezoek)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("De uitnodiging is verstuurd aan %(ontvangers)s.") % {"ontvangers": ", ".join(ontvangers)},
            )
        return redirect("monitoring:bezoek-detail", pk)
