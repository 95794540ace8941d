from django.urls import path

from . import views

app_name = "monitoring"

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
    path("bezoeken/", views.BezoekListView.as_view(), name="bezoek-list"),
    path(
        "praktijken/<int:praktijk>/bezoek-plannen/", views.BezoekPlannenView.as_view(), name="bezoek-plannen"
    ),
    path("bezoeken/<int:pk>/", views.BezoekDetailView.as_view(), name="bezoek-detail"),
    path("bezoeken/<int:pk>/verslag/", views.BezoekVerslagView.as_view(), name="bezoek-verslag"),
    path("bezoeken/<int:pk>/delen/", views.BezoekDelenView.as_view(), name="bezoek-delen"),
    path("bezoeken/<int:pk>/gezien/", views.BezoekGezienView.as_view(), name="bezoek-gezien"),
    path("bezoeken/<int:pk>/uitnodiging.ics", views.BezoekIcsView.as_view(), name="bezoek-ics"),
    path("bezoeken/<int:pk>/uitnodigen/", views.BezoekUitnodigenView.as_view(), name="bezoek-uitnodigen"),
]
