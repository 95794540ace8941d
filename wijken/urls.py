from django.urls import path

from . import views

app_name = "wijken"

urlpatterns = [
    path("gebieden/<int:pk>/", views.GebiedOverzichtView.as_view(), name="gebied-overzicht"),
    path("wijken/", views.WijkListView.as_view(), name="wijk-list"),
    path("wijken/<int:pk>/", views.WijkDetailView.as_view(), name="wijk-detail"),
    path("wijken/<int:pk>/sociale-kaart/", views.SocialeKaartView.as_view(), name="sociale-kaart"),
    path(
        "wijken/<int:pk>/sociale-kaart/export.xlsx",
        views.SocialeKaartExportView.as_view(),
        name="sociale-kaart-export",
    ),
    path(
        "wijken/<int:pk>/inventarisatie/", views.WijkInventarisatieView.as_view(), name="wijk-inventarisatie"
    ),
    path("praktijken/<int:pk>/", views.PraktijkDetailView.as_view(), name="praktijk-detail"),
    path(
        "praktijken/<int:pk>/inventarisatie/",
        views.PraktijkInventarisatieView.as_view(),
        name="praktijk-inventarisatie",
    ),
]
