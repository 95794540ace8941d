"""URLs of the pages that show the verbanden per wijk, praktijk and gebied. They keep their place in
the ``wijken`` namespace: a plain list (no ``app_name``) that the project url module adds to
``wijken.urls``."""

from django.urls import path

from . import views

urlpatterns = [
    path("gebieden/<int:pk>/", views.GebiedOverzichtView.as_view(), name="gebied-overzicht"),
    path("gebieden/<int:pk>/grenspraktijken/", views.GrenspraktijkenView.as_view(), name="grenspraktijken"),
    path("wijken/", views.WijkListView.as_view(), name="wijk-list"),
    path("wijken/<int:pk>/", views.WijkDetailView.as_view(), name="wijk-detail"),
    path(
        "wijken/<int:pk>/inventarisatie/", views.WijkInventarisatieView.as_view(), name="wijk-inventarisatie"
    ),
    path("praktijken/<int:pk>/", views.PraktijkDetailView.as_view(), name="praktijk-detail"),
    path("praktijken/<int:pk>/wijk-toewijzen/", views.WijkToewijzenView.as_view(), name="wijk-toewijzen"),
    path(
        "praktijken/<int:pk>/inventarisatie/",
        views.PraktijkInventarisatieView.as_view(),
        name="praktijk-inventarisatie",
    ),
]
