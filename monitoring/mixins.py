"""What the views of the monitoring's workflows share."""

from __future__ import annotations

from django.contrib.auth.mixins import PermissionRequiredMixin


class BeheerMixin(PermissionRequiredMixin):
    """Only the beleidsadviseur and the beheerder run the monitoring (403 for everyone else)."""

    permission_required = "monitoring.manage_monitoring"


def int_param(waarde: str | None) -> int | None:
    """A whole number from a query parameter; None when it is missing or not a number."""
    try:
        return int(waarde) if waarde else None
    except ValueError:
        return None
