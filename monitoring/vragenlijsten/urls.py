"""URLs of the vragenlijsten, included by monitoring/urls.py (namespace "monitoring")."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.MonitoringView.as_view(), name="index"),
    path("vragenlijsten/<int:pk>/", views.VragenlijstDetailView.as_view(), name="vragenlijst-detail"),
    path(
        "rondes/<int:ronde>/praktijken/<int:praktijk>/",
        views.ResponsInvullenView.as_view(),
        name="respons-invullen",
    ),
    path("responsen/<int:pk>/", views.ResponsDetailView.as_view(), name="respons-detail"),
    path("rondes/<int:pk>/resultaten/", views.ResultatenView.as_view(), name="resultaten"),
    path("rondes/<int:pk>/resultaten.xlsx", views.ResultatenExportView.as_view(), name="resultaten-export"),
    path("rondes/<int:pk>/import/", views.ImportView.as_view(), name="import"),
    path(
        "rondes/<int:pk>/import/sjabloon.<slug:formaat>",
        views.ImportSjabloonView.as_view(),
        name="import-sjabloon",
    ),
]
