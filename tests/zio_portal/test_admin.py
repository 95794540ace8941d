"""The beheerder keeps the reference data in the Django admin: every admin page opens, with history."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

MODELS = [
    model
    for model in admin.site._registry
    if model._meta.app_label in {"zio_portal", "wijken", "samenwerking", "monitoring"}
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_beheerder_opens_every_changelist_and_change_page(world, client, model):
    app, name = model._meta.app_label, model._meta.model_name
    client.force_login(world.users["beheerder"])
    # follow: a single-row model's list goes straight to its one row (RapportagePlanning)
    assert client.get(reverse(f"admin:{app}_{name}_changelist"), follow=True).status_code == 200
    obj = model.objects.first()
    if obj is not None:
        assert client.get(reverse(f"admin:{app}_{name}_change", args=[obj.pk])).status_code == 200
        assert client.get(reverse(f"admin:{app}_{name}_history", args=[obj.pk])).status_code == 200


def test_other_roles_do_not_get_into_the_admin(world, client):
    for username in ["beleidsadviseur", "projectleider", "gebiedsmanager", "praktijkmedewerker"]:
        client.force_login(world.users[username])
        response = client.get(reverse("admin:wijken_praktijk_changelist"))
        assert response.status_code == 302 and "/beheer/login/" in response["Location"], username
