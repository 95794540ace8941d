"""URLs of the wijkplannen, included by monitoring/urls.py (namespace "monitoring")."""

from django.urls import path

from . import views

urlpatterns = [
    path("wijkplannen/", views.WijkplanListView.as_view(), name="wijkplan-list"),
    path("wijkplannen/regio/", views.WijkplanRegioView.as_view(), name="wijkplan-regio"),
    path("wijkplannen/cbs-import/", views.CbsImportView.as_view(), name="wijkplan-cbs-import"),
    path("wijkplannen/starten/", views.WijkplanStartView.as_view(), name="wijkplan-starten"),
    path("wijkplannen/<int:pk>/", views.WijkplanDetailView.as_view(), name="wijkplan-detail"),
    path(
        "wijkplannen/<int:pk>/pdf-maken/", views.WijkplanPdfAanvragenView.as_view(), name="wijkplan-pdf-maken"
    ),
    path("wijkplannen/<int:pk>/wijkplan.pdf", views.WijkplanPdfDownloadView.as_view(), name="wijkplan-pdf"),
    path("wijkplannen/<int:pk>/wijkscan/", views.WijkscanView.as_view(), name="wijkplan-scan"),
    path(
        "wijkplannen/<int:pk>/vaststellen/",
        views.WijkplanVaststellenView.as_view(),
        name="wijkplan-vaststellen",
    ),
    path(
        "wijkplannen/<int:pk>/volgend-jaar/", views.WijkplanKopierenView.as_view(), name="wijkplan-kopieren"
    ),
    path(
        "wijkplannen/overleggen/<int:overleg>/vaststellen/",
        views.OverlegVaststellenView.as_view(),
        name="wijkplan-overleg-vaststellen",
    ),
    path(
        "wijkplannen/doelen/<int:pk>/evaluatie/", views.DoelEvaluerenView.as_view(), name="wijkplan-evaluatie"
    ),
]
