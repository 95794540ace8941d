"""URLs of the SMART-afspraken, in the ``samenwerking`` namespace (included by samenwerking/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
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
]
