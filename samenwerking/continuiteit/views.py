"""Views of the continuïteit workflow: thin, they check the rights and call selectors and services."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from wijken.constants import BEWERKENDE_FUNCTIES
from wijken.models import Praktijk
from zio_portal.export import xlsx_werkmap_response
from zio_portal.forms import ServiceFoutenMixin, fouten_naar_formulier

from ..models import Samenwerkingsverband
from . import selectors, services
from .constants import zorg_labels
from .forms import (
    AntwoordForm,
    EvaluatieForm,
    NieuweOpvangafspraakForm,
    OpvangafspraakForm,
    PeriodeForm,
    UitvalForm,
    VragenForm,
)


def _eigen_bewerkende_praktijken(user):
    if user.has_perm("samenwerking.add_uitvalmelding", None) and not user.praktijkrollen.exists():
        return Praktijk.objects.filter(actief=True).order_by("naam")  # the beheerder, on a practice's behalf
    return Praktijk.objects.filter(
        medewerkers__user=user, medewerkers__functie__in=BEWERKENDE_FUNCTIES, actief=True
    ).order_by("naam")


class OpvangIndexView(TemplateView):
    """Start of the workflow: the meldingen that concern the user and the requests to their practice."""

    template_name = "samenwerking/continuiteit/index.html"
    per_pagina = 25

    def get_context_data(self, **kwargs):
        user = self.request.user
        # The meldingen a page at a time (the region's list grows), read as rows only.
        meldingen = Paginator(selectors.melding_rijen(user=user), self.per_pagina).get_page(
            self.request.GET.get("page")
        )
        return super().get_context_data(
            meldingen=meldingen,
            pagina=meldingen,
            verzoeken=selectors.eigen_verzoeken(user=user)[:50],
            mag_melden=_eigen_bewerkende_praktijken(user).exists(),
            mag_overzicht=user.has_perm("samenwerking.view_opvangoverzicht"),
            vandaag=timezone.localdate(),
            **kwargs,
        )


class OpvangafspraakListView(TemplateView):
    """The opvangafspraken of the verbanden the user sees, a page at a time; one 'Nieuwe opvangafspraak'
    with a choice of the verbanden the user may record them in (straight to the form if only one)."""

    template_name = "samenwerking/continuiteit/afspraak_list.html"
    per_pagina = 25

    def _verbanden(self):
        user = self.request.user
        pks = [
            v.pk
            for v in selectors.verbanden_voor_nieuwe_opvang(user=user)
            if user.has_perm("samenwerking.add_opvangafspraak", v)
        ]
        return selectors.verbanden_voor_opvang(user=user).filter(pk__in=pks), len(pks)

    def get(self, request, *args, **kwargs):
        verbanden, aantal = self._verbanden()
        self.nieuw_form = None
        if aantal:
            gekozen = "verband" in request.GET
            self.nieuw_form = NieuweOpvangafspraakForm(request.GET if gekozen else None, verbanden=verbanden)
            if gekozen and self.nieuw_form.is_valid():
                verband = self.nieuw_form.cleaned_data["verband"]
                return HttpResponseRedirect(reverse("samenwerking:opvang-afspraak-create", args=[verband.pk]))
            self.enig_verband = verbanden.first() if aantal == 1 else None
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        pagina = Paginator(selectors.opvangafspraak_list(user=self.request.user), self.per_pagina).get_page(
            self.request.GET.get("page")
        )
        return super().get_context_data(
            afspraken=pagina,
            pagina=pagina,
            nieuw_form=self.nieuw_form,
            enig_verband=getattr(self, "enig_verband", None),
            vandaag=timezone.localdate(),
            **kwargs,
        )


class OpvangafspraakFormMixin(ServiceFoutenMixin):
    template_name = "samenwerking/continuiteit/afspraak_form.html"
    form_class = OpvangafspraakForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["verband"] = self.verband
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(verband=self.verband, **kwargs)

    def _data(self, form):
        return {k: v for k, v in form.cleaned_data.items() if k != "overnemers"}


class OpvangafspraakCreateView(OpvangafspraakFormMixin, FormView):
    """A new opvangafspraak in a huisartsen-verband the user's practice takes part in."""

    def dispatch(self, request, *args, **kwargs):
        self.verband = get_object_or_404(
            Samenwerkingsverband.objects.zichtbaar_voor(request.user), pk=kwargs["pk"]
        )
        if not request.user.has_perm("samenwerking.add_opvangafspraak", self.verband):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"geldig_van": timezone.localdate()}

    def uitvoeren(self, form):
        services.opvangafspraak_create(
            verband=self.verband,
            data=self._data(form),
            overnemers=form.overnemers_met_herkomst(),
            door=self.request.user,
        )
        messages.success(self.request, _("De opvangafspraak is opgeslagen."))
        return HttpResponseRedirect(reverse("samenwerking:opvang-afspraak-list"))


class OpvangafspraakUpdateView(OpvangafspraakFormMixin, FormView):
    """Change an opvangafspraak; earlier versions stay in the history."""

    def dispatch(self, request, *args, **kwargs):
        self.afspraak = selectors.opvangafspraak_get(user=request.user, pk=kwargs["pk"])
        if not request.user.has_perm("samenwerking.change_opvangafspraak", self.afspraak):
            raise PermissionDenied
        self.verband = self.afspraak.verband
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.afspraak}

    def get_context_data(self, **kwargs):
        historie = self.afspraak.history.select_related("history_user").order_by("-history_date")[:20]
        return super().get_context_data(afspraak=self.afspraak, historie=historie, **kwargs)

    def uitvoeren(self, form):
        services.opvangafspraak_update(
            afspraak=self.afspraak,
            data=self._data(form),
            overnemers=form.overnemers_met_herkomst(),
            door=self.request.user,
        )
        messages.success(self.request, _("De opvangafspraak is gewijzigd."))
        return HttpResponseRedirect(reverse("samenwerking:opvang-afspraak-list"))


class UitvalMeldenView(ServiceFoutenMixin, FormView):
    """Uitval melden for a practice the user acts for; next the reporter chooses whom to ask."""

    template_name = "samenwerking/continuiteit/melden.html"
    form_class = UitvalForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)
        self.praktijken = _eigen_bewerkende_praktijken(request.user)
        if not self.praktijken.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "praktijken": self.praktijken}

    def get_initial(self):
        return {"van": timezone.localdate(), "tot": timezone.localdate()}

    def uitvoeren(self, form):
        data = form.cleaned_data
        if not self.request.user.has_perm("samenwerking.add_uitvalmelding", data["praktijk"]):
            raise PermissionDenied
        melding = services.uitval_melden(praktijk=data["praktijk"], data=data, door=self.request.user)
        messages.success(self.request, _("De uitval is gemeld. Kies hieronder welke praktijken u vraagt."))
        return HttpResponseRedirect(reverse("samenwerking:opvang-melding-detail", args=[melding.pk]))


def _vragen_keuze(melding, user):
    """The practices that may be asked: the proposal, plus for the region (at escalation) the gebied."""
    voorstel = selectors.opvang_voorstel(melding=melding)
    pks = {v.praktijk.pk for v in voorstel}
    buurt = Praktijk.objects.filter(wijk=melding.praktijk.wijk, actief=True).exclude(pk=melding.praktijk_id)
    if not user.praktijkrollen.filter(praktijk=melding.praktijk).exists():
        buurt = Praktijk.objects.filter(services.praktijken_in_buurt(melding))
    keuze = Praktijk.objects.filter(pk__in=pks) | buurt
    return voorstel, keuze.select_related("wijk").distinct().order_by("naam")


class MeldingDetailView(TemplateView):
    """The melding as the reporter sees it: proposal, whom to ask, and the answers (live)."""

    template_name = "samenwerking/continuiteit/melding_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        melding = selectors.melding_get(user=user, pk=self.kwargs["pk"])
        mag_vragen = user.has_perm("samenwerking.vragen_uitvalmelding", melding)
        context = {"melding": melding, "mag_vragen": mag_vragen}
        verzoeken = list(melding.verzoeken.all())
        if mag_vragen:
            voorstel, keuze = _vragen_keuze(melding, user)
            gevraagd = {v.praktijk_id for v in verzoeken}
            context["voorstel"] = voorstel
            context["vragen_form"] = kwargs.pop("vragen_form", None) or VragenForm(
                keuze=keuze.exclude(pk__in=gevraagd),
                initial={"praktijken": [v.praktijk.pk for v in voorstel if v.praktijk.pk not in gevraagd]},
            )
        context.update(
            verzoeken=verzoeken,
            open_zorg=zorg_labels(melding.open_zorg(verzoeken)),
            mag_wijzigen=user.has_perm("samenwerking.change_uitvalmelding", melding),
            mag_evalueren=user.has_perm("samenwerking.evalueren_uitvalmelding", melding),
            eigen_verzoek=next(
                (v for v in verzoeken if v.praktijk.medewerkers.filter(user=user).exists()), None
            )
            if not user.praktijkrollen.filter(praktijk=melding.praktijk).exists()
            else None,
        )
        return super().get_context_data(**context, **kwargs)


class MeldingAntwoordenView(TemplateView):
    """The answers of the asked practices: the fragment the reporter's page polls (htmx)."""

    template_name = "samenwerking/continuiteit/_antwoorden.html"

    def get_context_data(self, **kwargs):
        melding = selectors.melding_get(user=self.request.user, pk=self.kwargs["pk"])
        verzoeken = list(melding.verzoeken.all())
        return super().get_context_data(
            melding=melding,
            verzoeken=verzoeken,
            open_zorg=zorg_labels(melding.open_zorg(verzoeken)),
            **kwargs,
        )


class MeldingVragenView(View):
    """POST: ask the chosen practices; each gets its own mail from the worker."""

    def post(self, request, pk):
        melding = selectors.melding_get(user=request.user, pk=pk)
        if not request.user.has_perm("samenwerking.vragen_uitvalmelding", melding):
            raise PermissionDenied
        voorstel, keuze = _vragen_keuze(melding, request.user)
        form = VragenForm(request.POST, keuze=keuze)
        if form.is_valid():
            try:
                afspraken = {v.praktijk.pk: v.afspraak for v in voorstel}
                nieuw = services.praktijken_vragen(
                    melding=melding,
                    praktijken=form.cleaned_data["praktijken"],
                    door=request.user,
                    afspraken=afspraken,
                )
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(
                    request,
                    _("%(aantal)s praktijk(en) gevraagd; zij krijgen een e-mail.") % {"aantal": len(nieuw)},
                )
                return HttpResponseRedirect(reverse("samenwerking:opvang-melding-detail", args=[melding.pk]))
        view = MeldingDetailView.as_view()
        request.method = "GET"
        response = view(request, pk=pk, vragen_form=form)
        response.status_code = 200
        return response


class MeldingPeriodeView(ServiceFoutenMixin, FormView):
    """Change the period of an open melding; the asked practices get an updated invitation."""

    template_name = "samenwerking/continuiteit/periode_form.html"
    form_class = PeriodeForm

    def dispatch(self, request, *args, **kwargs):
        self.melding = selectors.melding_get(user=request.user, pk=kwargs["pk"])
        if not request.user.has_perm("samenwerking.change_uitvalmelding", self.melding):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.melding}

    def get_context_data(self, **kwargs):
        return super().get_context_data(melding=self.melding, **kwargs)

    def uitvoeren(self, form):
        services.melding_periode_wijzigen(
            melding=self.melding,
            van=form.cleaned_data["van"],
            tot=form.cleaned_data["tot"],
            door=self.request.user,
        )
        messages.success(self.request, _("De periode is gewijzigd; de gevraagde praktijken krijgen bericht."))
        return HttpResponseRedirect(reverse("samenwerking:opvang-melding-detail", args=[self.melding.pk]))


class MeldingBeeindigenView(View):
    """POST: the practice is fully reachable again; the helpers are told."""

    def post(self, request, pk):
        melding = selectors.melding_get(user=request.user, pk=pk)
        if not request.user.has_perm("samenwerking.change_uitvalmelding", melding):
            raise PermissionDenied
        services.melding_beeindigen(melding=melding, door=request.user)
        messages.success(request, _("De melding is beëindigd; de praktijken die hielpen krijgen bericht."))
        return HttpResponseRedirect(reverse("samenwerking:opvang-melding-detail", args=[melding.pk]))


class MeldingEvaluerenView(ServiceFoutenMixin, FormView):
    """Afterwards: a practice involved records how the opvang went."""

    template_name = "samenwerking/continuiteit/evaluatie_form.html"
    form_class = EvaluatieForm

    def dispatch(self, request, *args, **kwargs):
        self.melding = selectors.melding_get(user=request.user, pk=kwargs["pk"])
        if not request.user.has_perm("samenwerking.evalueren_uitvalmelding", self.melding):
            raise PermissionDenied
        betrokken = {self.melding.praktijk_id} | {v.praktijk_id for v in self.melding.verzoeken.all()}
        self.praktijk = (
            Praktijk.objects.filter(pk__in=betrokken, medewerkers__user=request.user).order_by("naam").first()
            or self.melding.praktijk
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(melding=self.melding, praktijk=self.praktijk, **kwargs)

    def uitvoeren(self, form):
        services.melding_evalueren(
            melding=self.melding, praktijk=self.praktijk, door=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, _("Dank u; de evaluatie is vastgelegd."))
        return HttpResponseRedirect(reverse("samenwerking:opvang-melding-detail", args=[self.melding.pk]))


class VerzoekAntwoordView(ServiceFoutenMixin, FormView):
    """The asked practice answers: opvang bevestigd (all or part) or kan niet, with a reason."""

    template_name = "samenwerking/continuiteit/antwoord_form.html"
    form_class = AntwoordForm

    def dispatch(self, request, *args, **kwargs):
        self.verzoek = selectors.verzoek_get(user=request.user, pk=kwargs["pk"])
        if not request.user.has_perm("samenwerking.beantwoorden_opvangverzoek", self.verzoek):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "melding": self.verzoek.melding}

    def get_initial(self):
        v = self.verzoek
        return {
            "antwoord": v.antwoord if v.antwoord != "open" else None,
            "zorgsoorten": v.zorgsoorten,
            "van": v.van,
            "tot": v.tot,
            "reden": v.reden,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(verzoek=self.verzoek, melding=self.verzoek.melding, **kwargs)

    def uitvoeren(self, form):
        services.verzoek_beantwoorden(verzoek=self.verzoek, door=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("Dank u; uw antwoord is doorgegeven."))
        return HttpResponseRedirect(reverse("samenwerking:opvang-index"))


def _periode(request) -> tuple[datetime.date, datetime.date]:
    vandaag = timezone.localdate()
    try:
        van = datetime.date.fromisoformat(request.GET.get("van", ""))
    except ValueError:
        van = vandaag.replace(month=1, day=1)
    try:
        tot = datetime.date.fromisoformat(request.GET.get("tot", ""))
    except ValueError:
        tot = vandaag.replace(month=12, day=31)
    return (van, tot) if van <= tot else (tot, van)


class OpvangOverzichtView(TemplateView):
    """For the beleidsadviseur continuïteit (and a gebiedsmanager for their gebieden): open gaps on top,
    current and coming uitval, practices without an opvangafspraak, the figures of a period."""

    template_name = "samenwerking/continuiteit/overzicht.html"
    per_pagina = 10

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm("samenwerking.view_opvangoverzicht"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        van, tot = _periode(self.request)
        overzicht = selectors.opvang_overzicht_bewaard(
            user=self.request.user, vandaag=timezone.localdate(), van=van, tot=tot
        )
        # The radar a page at a time (the open gaps and current uitval stay whole, on top).
        zonder = Paginator(overzicht.zonder_afspraak, self.per_pagina).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            overzicht=overzicht, zonder_afspraak=zonder, vandaag=timezone.localdate(), **kwargs
        )


class OpvangOverzichtExportView(View):
    """The overview as an Excel workbook: meldingen of the period, the radar and the figures."""

    def get(self, request):
        if not request.user.has_perm("samenwerking.view_opvangoverzicht"):
            raise PermissionDenied
        van, tot = _periode(request)
        overzicht = selectors.opvang_overzicht(
            user=request.user, vandaag=timezone.localdate(), van=van, tot=tot
        )
        meldingen = selectors.melding_list(user=request.user).in_periode(van, tot)
        rijen = []
        for m in meldingen:
            verzoeken = list(m.verzoeken.all())
            open_zorg = m.open_zorg(verzoeken)
            rijen.append(
                [
                    m.praktijk.naam,
                    m.praktijk.wijk.naam,
                    m.praktijk.wijk.gebied.naam,
                    m.van,
                    m.tot,
                    m.get_situatie_display(),
                    ", ".join(m.zorg_weergave),
                    m.get_status_display(),
                    ", ".join(v.praktijk.naam for v in verzoeken if v.antwoord == "bevestigd"),
                    _("ja") if not open_zorg else _("nee"),
                ]
            )
        c = overzicht.cijfers
        return xlsx_werkmap_response(
            bladen=[
                (
                    _("Meldingen"),
                    [
                        _("Praktijk"),
                        _("Wijk"),
                        _("Gebied"),
                        _("Van"),
                        _("Tot en met"),
                        _("Situatie"),
                        _("Zorg"),
                        _("Status"),
                        _("Opvang door"),
                        _("Volledig opgevangen"),
                    ],
                    rijen,
                ),
                (
                    _("Zonder opvangafspraak"),
                    [_("Praktijk"), _("Wijk"), _("Gebied")],
                    [[p.naam, p.wijk.naam, p.wijk.gebied.naam] for p in overzicht.zonder_afspraak],
                ),
                (
                    _("Cijfers"),
                    [_("Cijfer"), _("Waarde")],
                    [
                        [_("Meldingen"), c.meldingen],
                        [_("Dagen"), c.dagen],
                        [_("Aandeel zorg opgevangen"), c.aandeel_gedekt],
                        [_("Mediaan uren tot eerste bevestiging"), c.mediaan_uren_eerste_bevestiging],
                        *[
                            [_("Opvang door %(praktijk)s") % {"praktijk": n}, a]
                            for n, a in c.meest_overgenomen
                        ],
                    ],
                ),
            ],
            naam=f"continuiteit-{van:%Y-%m-%d}-{tot:%Y-%m-%d}",
        )
