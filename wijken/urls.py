"""URLs of the sociale kaart. The ``wijken`` namespace also holds the pages that show the verbanden per
wijk, praktijk and gebied (samenwerking/wijkoverzicht/urls.py); the project url module composes both."""

from django.urls import path

from . import views

app_name = "wijken"

urlpatterns = [
    path("wijken/<int:pk>/sociale-kaart/", views.SocialeKaartView.as_view(), name="sociale-kaart"),
    path(
        "wijken/<int:pk>/sociale-kaart/export.xlsx",
        views.SocialeKaartExportView.as_view(),
        name="sociale-kaart-export",
    ),
]
