"""URLs of the terugkoppeling to the projectleider and the RESV selection,
in the ``samenwerking`` namespace (included by samenwerking/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
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
]
