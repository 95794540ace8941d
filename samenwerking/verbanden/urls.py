"""URLs of the verbanden and their PDCA step plan,
in the ``samenwerking`` namespace (included by samenwerking/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("verbanden/", views.VerbandListView.as_view(), name="verband-list"),
    path("verbanden/<int:pk>/", views.VerbandDetailView.as_view(), name="verband-detail"),
    path("verbanden/<int:pk>/stappen/<int:stap_pk>/", views.StapView.as_view(), name="verband-stap"),
    path("verbanden/<int:pk>/nieuwe-cyclus/", views.CyclusStartenView.as_view(), name="verband-cyclus"),
]
