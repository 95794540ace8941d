"""URLs of the composition of a WSV, in the ``samenwerking`` namespace (included by samenwerking/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("verbanden/<int:pk>/samenstelling/", views.SamenstellingView.as_view(), name="samenstelling"),
    path(
        "verbanden/<int:pk>/samenstelling/benoemen/",
        views.AfgevaardigdeBenoemenView.as_view(),
        name="afgevaardigde-benoemen",
    ),
    path(
        "afgevaardigden/<int:pk>/vervangen/",
        views.AfgevaardigdeVervangenView.as_view(),
        name="afgevaardigde-vervangen",
    ),
    path(
        "afgevaardigden/<int:pk>/beeindigen/",
        views.AfgevaardigdeBeeindigenView.as_view(),
        name="afgevaardigde-beeindigen",
    ),
]
