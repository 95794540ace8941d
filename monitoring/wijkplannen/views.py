"""Pages of the wijkplan workflow: the list and region view, the plan, the wijkscan, vaststellen,
evaluation and next year's copy, and the CBS import. Who may do what: monitoring/rules.py."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from zio_portal import achtergrond
from zio_portal.forms import fouten_naar_formulier
from zio_portal.widgets import KORT as ZOEK_KORT

from ..mixins import int_param
from ..models import Doel, Wijkplan
from . import importeren, selectors, services
from .constants import WijkplanStatus
from .forms import (
    ActieForm,
    ActieStatusForm,
    AfstemmingForm,
    CbsImportForm,
    DoelForm,
    EvaluatieForm,
    OpmerkingForm,
    PrioriteitForm,
    ScanItemForm,
    VaststellenForm,
    WijkplanStartForm,
)

CBS_IMPORT_SESSIE = "wijkplan_cbs_import"


class CbsImportView(LoginRequiredMixin, TemplateView):
    """Import the CBS kerncijfers: upload → preview (matched wijken, codes not placed, bad cells) →
    confirm, all or nothing. Between preview and confirm the file is kept in private storage under a
    random token remembered in the session."""

    template_name = "monitoring/wijkplannen/cbs_import.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm("monitoring.import_cbs"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=CbsImportForm()))

    def post(self, request, *args, **kwargs):
        if request.POST.get("actie") == "bevestigen":
            return self._bevestigen()
        form = CbsImportForm(request.POST, request.FILES)
        context = {"form": form}
        if form.is_valid():
            bestand = form.cleaned_data["bestand"]
            token = secrets.token_urlsafe(24)
            try:
                controle, pad = services.cbs_import_klaarzetten(
                    inhoud=bestand.read(),
                    naam=bestand.name,
                    jaar=form.cleaned_data["jaar"],
                    token=token,
                    vorig_pad=(request.session.get(CBS_IMPORT_SESSIE) or {}).get("pad"),
                )
            except importeren.BestandFout as exc:
                form.add_error("bestand", str(exc))
            else:
                context["controle"] = controle
                if pad:
                    request.session[CBS_IMPORT_SESSIE] = {"token": token, "pad": pad, "jaar": controle.jaar}
                    context["token"] = token
        return self.render_to_response(self.get_context_data(**context))

    def _bevestigen(self) -> HttpResponse:
        request = self.request
        bewaard = request.session.get(CBS_IMPORT_SESSIE) or {}
        if not bewaard or bewaard.get("token") != request.POST.get("token"):
            messages.error(request, _("Deze import is verlopen; upload het bestand opnieuw."))
            return redirect("monitoring:wijkplan-cbs-import")
        controle, aantal = services.cbs_import_bevestigen(pad=bewaard["pad"], jaar=bewaard["jaar"])
        if not controle.in_orde:
            return self.render_to_response(self.get_context_data(form=CbsImportForm(), controle=controle))
        del request.session[CBS_IMPORT_SESSIE]
        messages.success(
            request,
            _("De CBS-kerncijfers %(jaar)s zijn geïmporteerd: %(aantal)s regels.")
            % {"jaar": controle.jaar, "aantal": aantal},
        )
        return redirect("monitoring:wijkplan-cbs-import")


def _vereist(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


class WijkplanListView(LoginRequiredMixin, TemplateView):
    """The wijkplannen this user may see, and the wijken they may start a plan for this year."""

    template_name = "monitoring/wijkplannen/list.html"
    per_pagina = 25
    te_starten = 10

    def get_context_data(self, **kwargs):
        user = self.request.user
        jaar = timezone.localdate().year
        pagina = Paginator(selectors.wijkplan_list(user=user), self.per_pagina).get_page(
            self.request.GET.get("page")
        )
        # The wijken this user may start a plan for, read by the rule in the query and counted there, so
        # the page costs the same whatever the region; they are offered in one form, a search choice
        # when there are many (zio_portal/widgets.py). Without JavaScript the search by name filters
        # the choice.
        te_starten = selectors.wijken_om_te_starten(user=user, jaar=jaar)
        aantal_te_starten = te_starten.count()
        wijk_zoek = self.request.GET.get("wijk_zoek", "").strip()[:100]
        start_form = None
        if aantal_te_starten:
            gevonden = te_starten.filter(naam__icontains=wijk_zoek) if wijk_zoek else te_starten
            start_form = WijkplanStartForm(initial={"jaar": jaar}, wijken=gevonden)
        return super().get_context_data(
            plannen=pagina.object_list,
            pagina=pagina,
            aantal_te_starten=aantal_te_starten,
            wijk_zoek=wijk_zoek,
            jaar=jaar,
            start_form=start_form,
            zoek_kort=ZOEK_KORT,
            **kwargs,
        )


class WijkplanStartView(LoginRequiredMixin, View):
    """Start a concept wijkplan for the wijk chosen in the list's form: the wijken offered are those
    the user may start one for, and the rule is checked again on the chosen wijk."""

    def post(self, request):
        jaar = int_param(request.POST.get("jaar")) or timezone.localdate().year
        wijken = selectors.wijken_om_te_starten(user=request.user, jaar=jaar)
        if not wijken.exists():
            raise PermissionDenied
        form = WijkplanStartForm(request.POST, wijken=wijken.select_related("gebied"))
        if not form.is_valid():
            messages.error(request, " ".join(fout for fouten in form.errors.values() for fout in fouten))
            return redirect("monitoring:wijkplan-list")
        wijk = form.cleaned_data["wijk"]
        _vereist(request.user, "monitoring.add_wijkplan", wijk)
        try:
            plan = services.wijkplan_aanmaken(wijk=wijk, jaar=form.cleaned_data["jaar"], door=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("monitoring:wijkplan-list")
        return redirect("monitoring:wijkplan-detail", plan.pk)


class WijkplanDetailView(LoginRequiredMixin, TemplateView):
    """The plan: the scan lists, priorities, goals and actions with their linked status, afstemming,
    evaluation and comments. The gebiedsmanager adds parts here; readers comment."""

    template_name = "monitoring/wijkplannen/detail.html"
    FORMULIEREN = {
        "scanitem": ScanItemForm,
        "prioriteit": PrioriteitForm,
        "doel": DoelForm,
        "actie": ActieForm,
        "afstemming": AfstemmingForm,
    }

    def _plan(self) -> Wijkplan:
        plan = selectors.wijkplan_get(user=self.request.user, pk=self.kwargs["pk"])
        _vereist(self.request.user, "monitoring.view_wijkplan", plan)
        return plan

    def _formulieren(self, plan, gebonden=None) -> dict:
        user = self.request.user
        formulieren = {}
        if user.has_perm("monitoring.edit_wijkplan_inhoud", plan):
            for naam, klasse in self.FORMULIEREN.items():
                extra = {} if naam == "scanitem" else {"wijkplan": plan}
                formulieren[naam] = klasse(prefix=naam, **extra)
        elif user.has_perm("monitoring.change_wijkplan", plan):
            formulieren["afstemming"] = AfstemmingForm(prefix="afstemming", wijkplan=plan)
        if user.has_perm("monitoring.comment_wijkplan", plan):
            formulieren["opmerking"] = OpmerkingForm(prefix="opmerking")
        if gebonden:
            formulieren.update(gebonden)
        return formulieren

    def get(self, request, *args, **kwargs):
        if request.headers.get("HX-Request") and request.GET.get("deel") == "pdf":
            # The PDF status alone, polled while the worker makes it.
            plan = get_object_or_404(
                Wijkplan.objects.zichtbaar_voor(request.user).select_related("pdf", "wijk__gebied"),
                pk=self.kwargs["pk"],
            )
            _vereist(request.user, "monitoring.view_wijkplan", plan)
            return render(request, self.template_name + "#pdf", _pdf_context(plan))
        plan = self._plan()
        return self.render_to_response(self._context(plan))

    def _context(self, plan, gebonden=None):
        user = self.request.user
        return self.get_context_data(
            **_pdf_context(plan),
            formulieren=self._formulieren(plan, gebonden),
            mag_wijzigen=user.has_perm("monitoring.change_wijkplan", plan),
            mag_inhoud=user.has_perm("monitoring.edit_wijkplan_inhoud", plan),
            status_keuzes=ActieStatusForm.base_fields["status"].choices,
        )

    def post(self, request, *args, **kwargs):
        plan = self._plan()
        onderdeel = request.POST.get("onderdeel", "")
        user = request.user
        if onderdeel == "opmerking":
            _vereist(user, "monitoring.comment_wijkplan", plan)
            form = OpmerkingForm(request.POST, prefix="opmerking")
            if form.is_valid():
                try:
                    services.opmerking_plaatsen(wijkplan=plan, auteur=user, tekst=form.cleaned_data["tekst"])
                except ValidationError as exc:
                    fouten_naar_formulier(form, exc)
                else:
                    messages.success(request, _("Uw opmerking is geplaatst."))
                    return redirect("monitoring:wijkplan-detail", plan.pk)
            return self.render_to_response(self._context(plan, {"opmerking": form}))
        if onderdeel == "actie-status":
            _vereist(user, "monitoring.change_wijkplan", plan)
            form = ActieStatusForm(request.POST)
            if form.is_valid():
                actie = get_object_or_404(
                    selectors.acties_van_plan(wijkplan=plan), pk=form.cleaned_data["actie"]
                )
                services.actie_status_bijwerken(actie=actie, status=form.cleaned_data["status"])
                messages.success(request, _("De status van de actie is bijgewerkt."))
            return redirect("monitoring:wijkplan-detail", plan.pk)
        if onderdeel not in self.FORMULIEREN:
            raise Http404
        perm = (
            "monitoring.change_wijkplan" if onderdeel == "afstemming" else "monitoring.edit_wijkplan_inhoud"
        )
        _vereist(user, perm, plan)
        extra = {} if onderdeel == "scanitem" else {"wijkplan": plan}
        form = self.FORMULIEREN[onderdeel](request.POST, prefix=onderdeel, **extra)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                if onderdeel == "scanitem":
                    services.scanitem_toevoegen(wijkplan=plan, **data)
                elif onderdeel == "prioriteit":
                    services.prioriteit_toevoegen(wijkplan=plan, **data)
                elif onderdeel == "doel":
                    services.doel_toevoegen(**data)
                elif onderdeel == "actie":
                    services.actie_toevoegen(**data)
                else:
                    services.afstemming_vastleggen(wijkplan=plan, **data)
            except ValidationError as exc:
                fouten_naar_formulier(form, exc)
            else:
                messages.success(request, _("Opgeslagen."))
                return redirect(f"{plan.get_absolute_url()}#{onderdeel}")
        return self.render_to_response(self._context(plan, {onderdeel: form}))


def _pdf_context(plan: Wijkplan) -> dict:
    pdf = services.wijkplan_pdf_van(plan)
    return {"plan": plan, "pdf": pdf, "pdf_lopend": bool(pdf and pdf.lopend)}


def _zichtbaar_plan(request, pk: int) -> Wijkplan:
    plan = get_object_or_404(
        Wijkplan.objects.zichtbaar_voor(request.user).select_related("pdf", "wijk__gebied"), pk=pk
    )
    _vereist(request.user, "monitoring.view_wijkplan", plan)
    return plan


class WijkplanPdfAanvragenView(LoginRequiredMixin, View):
    """POST: have the worker make the plan's PDF as it stands now. Everyone who reads the plan may ask:
    it changes nothing in the plan (the gemeente gets the file from them)."""

    def post(self, request, pk):
        plan = _zichtbaar_plan(request, pk)
        if services.wijkplan_pdf_aanvragen(wijkplan=plan):
            messages.success(request, _("De PDF wordt gemaakt. Deze pagina werkt zichzelf bij."))
        else:
            messages.info(request, _("De PDF wordt al gemaakt."))
        return redirect(f"{plan.get_absolute_url()}#pdf")


class WijkplanPdfDownloadView(LoginRequiredMixin, View):
    """The finished PDF, streamed after the permission check (never a public URL)."""

    def get(self, request, pk):
        plan = _zichtbaar_plan(request, pk)
        pdf = services.wijkplan_pdf_van(plan)
        if pdf is None or pdf.status != achtergrond.Status.GEREED or not pdf.bestand:
            raise Http404(_("De PDF van dit wijkplan is nog niet klaar."))
        return achtergrond.bestand_response(
            request,
            pdf,
            bestandsnaam=f"wijkplan-{slugify(plan.wijk.naam)}-{plan.jaar}.pdf",
            opnieuw_url=reverse("monitoring:wijkplan-pdf-maken", args=[plan.pk]),
            terug_url=plan.get_absolute_url(),
        )


class WijkscanView(LoginRequiredMixin, TemplateView):
    """The wijkscan of a plan's wijk and year: CBS figures against the gemeente, the region and last
    year, and the portal's own figures."""

    template_name = "monitoring/wijkplannen/scan.html"

    def get_context_data(self, **kwargs):
        plan = get_object_or_404(
            Wijkplan.objects.zichtbaar_voor(self.request.user).select_related(
                "wijk__gebied__gemeente__regio"
            ),
            pk=self.kwargs["pk"],
        )
        _vereist(self.request.user, "monitoring.view_wijkplan", plan)
        scan = selectors.wijkscan(wijkplan=plan)
        items = list(plan.scanitems.all())
        return super().get_context_data(plan=plan, scan=scan, scanitems=items, **kwargs)


class WijkplanVaststellenView(LoginRequiredMixin, TemplateView):
    """Vaststellen by a besluit in an overleg of the wijk's WSV (the gebiedsmanager records it)."""

    template_name = "monitoring/wijkplannen/vaststellen.html"

    def _plan(self) -> Wijkplan:
        plan = get_object_or_404(
            Wijkplan.objects.zichtbaar_voor(self.request.user).select_related("wijk__gebied"),
            pk=self.kwargs["pk"],
        )
        _vereist(self.request.user, "monitoring.edit_wijkplan_inhoud", plan)
        return plan

    def get(self, request, *args, **kwargs):
        plan = self._plan()
        form = VaststellenForm(wijkplan=plan)
        overleg = int_param(request.GET.get("overleg"))
        if overleg:
            form.fields["besluit"].initial = (
                form.fields["besluit"]
                .queryset.filter(overleg_id=overleg)
                .values_list("pk", flat=True)
                .first()
            )
        return self.render_to_response(self.get_context_data(plan=plan, form=form))

    def post(self, request, *args, **kwargs):
        plan = self._plan()
        form = VaststellenForm(request.POST, wijkplan=plan)
        if form.is_valid():
            try:
                services.wijkplan_vaststellen(wijkplan=plan, besluit=form.cleaned_data["besluit"])
            except ValidationError as exc:
                fouten_naar_formulier(form, exc)
            else:
                messages.success(request, _("Het wijkplan is vastgesteld."))
                return redirect("monitoring:wijkplan-detail", plan.pk)
        return self.render_to_response(self.get_context_data(plan=plan, form=form))


class DoelEvaluerenView(LoginRequiredMixin, TemplateView):
    """The yearly evaluation of a goal: behaald, deels or niet; what goes well; what can be better."""

    template_name = "monitoring/wijkplannen/evaluatie.html"

    def _doel(self) -> Doel:
        doel = get_object_or_404(
            Doel.objects.select_related("prioriteit__wijkplan__wijk__gebied", "evaluatie").filter(
                prioriteit__wijkplan__in=Wijkplan.objects.zichtbaar_voor(self.request.user)
            ),
            pk=self.kwargs["pk"],
        )
        _vereist(self.request.user, "monitoring.change_wijkplan", doel.prioriteit.wijkplan)
        return doel

    def get(self, request, *args, **kwargs):
        doel = self._doel()
        instance = getattr(doel, "evaluatie", None)
        return self.render_to_response(
            self.get_context_data(doel=doel, form=EvaluatieForm(instance=instance))
        )

    def post(self, request, *args, **kwargs):
        doel = self._doel()
        form = EvaluatieForm(request.POST)
        if form.is_valid():
            try:
                services.doel_evalueren(doel=doel, door=request.user, **form.cleaned_data)
            except ValidationError as exc:
                fouten_naar_formulier(form, exc)
            else:
                messages.success(request, _("De evaluatie is opgeslagen."))
                return redirect("monitoring:wijkplan-detail", doel.prioriteit.wijkplan_id)
        return self.render_to_response(self.get_context_data(doel=doel, form=form))


class WijkplanKopierenView(LoginRequiredMixin, View):
    """Start next year's plan as a copy of this one; this plan and its evaluation stay."""

    def post(self, request, pk):
        plan = get_object_or_404(
            Wijkplan.objects.zichtbaar_voor(request.user).select_related("wijk__gebied"), pk=pk
        )
        _vereist(request.user, "monitoring.change_wijkplan", plan)
        try:
            kopie = services.wijkplan_kopieren(wijkplan=plan, door=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("monitoring:wijkplan-detail", plan.pk)
        messages.success(
            request, _("Het wijkplan voor %(jaar)s is gestart als kopie.") % {"jaar": kopie.jaar}
        )
        return redirect("monitoring:wijkplan-detail", kopie.pk)


class WijkplanRegioView(LoginRequiredMixin, TemplateView):
    """The region view: which wijken have a vastgesteld plan this year, which a concept, which none;
    the most common priorities."""

    template_name = "monitoring/wijkplannen/regio.html"
    per_kolom = 10

    def get_context_data(self, **kwargs):
        _vereist(self.request.user, "monitoring.view_wijkplan_regio")
        jaar = int_param(self.request.GET.get("jaar")) or timezone.localdate().year
        if not 2000 <= jaar <= 2100:
            jaar = timezone.localdate().year
        overzicht = selectors.regio_overzicht(jaar=jaar)
        kolommen = {
            naam: self._kolom(naam, rijen)
            for naam, rijen in (
                ("vastgesteld", overzicht.vastgesteld),
                ("concept", overzicht.concept),
                ("geen", overzicht.geen),
            )
        }
        return super().get_context_data(overzicht=overzicht, kolommen=kolommen, **kwargs)

    def _kolom(self, naam: str, rijen: list):
        """A column's wijken, ``per_kolom`` at a time, paged by its own parameter (the other columns keep
        their page); the page carries the links to the previous and next page."""
        pagina = Paginator(rijen, self.per_kolom).get_page(self.request.GET.get(naam))
        for richting, heeft, nummer in (
            ("vorige_url", pagina.has_previous, lambda: pagina.previous_page_number()),
            ("volgende_url", pagina.has_next, lambda: pagina.next_page_number()),
        ):
            url = None
            if heeft():
                query = self.request.GET.copy()
                query[naam] = nummer()
                url = f"?{query.urlencode()}#kop-{naam}"
            setattr(pagina, richting, url)
        return pagina


class OverlegVaststellenView(LoginRequiredMixin, View):
    """From a WSV overleg to vaststellen: the wijk's concept plan of the overleg's year (or the latest
    concept), with the besluiten of this overleg first."""

    def get(self, request, overleg):
        from samenwerking.models import Overleg

        overleg = get_object_or_404(
            Overleg.objects.zichtbaar_voor(request.user).select_related("verband"), pk=overleg
        )
        plan = (
            Wijkplan.objects.zichtbaar_voor(request.user)
            .filter(wijk_id=overleg.verband.wijk_id, status=WijkplanStatus.CONCEPT)
            .select_related("wijk__gebied")
            .order_by("-jaar")
        )
        plan = next((p for p in plan if p.jaar == overleg.datum.year), None) or plan.first()
        if plan is None:
            messages.info(request, _("Deze wijk heeft geen conceptwijkplan om vast te stellen."))
            return redirect("monitoring:wijkplan-list")
        _vereist(request.user, "monitoring.edit_wijkplan_inhoud", plan)
        return redirect(f"{reverse('monitoring:wijkplan-vaststellen', args=[plan.pk])}?overleg={overleg.pk}")
