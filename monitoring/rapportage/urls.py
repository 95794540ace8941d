from django.urls import path

from . import views

app_name = "rapportage"

urlpatterns = [
    path("", views.RapportageListView.as_view(), name="list"),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("planning/", views.RapportagePlanningView.as_view(), name="planning"),
    path("aanvragen/", views.RapportageAanvragenView.as_view(), name="aanvragen"),
    path("<int:pk>/", views.RapportageDetailView.as_view(), name="detail"),
    path("<int:pk>/download/", views.RapportageDownloadView.as_view(), name="download"),
    path("<int:pk>/beoordelen/", views.RapportageActieView.as_view(actie="beoordelen"), name="beoordelen"),
    path("<int:pk>/definitief/", views.RapportageActieView.as_view(actie="definitief"), name="definitief"),
    path("<int:pk>/opnieuw-maken/", views.RapportageOpnieuwView.as_view(), name="opnieuw"),
    path("<int:pk>/delen/", views.RapportageActieView.as_view(actie="delen"), name="delen"),
]
