"""URLs of the continuïteit workflow, under /continuiteit/ in the ``samenwerking`` namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("continuiteit/", views.OpvangIndexView.as_view(), name="opvang-index"),
    path("continuiteit/afspraken/", views.OpvangafspraakListView.as_view(), name="opvang-afspraak-list"),
    path(
        "continuiteit/verbanden/<int:pk>/afspraken/nieuw/",
        views.OpvangafspraakCreateView.as_view(),
        name="opvang-afspraak-create",
    ),
    path(
        "continuiteit/afspraken/<int:pk>/wijzigen/",
        views.OpvangafspraakUpdateView.as_view(),
        name="opvang-afspraak-update",
    ),
    path("continuiteit/uitval-melden/", views.UitvalMeldenView.as_view(), name="opvang-melden"),
    path("continuiteit/meldingen/<int:pk>/", views.MeldingDetailView.as_view(), name="opvang-melding-detail"),
    path(
        "continuiteit/meldingen/<int:pk>/antwoorden/",
        views.MeldingAntwoordenView.as_view(),
        name="opvang-melding-antwoorden",
    ),
    path(
        "continuiteit/meldingen/<int:pk>/vragen/",
        views.MeldingVragenView.as_view(),
        name="opvang-melding-vragen",
    ),
    path(
        "continuiteit/meldingen/<int:pk>/periode/",
        views.MeldingPeriodeView.as_view(),
        name="opvang-melding-periode",
    ),
    path(
        "continuiteit/meldingen/<int:pk>/beeindigen/",
        views.MeldingBeeindigenView.as_view(),
        name="opvang-melding-beeindigen",
    ),
    path(
        "continuiteit/meldingen/<int:pk>/evalueren/",
        views.MeldingEvaluerenView.as_view(),
        name="opvang-melding-evalueren",
    ),
    path(
        "continuiteit/verzoeken/<int:pk>/",
        views.VerzoekAntwoordView.as_view(),
        name="opvang-verzoek-antwoord",
    ),
    path("continuiteit/overzicht/", views.OpvangOverzichtView.as_view(), name="opvang-overzicht"),
    path(
        "continuiteit/overzicht/export.xlsx",
        views.OpvangOverzichtExportView.as_view(),
        name="opvang-overzicht-export",
    ),
]
