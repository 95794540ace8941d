"""Views of the sociale kaart of a wijk: partners and their contact people, and its export."""

from django.utils.translation import gettext as _
from django.views.generic import DetailView, View

from zio_portal.export import xlsx_response

from . import selectors


class SocialeKaartView(DetailView):
    """The sociale kaart of a wijk: partners and contact people by beroepsgroep, searchable."""

    template_name = "wijken/sociale_kaart.html"
    context_object_name = "wijk"

    def get_object(self, queryset=None):
        return selectors.wijk_basis_get(user=self.request.user, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        filterset = selectors.sociale_kaart(wijk=self.object, filters=self.request.GET)
        return super().get_context_data(filter=filterset, partners=filterset.qs, **kwargs)


class SocialeKaartExportView(View):
    """The (filtered) sociale kaart as an Excel workbook: one row per contact person."""

    def get(self, request, pk):
        wijk = selectors.wijk_basis_get(user=request.user, pk=pk)
        partners = selectors.sociale_kaart(wijk=wijk, filters=request.GET).qs
        koppen = [
            _("Beroepsgroep"),
            _("Organisatie"),
            _("Adres"),
            _("Postcode"),
            _("Plaats"),
            _("Telefoon"),
            _("E-mail"),
            _("Website"),
            _("Contactpersoon"),
            _("Functie"),
            _("E-mail contact"),
            _("Telefoon contact"),
        ]
        rijen = []
        for p in partners:
            basis = [
                p.get_beroepsgroep_display(),
                p.naam,
                p.straat,
                p.postcode,
                p.plaats,
                p.telefoon,
                p.email,
                p.website,
            ]
            contacten = list(p.contactpersonen.all()) or [None]
            for c in contacten:
                rijen.append(basis + ([c.naam, c.functie, c.email, c.telefoon] if c else ["", "", "", ""]))
        return xlsx_response(
            koppen=koppen, rijen=rijen, naam=f"sociale-kaart-{wijk.naam}", blad=_("Sociale kaart")
        )
