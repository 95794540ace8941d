"""URLs of the WSV-overleggen, in the ``samenwerking`` namespace (included by samenwerking/urls.py)."""

from django.urls import path

from . import views

_actie = views.OverlegActieView.as_view

urlpatterns = [
    path("verbanden/<int:pk>/overleggen/", views.OverlegListView.as_view(), name="overleg-list"),
    path("verbanden/<int:pk>/overleggen/plannen/", views.OverlegCreateView.as_view(), name="overleg-create"),
    path("overleggen/<int:pk>/", views.OverlegDetailView.as_view(), name="overleg-detail"),
    path("overleggen/<int:pk>/wijzigen/", views.OverlegUpdateView.as_view(), name="overleg-update"),
    path("overleggen/<int:pk>/annuleren/", views.OverlegAnnulerenView.as_view(), name="overleg-annuleren"),
    path("overleggen/<int:pk>/agenda/", _actie(actie="agenda"), name="overleg-agenda"),
    path("overleggen/<int:pk>/aanwezigheid/", _actie(actie="aanwezigheid"), name="overleg-aanwezigheid"),
    path("overleggen/<int:pk>/deelnemers/", _actie(actie="deelnemer"), name="overleg-deelnemer"),
    path("overleggen/<int:pk>/notulen/", _actie(actie="notulen"), name="overleg-notulen"),
    path("overleggen/<int:pk>/besluiten/", _actie(actie="besluit"), name="overleg-besluit"),
    path("overleggen/<int:pk>/actiepunten/", _actie(actie="actiepunt"), name="overleg-actiepunt"),
    path("overleggen/<int:pk>/knelpunten/", _actie(actie="knelpunt"), name="overleg-knelpunt"),
    path("overleggen/<int:pk>/gehouden/", _actie(actie="gehouden"), name="overleg-gehouden"),
    path("overleggen/<int:pk>/definitief/", _actie(actie="definitief"), name="overleg-definitief"),
    path("overleggen/<int:pk>/pdf-maken/", views.NotulenPdfAanvragenView.as_view(), name="overleg-pdf"),
    path(
        "overleggen/<int:pk>/uitnodiging-versturen/", _actie(actie="uitnodiging"), name="overleg-uitnodiging"
    ),
    path("overleggen/<int:pk>/notulen.pdf", views.NotulenDownloadView.as_view(), name="overleg-notulen-pdf"),
    path("overleggen/<int:pk>/uitnodiging.ics", views.UitnodigingIcsView.as_view(), name="overleg-ics"),
    path("actiepunten/<int:pk>/afronden/", views.ActiepuntAfrondenView.as_view(), name="actiepunt-afronden"),
]
