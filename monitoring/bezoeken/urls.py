"""URLs of the praktijkbezoeken, included by monitoring/urls.py (namespace "monitoring")."""

from django.urls import path

from . import views

urlpatterns = [
    path("bezoeken/", views.BezoekListView.as_view(), name="bezoek-list"),
    path(
        "praktijken/<int:praktijk>/bezoek-plannen/", views.BezoekPlannenView.as_view(), name="bezoek-plannen"
    ),
    path("bezoeken/<int:pk>/", views.BezoekDetailView.as_view(), name="bezoek-detail"),
    path("bezoeken/<int:pk>/verslag/", views.BezoekVerslagView.as_view(), name="bezoek-verslag"),
    path("bezoeken/<int:pk>/delen/", views.BezoekDelenView.as_view(), name="bezoek-delen"),
    path("bezoeken/<int:pk>/gezien/", views.BezoekGezienView.as_view(), name="bezoek-gezien"),
    path("bezoeken/<int:pk>/uitnodiging.ics", views.BezoekIcsView.as_view(), name="bezoek-ics"),
    path("bezoeken/<int:pk>/wijzigen/", views.BezoekWijzigenView.as_view(), name="bezoek-wijzigen"),
    path("bezoeken/<int:pk>/annuleren/", views.BezoekAnnulerenView.as_view(), name="bezoek-annuleren"),
    path("bezoeken/<int:pk>/uitnodigen/", views.BezoekUitnodigenView.as_view(), name="bezoek-uitnodigen"),
]
