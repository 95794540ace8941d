"""Views of the WSV-overleggen: thin; reads in selectors.py, writes in services.py.

Meetings outside ``zichtbaar_voor(user)`` give 404; visible meetings the user may not change give 403
(``samenwerking.change_overleg``: the gebiedsmanager of the gebied and the beheerder).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from zio_portal.achtergrond import Status, bestand_response
from zio_portal.export import ics_response
from zio_portal.forms import ServiceFoutenMixin, fouten_naar_formulier

from ..constants import Aanwezig, ActiepuntStatus, OverlegStatus, VerzendSoort
from ..models import Actiepunt, Overleg
from . import selectors, services
from .forms import (
    AanwezigheidForm,
    ActiepuntForm,
    AgendaActieForm,
    AgendapuntForm,
    BesluitForm,
    DeelnemerForm,
    DeelnemerVerwijderenForm,
    KnelpuntForm,
    NotulenForm,
    OverlegForm,
    TerugForm,
)
from .ics import overleg_ics


def _overleg_voor_wijziging(request, pk: int) -> Overleg:
    overleg = selectors.overleg_get(user=request.user, pk=pk)
    if not request.user.has_perm("samenwerking.change_overleg", overleg):
        raise PermissionDenied
    return overleg


def _detail_url(overleg: Overleg, anker: str = "") -> str:
    return reverse("samenwerking:overleg-detail", args=[overleg.pk]) + (f"#{anker}" if anker else "")


class OverlegListView(TemplateView):
    """All meetings of one WSV, newest first."""

    template_name = "samenwerking/overleg/list.html"

    def get_context_data(self, **kwargs):
        verband = selectors.wsv_get(user=self.request.user, pk=self.kwargs["pk"])
        return super().get_context_data(
            verband=verband,
            overleggen=selectors.overleg_list(verband=verband),
            mag_wijzigen=self.request.user.has_perm("samenwerking.change_samenwerkingsverband", verband),
            vandaag=timezone.localdate(),
            **kwargs,
        )


class OverlegCreateView(ServiceFoutenMixin, FormView):
    """Plan a meeting; the agenda is pre-filled and the delegates can get the invitation at once."""

    template_name = "samenwerking/overleg/form.html"
    form_class = OverlegForm

    def dispatch(self, request, *args, **kwargs):
        self.verband = selectors.wsv_get(user=request.user, pk=kwargs["pk"])
        if not request.user.has_perm("samenwerking.change_samenwerkingsverband", self.verband):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {
            "overlegvorm": self.verband.overlegvorm or "",
            "locatie": f"Wijkcentrum {self.verband.wijk.naam}",
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "verband": self.verband}

    def get_context_data(self, **kwargs):
        return super().get_context_data(verband=self.verband, **kwargs)

    def uitvoeren(self, form):
        overleg = services.overleg_plannen(
            verband=self.verband,
            data=form.cleaned_data,
            door=self.request.user,
            uitnodigen=form.cleaned_data.get("uitnodigen", False),
        )
        messages.success(self.request, _("Het overleg is gepland; de agenda is alvast gevuld."))
        if form.cleaned_data.get("uitnodigen"):
            messages.info(self.request, _("De uitnodiging gaat per e-mail naar de afgevaardigden."))
        return HttpResponseRedirect(_detail_url(overleg))


class OverlegUpdateView(ServiceFoutenMixin, FormView):
    """Move a planned meeting (date, time, form, place); a sent invitation can then be sent again."""

    template_name = "samenwerking/overleg/form.html"
    form_class = OverlegForm

    def dispatch(self, request, *args, **kwargs):
        self.overleg = _overleg_voor_wijziging(request, kwargs["pk"])
        if self.overleg.notulen_definitief_op:
            messages.warning(request, _("De notulen zijn definitief; het overleg ligt vast."))
            return HttpResponseRedirect(_detail_url(self.overleg))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.overleg, "met_uitnodiging": False}

    def get_context_data(self, **kwargs):
        return super().get_context_data(verband=self.overleg.verband, overleg=self.overleg, **kwargs)

    def uitvoeren(self, form):
        services.overleg_wijzigen(overleg=self.overleg, data=form.cleaned_data, door=self.request.user)
        messages.success(self.request, _("Het overleg is gewijzigd."))
        return HttpResponseRedirect(_detail_url(self.overleg))


class OverlegAnnulerenView(View):
    """Call a planned meeting off, after a confirmation page; the invitees get a cancellation."""

    template_name = "samenwerking/overleg/annuleren.html"

    def dispatch(self, request, *args, **kwargs):
        self.overleg = _overleg_voor_wijziging(request, kwargs["pk"])
        if self.overleg.notulen_definitief_op or self.overleg.status != OverlegStatus.GEPLAND:
            messages.warning(request, _("Alleen een gepland overleg kan worden geannuleerd."))
            return HttpResponseRedirect(_detail_url(self.overleg))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk: int) -> HttpResponse:
        context = {
            "overleg": self.overleg,
            "verband": self.overleg.verband,
            "uitgenodigd": self.overleg.verzendingen.filter(soort=VerzendSoort.UITNODIGING).exists(),
        }
        return render(request, self.template_name, context)

    def post(self, request, pk: int) -> HttpResponse:
        try:
            services.overleg_annuleren(overleg=self.overleg, door=request.user)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(
                request, _("Het overleg is geannuleerd; wie de uitnodiging had, krijgt de annulering.")
            )
        return HttpResponseRedirect(_detail_url(self.overleg))


def detail_context(request, overleg: Overleg, **formulieren) -> dict:
    """Everything the meeting page shows; bound forms with errors can be passed in."""
    mag_wijzigen = request.user.has_perm("samenwerking.change_overleg", overleg)
    bewerkbaar = mag_wijzigen and not overleg.notulen_definitief_op
    afgevaardigden = selectors.afgevaardigden_op(verband=overleg.verband, datum=overleg.datum)
    per_afgevaardigde = {a.afgevaardigde_id: a for a in overleg.aanwezigheid.all() if a.afgevaardigde_id}
    context = {
        "overleg": overleg,
        "verband": overleg.verband,
        "mag_wijzigen": mag_wijzigen,
        "bewerkbaar": bewerkbaar,
        "vandaag": timezone.localdate(),
        "aanwezigheid": [(a, per_afgevaardigde.get(a.pk)) for a in afgevaardigden],
        "deelnemers": [a for a in overleg.aanwezigheid.all() if not a.afgevaardigde_id],
        "aanwezig_keuzes": Aanwezig.choices,
        "overgenomen": selectors.overgenomen_actiepunten(overleg=overleg),
        "open_elders": selectors.open_actiepunten_elders(overleg=overleg) if mag_wijzigen else [],
        "pdf": services.notulen_pdf_van(overleg),
        "pdf_lopend": _pdf_lopend(overleg),
        "ontvangers": selectors.ontvangers(overleg=overleg),
    }
    if bewerkbaar:
        context.update(
            agendapunt_form=formulieren.get("agendapunt_form") or AgendapuntForm(),
            deelnemer_form=formulieren.get("deelnemer_form") or DeelnemerForm(),
            besluit_form=formulieren.get("besluit_form") or BesluitForm(overleg=overleg),
            actiepunt_form=formulieren.get("actiepunt_form")
            or ActiepuntForm(overleg=overleg, keuzes=selectors.eigenaar_keuzes(overleg=overleg)),
            knelpunt_form=formulieren.get("knelpunt_form") or KnelpuntForm(),
            notulen_form=formulieren.get("notulen_form") or NotulenForm(overleg=overleg),
        )
    return context


def _pdf_lopend(overleg: Overleg) -> bool:
    pdf = services.notulen_pdf_van(overleg)
    return bool(pdf and pdf.lopend)


class OverlegDetailView(View):
    """The meeting: agenda, attendance, notulen, besluiten, actiepunten, knelpunten, the PDF.

    With htmx, ``?deel=pdf`` gives only the PDF status (polled while the worker renders)."""

    def get(self, request, pk: int) -> HttpResponse:
        overleg = selectors.overleg_get(user=request.user, pk=pk)
        template = "samenwerking/overleg/detail.html"
        if request.headers.get("HX-Request") and request.GET.get("deel") == "pdf":
            context = {
                "overleg": overleg,
                "pdf": services.notulen_pdf_van(overleg),
                "pdf_lopend": _pdf_lopend(overleg),
                "mag_wijzigen": request.user.has_perm("samenwerking.change_overleg", overleg),
            }
            return render(request, template + "#pdf", context)
        return render(request, template, detail_context(request, overleg))


class OverlegActieView(View):
    """POST-only actions of the gebiedsmanager on a meeting; each calls one service.

    Invalid input re-renders the meeting page with the message next to the field and the input kept.
    With htmx, agenda changes answer with the agenda partial only."""

    actie = ""

    def post(self, request, pk: int) -> HttpResponse:
        overleg = _overleg_voor_wijziging(request, pk)
        handler = getattr(self, "actie_" + self.actie.replace("-", "_"))
        try:
            return handler(request, overleg)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
            return HttpResponseRedirect(_detail_url(overleg))

    def _opnieuw(self, request, overleg: Overleg, **formulieren) -> HttpResponse:
        overleg = selectors.overleg_get(user=request.user, pk=overleg.pk)
        messages.error(request, _("Niet opgeslagen: controleer de invoer hieronder."))
        return render(
            request, "samenwerking/overleg/detail.html", detail_context(request, overleg, **formulieren)
        )

    def _agenda_antwoord(self, request, overleg: Overleg, form=None, fout: str = "") -> HttpResponse:
        if request.headers.get("HX-Request"):
            overleg = selectors.overleg_get(user=request.user, pk=overleg.pk)
            context = detail_context(request, overleg, agendapunt_form=form)
            return render(
                request, "samenwerking/overleg/detail.html#agenda", {**context, "agenda_fout": fout}
            )
        if form is not None:
            return self._opnieuw(request, overleg, agendapunt_form=form)
        if fout:
            messages.error(request, fout)
        return HttpResponseRedirect(_detail_url(overleg, "agenda"))

    # --- agenda
    def actie_agenda(self, request, overleg: Overleg) -> HttpResponse:
        if request.POST.get("wat", "toevoegen") == "toevoegen":
            form = AgendapuntForm(request.POST)
            if not form.is_valid():
                return self._agenda_antwoord(request, overleg, form)
            services.agendapunt_toevoegen(overleg=overleg, **form.cleaned_data)
            return self._agenda_antwoord(request, overleg)
        actie = AgendaActieForm(request.POST, overleg=overleg)
        if not actie.is_valid():
            fout = " ".join(str(f) for fouten in actie.errors.values() for f in fouten)
            return self._agenda_antwoord(request, overleg, fout=fout)
        punt, wat = actie.cleaned_data["agendapunt"], actie.cleaned_data["wat"]
        try:
            if wat == "verwijderen":
                services.agendapunt_verwijderen(agendapunt=punt)
            else:
                services.agendapunt_verplaatsen(agendapunt=punt, richting=wat)
        except ValidationError as e:
            return self._agenda_antwoord(request, overleg, fout=" ".join(e.messages))
        return self._agenda_antwoord(request, overleg)

    # --- attendance
    def actie_aanwezigheid(self, request, overleg: Overleg) -> HttpResponse:
        afgevaardigden = selectors.afgevaardigden_op(verband=overleg.verband, datum=overleg.datum)
        form = AanwezigheidForm(request.POST, afgevaardigden=afgevaardigden)
        if not form.is_valid():
            messages.error(
                request, _("Niet opgeslagen: kies per afgevaardigde aanwezig, afwezig of afgemeld.")
            )
            return HttpResponseRedirect(_detail_url(overleg, "aanwezigheid"))
        services.aanwezigheid_vastleggen(overleg=overleg, statussen=form.statussen())
        messages.success(request, _("De aanwezigheid is opgeslagen."))
        return HttpResponseRedirect(_detail_url(overleg, "aanwezigheid"))

    def actie_deelnemer(self, request, overleg: Overleg) -> HttpResponse:
        if "verwijderen" in request.POST:
            verwijderen = DeelnemerVerwijderenForm(request.POST, overleg=overleg)
            if not verwijderen.is_valid():
                messages.error(request, " ".join(verwijderen.errors["verwijderen"]))
                return HttpResponseRedirect(_detail_url(overleg, "aanwezigheid"))
            services.deelnemer_verwijderen(aanwezigheid=verwijderen.cleaned_data["verwijderen"])
            return HttpResponseRedirect(_detail_url(overleg, "aanwezigheid"))
        form = DeelnemerForm(request.POST)
        if not form.is_valid():
            return self._opnieuw(request, overleg, deelnemer_form=form)
        services.deelnemer_toevoegen(overleg=overleg, **form.cleaned_data)
        messages.success(request, _("De deelnemer is toegevoegd."))
        return HttpResponseRedirect(_detail_url(overleg, "aanwezigheid"))

    # --- notulen, besluiten, actiepunten, knelpunten
    def actie_notulen(self, request, overleg: Overleg) -> HttpResponse:
        form = NotulenForm(request.POST, overleg=overleg)
        if not form.is_valid():
            return self._opnieuw(request, overleg, notulen_form=form)
        try:
            services.notulen_opslaan(
                overleg=overleg,
                algemeen=form.algemene_notulen(overleg),
                per_agendapunt=form.per_agendapunt(),
                door=request.user,
            )
        except ValidationError as fout:
            if isinstance(fout, services.NotulenLiggenVast):
                raise  # said above the page, not next to a field
            fouten_naar_formulier(form, fout)
            return self._opnieuw(request, overleg, notulen_form=form)
        messages.success(request, _("De notulen zijn opgeslagen."))
        return HttpResponseRedirect(_detail_url(overleg, "notulen"))

    def actie_besluit(self, request, overleg: Overleg) -> HttpResponse:
        form = BesluitForm(request.POST, overleg=overleg)
        if not form.is_valid():
            return self._opnieuw(request, overleg, besluit_form=form)
        punt = next((p for p in overleg.agendapunten.all() if p.pk == form.cleaned_data["agendapunt"]), None)
        services.besluit_toevoegen(overleg=overleg, tekst=form.cleaned_data["tekst"], agendapunt=punt)
        messages.success(request, _("Het besluit is vastgelegd."))
        return HttpResponseRedirect(_detail_url(overleg, "besluiten"))

    def actie_actiepunt(self, request, overleg: Overleg) -> HttpResponse:
        form = ActiepuntForm(request.POST, overleg=overleg, keuzes=selectors.eigenaar_keuzes(overleg=overleg))
        if not form.is_valid():
            return self._opnieuw(request, overleg, actiepunt_form=form)
        services.actiepunt_toevoegen(
            overleg=overleg,
            omschrijving=form.cleaned_data["omschrijving"],
            deadline=form.cleaned_data["deadline"],
            **form.eigenaar_objecten(),
        )
        messages.success(
            request, _("Het actiepunt is toegevoegd; het komt terug op de agenda tot het af is.")
        )
        return HttpResponseRedirect(_detail_url(overleg, "actiepunten"))

    def actie_knelpunt(self, request, overleg: Overleg) -> HttpResponse:
        form = KnelpuntForm(request.POST)
        if not form.is_valid():
            return self._opnieuw(request, overleg, knelpunt_form=form)
        services.knelpunt_melden(overleg=overleg, **form.cleaned_data)
        messages.success(request, _("Het knelpunt of inzicht is vastgelegd."))
        return HttpResponseRedirect(_detail_url(overleg, "knelpunten"))

    # --- status, PDF, invitation
    def actie_gehouden(self, request, overleg: Overleg) -> HttpResponse:
        services.overleg_gehouden(overleg=overleg, door=request.user)
        messages.success(request, _("Het overleg is gemarkeerd als gehouden."))
        return HttpResponseRedirect(_detail_url(overleg))

    def actie_definitief(self, request, overleg: Overleg) -> HttpResponse:
        services.notulen_definitief_maken(overleg=overleg, door=request.user)
        messages.success(
            request,
            _("De notulen zijn definitief. De PDF wordt gemaakt en daarna naar de afgevaardigden gemaild."),
        )
        return HttpResponseRedirect(_detail_url(overleg, "pdf"))

    def actie_uitnodiging(self, request, overleg: Overleg) -> HttpResponse:
        services.uitnodiging_versturen(overleg=overleg)
        messages.success(
            request,
            _("De uitnodiging gaat naar de afgevaardigden; wie hem al kreeg, krijgt hem niet nog eens."),
        )
        return HttpResponseRedirect(_detail_url(overleg))


class NotulenPdfAanvragenView(View):
    """POST: have the worker make the notulen PDF. The gebiedsmanager may make a concept; once the
    notulen are final, every reader may ask for the (missing or failed) PDF: it changes no content."""

    def post(self, request, pk: int) -> HttpResponse:
        overleg = selectors.overleg_get(user=request.user, pk=pk)
        mag_wijzigen = request.user.has_perm("samenwerking.change_overleg", overleg)
        if not (mag_wijzigen or overleg.notulen_definitief_op):
            raise PermissionDenied
        if overleg.status == OverlegStatus.GEPLAND and overleg.datum > timezone.localdate():
            messages.error(
                request, _("Notulen van een overleg in de toekomst kunnen nog niet worden gemaakt.")
            )
        elif services.notulen_pdf_aanvragen(overleg=overleg, opnieuw=False):
            messages.success(request, _("De notulen-PDF wordt gemaakt. Deze pagina werkt zichzelf bij."))
        else:
            messages.info(request, _("De notulen-PDF wordt al gemaakt."))
        return HttpResponseRedirect(_detail_url(overleg, "pdf"))


class ActiepuntAfrondenView(View):
    """POST: mark an action done (from any meeting page of its verband)."""

    def post(self, request, pk: int) -> HttpResponse:
        actie = get_object_or_404(
            Actiepunt.objects.filter(verband__in=selectors.zichtbare_wsvs(user=request.user)).select_related(
                "verband__wijk__gebied"
            ),
            pk=pk,
        )
        if not request.user.has_perm("samenwerking.change_samenwerkingsverband", actie.verband):
            raise PermissionDenied
        if actie.status == ActiepuntStatus.OPEN:
            services.actiepunt_afronden(actiepunt=actie)
            messages.success(request, _("Het actiepunt is afgerond en komt niet meer op de agenda."))
        terug = TerugForm(request.POST)
        terug_pk = terug.cleaned_data["terug"] if terug.is_valid() else None
        overleg = Overleg.objects.filter(verband=actie.verband, pk=terug_pk).first() if terug_pk else None
        if overleg:
            return HttpResponseRedirect(_detail_url(overleg, "actiepunten"))
        return HttpResponseRedirect(reverse("samenwerking:overleg-list", args=[actie.verband_id]))


class NotulenDownloadView(View):
    """Stream the private notulen PDF after the permission check; never a public URL."""

    def get(self, request, pk: int) -> FileResponse:
        overleg = selectors.overleg_get(user=request.user, pk=pk)
        if not request.user.has_perm("samenwerking.view_overleg", overleg):
            raise PermissionDenied
        pdf = services.notulen_pdf_van(overleg)
        if pdf is None or pdf.status != Status.GEREED or not pdf.bestand:
            raise Http404(_("De notulen-PDF is nog niet klaar."))
        naam = f"notulen-{overleg.verband.naam}-{overleg.datum:%Y-%m-%d}.pdf".replace(" ", "-")
        mag_opnieuw = request.user.has_perm("samenwerking.change_overleg", overleg) or bool(
            overleg.notulen_definitief_op
        )
        return bestand_response(
            request,
            pdf,
            bestandsnaam=naam,
            opnieuw_url=reverse("samenwerking:overleg-pdf", args=[overleg.pk]) if mag_opnieuw else None,
            terug_url=reverse("samenwerking:overleg-detail", args=[overleg.pk]),
        )


class UitnodigingIcsView(View):
    """The invitation as .ics (opens in Outlook as a meeting request)."""

    def get(self, request, pk: int) -> HttpResponse:
        overleg = selectors.overleg_get(user=request.user, pk=pk)
        return ics_response(overleg_ics(overleg), bestandsnaam=f"overleg-{overleg.datum:%Y-%m-%d}.ics")
