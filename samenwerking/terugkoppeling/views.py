"""Views of the terugkoppeling to the projectleider and the RESV selection (Check/Act)."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from zio_portal.export import xlsx_response
from zio_portal.forms import ServiceFoutenMixin

from ..constants import VerbandSoort
from ..models import (
    GebiedTerugkoppeling,
    Samenwerkingsverband,
    TerugkoppelingRegel,
)
from . import selectors, services
from .forms import (
    ResvForm,
    TerugkoppelingOpstellenForm,
    TerugkoppelingRegelForm,
    TerugkoppelingRegelToevoegenForm,
    TerugkoppelingSamenvattingForm,
)


def _terugkoppeling_met_recht(request, pk: int, perm: str) -> GebiedTerugkoppeling:
    """Visible (404 otherwise) and the user holds ``perm`` on it (403 otherwise)."""
    terugkoppeling = selectors.terugkoppeling_get(user=request.user, pk=pk)
    if not request.user.has_perm(perm, terugkoppeling):
        raise PermissionDenied
    return terugkoppeling


def _regel_met_recht(request, pk: int, perm: str) -> TerugkoppelingRegel:
    regel = get_object_or_404(
        TerugkoppelingRegel.objects.filter(
            terugkoppeling__in=GebiedTerugkoppeling.objects.zichtbaar_voor(request.user).values("pk")
        ).select_related("terugkoppeling__gebied", "verband__wijk"),
        pk=pk,
    )
    if not request.user.has_perm(perm, regel.terugkoppeling):
        raise PermissionDenied
    return regel


def _detail_url(terugkoppeling_id: int) -> str:
    return reverse("samenwerking:terugkoppeling-detail", args=[terugkoppeling_id])


def _periode_uit(request) -> tuple[datetime.date, datetime.date] | None:
    """``?periode=2026-07-01_2026-09-30``; None when missing or malformed."""
    try:
        van, tot = request.GET.get("periode", "").split("_")
        return datetime.date.fromisoformat(van), datetime.date.fromisoformat(tot)
    except ValueError:
        return None


def _periode_param(van: datetime.date, tot: datetime.date) -> str:
    return f"{van.isoformat()}_{tot.isoformat()}"


class TerugkoppelingListView(ListView):
    """The terugkoppelingen the user may see: a gebiedsmanager their own, the region what was sent."""

    template_name = "samenwerking/terugkoppeling_list.html"
    context_object_name = "terugkoppelingen"
    paginate_by = 25

    def get_queryset(self):
        return selectors.terugkoppeling_list(user=self.request.user)

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            mag_opstellen=user.has_perm("samenwerking.add_gebiedterugkoppeling"),
            mag_overzicht=user.has_perm("samenwerking.view_terugkoppeling_overzicht"),
            **kwargs,
        )


class TerugkoppelingCreateView(ServiceFoutenMixin, FormView):
    """The gebiedsmanager chooses gebied and period; the portal drafts the lines per WSV."""

    template_name = "samenwerking/terugkoppeling_form.html"
    form_class = TerugkoppelingOpstellenForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("samenwerking.add_gebiedterugkoppeling"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["gebieden"] = selectors.gebieden_voor_opstellen(user=self.request.user)
        return kwargs

    def uitvoeren(self, form):
        terugkoppeling = services.terugkoppeling_opstellen(door=self.request.user, **form.cleaned_data)
        messages.success(
            self.request,
            _(
                "De terugkoppeling is opgesteld uit de overleggen en knelpunten. "
                "Controleer en vul aan voordat u verzendt."
            ),
        )
        return HttpResponseRedirect(_detail_url(terugkoppeling.pk))


class TerugkoppelingDetailView(TemplateView):
    """A terugkoppeling with a line per WSV: editable as concept, read-only after sending; the
    projectleider marks lines for the RESV."""

    template_name = "samenwerking/terugkoppeling_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        terugkoppeling = selectors.terugkoppeling_get(user=user, pk=self.kwargs["pk"])
        regels = list(terugkoppeling.regels.all())
        mag_wijzigen = user.has_perm("samenwerking.change_gebiedterugkoppeling", terugkoppeling)
        ontbrekend = []
        if mag_wijzigen:
            ontbrekend = list(
                Samenwerkingsverband.objects.filter(
                    wijk__gebied=terugkoppeling.gebied, soort=VerbandSoort.MULTIDISCIPLINAIR
                ).exclude(pk__in=[r.verband_id for r in regels])
            )
        return super().get_context_data(
            terugkoppeling=terugkoppeling,
            regels=regels,
            mag_wijzigen=mag_wijzigen,
            mag_resv=user.has_perm("samenwerking.resv_gebiedterugkoppeling", terugkoppeling),
            ontbrekend=ontbrekend,
            **kwargs,
        )


class TerugkoppelingSamenvattingView(ServiceFoutenMixin, FormView):
    """Edit the summary of a concept."""

    template_name = "samenwerking/terugkoppeling_regel_form.html"
    form_class = TerugkoppelingSamenvattingForm

    def dispatch(self, request, *args, **kwargs):
        self.terugkoppeling = _terugkoppeling_met_recht(
            request, kwargs["pk"], "samenwerking.change_gebiedterugkoppeling"
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.terugkoppeling}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            terugkoppeling=self.terugkoppeling, titel=_("Samenvatting wijzigen"), **kwargs
        )

    def uitvoeren(self, form):
        services.terugkoppeling_wijzigen(
            terugkoppeling=self.terugkoppeling,
            samenvatting=form.cleaned_data["samenvatting"],
            door=self.request.user,
        )
        messages.success(self.request, _("De samenvatting is opgeslagen."))
        return HttpResponseRedirect(_detail_url(self.terugkoppeling.pk))


class TerugkoppelingRegelToevoegenView(ServiceFoutenMixin, FormView):
    """Add the line of a WSV of the gebied that has none."""

    template_name = "samenwerking/terugkoppeling_regel_form.html"
    form_class = TerugkoppelingRegelToevoegenForm

    def dispatch(self, request, *args, **kwargs):
        self.terugkoppeling = _terugkoppeling_met_recht(
            request, kwargs["pk"], "samenwerking.change_gebiedterugkoppeling"
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["verbanden"] = (
            Samenwerkingsverband.objects.filter(
                wijk__gebied=self.terugkoppeling.gebied, soort=VerbandSoort.MULTIDISCIPLINAIR
            )
            .exclude(pk__in=self.terugkoppeling.regels.values("verband"))
            .order_by("naam")
        )
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            terugkoppeling=self.terugkoppeling, titel=_("Regel toevoegen"), **kwargs
        )

    def uitvoeren(self, form):
        services.terugkoppelingregel_toevoegen(
            terugkoppeling=self.terugkoppeling, door=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, _("De regel is toegevoegd."))
        return HttpResponseRedirect(_detail_url(self.terugkoppeling.pk))


class TerugkoppelingRegelUpdateView(ServiceFoutenMixin, FormView):
    """Edit the findings and actions of one WSV before sending."""

    template_name = "samenwerking/terugkoppeling_regel_form.html"
    form_class = TerugkoppelingRegelForm

    def dispatch(self, request, *args, **kwargs):
        self.regel = _regel_met_recht(request, kwargs["pk"], "samenwerking.change_gebiedterugkoppeling")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.regel}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            terugkoppeling=self.regel.terugkoppeling,
            regel=self.regel,
            titel=_("%(verband)s wijzigen") % {"verband": self.regel.verband.naam},
            **kwargs,
        )

    def uitvoeren(self, form):
        services.terugkoppelingregel_wijzigen(regel=self.regel, door=self.request.user, **form.cleaned_data)
        messages.success(
            self.request, _("De regel van %(verband)s is opgeslagen.") % {"verband": self.regel.verband.naam}
        )
        return HttpResponseRedirect(_detail_url(self.regel.terugkoppeling_id) + f"#regel-{self.regel.pk}")


def _bevestigen(request, *, titel: str, tekst: str, knop: str, gevaar: bool, terug: str):
    """The page that asks "are you sure?" before a step that cannot be undone; its form POSTs to the
    same URL (works without JavaScript)."""
    return render(
        request,
        "samenwerking/bevestigen.html",
        {"titel": titel, "tekst": tekst, "knop": knop, "gevaar": gevaar, "terug": terug},
    )


class TerugkoppelingRegelVerwijderenView(View):
    """GET: ask for confirmation; POST: remove a line from a concept."""

    def get(self, request, pk: int):
        regel = _regel_met_recht(request, pk, "samenwerking.change_gebiedterugkoppeling")
        return _bevestigen(
            request,
            titel=_("Regel van %(verband)s verwijderen?") % {"verband": regel.verband.naam},
            tekst=_(
                "De bevindingen en acties van %(verband)s verdwijnen uit deze terugkoppeling. "
                "U kunt de regel daarna opnieuw toevoegen, maar wat u erin schreef is dan weg."
            )
            % {"verband": regel.verband.naam},
            knop=_("Regel verwijderen"),
            gevaar=True,
            terug=_detail_url(regel.terugkoppeling_id) + f"#regel-{regel.pk}",
        )

    def post(self, request, pk: int):
        regel = _regel_met_recht(request, pk, "samenwerking.change_gebiedterugkoppeling")
        try:
            services.terugkoppelingregel_verwijderen(regel=regel, door=request.user)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(
                request, _("De regel van %(verband)s is verwijderd.") % {"verband": regel.verband.naam}
            )
        return HttpResponseRedirect(_detail_url(regel.terugkoppeling_id))


class TerugkoppelingVerzendenView(View):
    """GET: ask for confirmation; POST: send the concept to the projectleider (read-only afterwards)."""

    def get(self, request, pk: int):
        terugkoppeling = _terugkoppeling_met_recht(request, pk, "samenwerking.change_gebiedterugkoppeling")
        aantal = terugkoppeling.regels.count()
        return _bevestigen(
            request,
            titel=_("Terugkoppeling %(gebied)s verzenden?") % {"gebied": terugkoppeling.gebied.naam},
            tekst=ngettext(
                "De projectleider krijgt een e-mail en ziet de terugkoppeling met %(n)d regel. "
                "Daarna kunt u de terugkoppeling niet meer wijzigen.",
                "De projectleider krijgt een e-mail en ziet de terugkoppeling met %(n)d regels. "
                "Daarna kunt u de terugkoppeling niet meer wijzigen.",
                aantal,
            )
            % {"n": aantal},
            knop=_("Verzenden naar de projectleider"),
            gevaar=False,
            terug=_detail_url(terugkoppeling.pk),
        )

    def post(self, request, pk: int):
        terugkoppeling = _terugkoppeling_met_recht(request, pk, "samenwerking.change_gebiedterugkoppeling")
        try:
            services.terugkoppeling_verzenden(terugkoppeling=terugkoppeling, door=request.user)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(
                request, _("De terugkoppeling is verzonden; de projectleider krijgt een e-mail.")
            )
        return HttpResponseRedirect(_detail_url(terugkoppeling.pk))


class TerugkoppelingResvView(ServiceFoutenMixin, FormView):
    """The projectleider marks a line for the RESV and records the RESV date and outcome."""

    template_name = "samenwerking/terugkoppeling_regel_form.html"
    form_class = ResvForm

    def dispatch(self, request, *args, **kwargs):
        self.regel = _regel_met_recht(request, kwargs["pk"], "samenwerking.resv_gebiedterugkoppeling")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.regel}

    def _terug(self) -> str:
        volgende = self.request.POST.get("volgende") or self.request.GET.get("volgende") or ""
        if url_has_allowed_host_and_scheme(volgende, allowed_hosts={self.request.get_host()}):
            return volgende
        return _detail_url(self.regel.terugkoppeling_id) + f"#regel-{self.regel.pk}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            terugkoppeling=self.regel.terugkoppeling,
            regel=self.regel,
            titel=_("RESV: %(verband)s") % {"verband": self.regel.verband.naam},
            volgende=self._terug(),
            **kwargs,
        )

    def uitvoeren(self, form):
        services.terugkoppelingregel_resv_bijwerken(
            regel=self.regel, door=self.request.user, **form.cleaned_data
        )
        messages.success(
            self.request,
            _("De RESV-keuze voor %(verband)s is opgeslagen.") % {"verband": self.regel.verband.naam},
        )
        return HttpResponseRedirect(self._terug())


class TerugkoppelingOverzichtView(TemplateView):
    """All gebieden's terugkoppelingen over one period side by side, for the projectleider's RESV."""

    template_name = "samenwerking/terugkoppeling_overzicht.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        if not user.has_perm("samenwerking.view_terugkoppeling_overzicht"):
            raise PermissionDenied
        perioden = selectors.terugkoppeling_perioden(user=user)
        periode = _periode_uit(self.request)
        if periode is None or periode not in perioden:
            periode = perioden[0] if perioden else None
        kolommen = selectors.terugkoppelingen_naast_elkaar(user=user, periode=periode) if periode else []
        ontvangen = [k for k in kolommen if k.terugkoppeling]
        for kolom in ontvangen:
            kolom.mag_resv = user.has_perm("samenwerking.resv_gebiedterugkoppeling", kolom.terugkoppeling)
        return super().get_context_data(
            perioden=[(_periode_param(van, tot), van, tot) for van, tot in perioden],
            periode=periode,
            periode_param=_periode_param(*periode) if periode else "",
            kolommen=kolommen,
            aantal_ontvangen=len(ontvangen),
            aantal_resv=sum(r.naar_resv for k in ontvangen for r in k.terugkoppeling.regels.all()),
            nog_niet_ontvangen=[k for k in kolommen if not k.terugkoppeling],
            **kwargs,
        )


class ResvExportView(View):
    """The lines marked for the RESV over a period, as an Excel file."""

    def get(self, request):
        if not request.user.has_perm("samenwerking.view_terugkoppeling_overzicht"):
            raise PermissionDenied
        periode = _periode_uit(request)
        if periode is None:
            perioden = selectors.terugkoppeling_perioden(user=request.user)
            periode = perioden[0] if perioden else None
        regels = selectors.resv_selectie(user=request.user, periode=periode) if periode else []
        return xlsx_response(
            koppen=[
                _("Gebied"),
                _("Wijksamenwerkingsverband"),
                _("Wijk"),
                _("Bevindingen"),
                _("Acties"),
                _("Besproken in RESV op"),
                _("Uitkomst RESV"),
            ],
            rijen=[
                [
                    r.terugkoppeling.gebied.naam,
                    r.verband.naam,
                    r.verband.wijk.naam,
                    r.bevindingen,
                    r.acties,
                    r.resv_besproken_op,
                    r.resv_uitkomst,
                ]
                for r in regels
            ],
            naam=f"resv-selectie-{periode[0]:%Y-%m-%d}-{periode[1]:%Y-%m-%d}" if periode else "resv-selectie",
            blad=_("RESV-selectie"),
        )
