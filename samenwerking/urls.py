from django.urls import path

from . import views
from .overleggen import urls as overleg_urls

app_name = "samenwerking"

urlpatterns = [
    path("verbanden/", views.VerbandListView.as_view(), name="verband-list"),
    path("verbanden/<int:pk>/", views.VerbandDetailView.as_view(), name="verband-detail"),
    path("verbanden/<int:pk>/stappen/<int:stap_pk>/", views.StapView.as_view(), name="verband-stap"),
    path("verbanden/<int:pk>/nieuwe-cyclus/", views.CyclusStartenView.as_view(), name="verband-cyclus"),
    path("verbanden/<int:pk>/afspraken/nieuw/", views.AfspraakCreateView.as_view(), name="afspraak-create"),
    path("afspraken/", views.AfspraakListView.as_view(), name="afspraak-list"),
    path(
        "afspraken/export.xlsx", views.AfspraakExportView.as_view(formaat="xlsx"), name="afspraak-export-xlsx"
    ),
    path("afspraken/export.csv", views.AfspraakExportView.as_view(formaat="csv"), name="afspraak-export-csv"),
    path("afspraken/<int:pk>/", views.AfspraakDetailView.as_view(), name="afspraak-detail"),
    path("afspraken/<int:pk>/wijzigen/", views.AfspraakUpdateView.as_view(), name="afspraak-update"),
    path("afspraken/<int:pk>/evalueren/", views.EvaluatieCreateView.as_view(), name="afspraak-evalueren"),
    path("uitvoering/<int:pk>/", views.UitvoeringUpdateView.as_view(), name="uitvoering-update"),
    # --- Samenstelling (WSV) ---
    path("verbanden/<int:pk>/samenstelling/", views.SamenstellingView.as_view(), name="samenstelling"),
    path(
        "verbanden/<int:pk>/samenstelling/benoemen/",
        views.AfgevaardigdeBenoemenView.as_view(),
        name="afgevaardigde-benoemen",
    ),
    path(
        "afgevaardigden/<int:pk>/vervangen/",
        views.AfgevaardigdeVervangenView.as_view(),
        name="afgevaardigde-vervangen",
    ),
    path(
        "afgevaardigden/<int:pk>/beeindigen/",
        views.AfgevaardigdeBeeindigenView.as_view(),
        name="afgevaardigde-beeindigen",
    ),
    # --- Terugkoppeling (Check/Act) ---
    path("terugkoppelingen/", views.TerugkoppelingListView.as_view(), name="terugkoppeling-list"),
    path("terugkoppelingen/nieuw/", views.TerugkoppelingCreateView.as_view(), name="terugkoppeling-create"),
    path(
        "terugkoppelingen/naast-elkaar/",
        views.TerugkoppelingOverzichtView.as_view(),
        name="terugkoppeling-overzicht",
    ),
    path("terugkoppelingen/resv-selectie.xlsx", views.ResvExportView.as_view(), name="resv-export"),
    path(
        "terugkoppelingen/<int:pk>/", views.TerugkoppelingDetailView.as_view(), name="terugkoppeling-detail"
    ),
    path(
        "terugkoppelingen/<int:pk>/samenvatting/",
        views.TerugkoppelingSamenvattingView.as_view(),
        name="terugkoppeling-samenvatting",
    ),
    path(
        "terugkoppelingen/<int:pk>/verzenden/",
        views.TerugkoppelingVerzendenView.as_view(),
        name="terugkoppeling-verzenden",
    ),
    path(
        "terugkoppelingen/<int:pk>/regels/nieuw/",
        views.TerugkoppelingRegelToevoegenView.as_view(),
        name="terugkoppelingregel-create",
    ),
    path(
        "terugkoppelingsregels/<int:pk>/wijzigen/",
        views.TerugkoppelingRegelUpdateView.as_view(),
        name="terugkoppelingregel-update",
    ),
    path(
        "terugkoppelingsregels/<int:pk>/verwijderen/",
        views.TerugkoppelingRegelVerwijderenView.as_view(),
        name="terugkoppelingregel-delete",
    ),
    path(
        "terugkoppelingsregels/<int:pk>/resv/",
        views.TerugkoppelingResvView.as_view(),
        name="terugkoppelingregel-resv",
    ),
    # --- Overleggen (issue 4): samenwerking/overleggen/urls.py ---
    *overleg_urls.urlpatterns,
]
