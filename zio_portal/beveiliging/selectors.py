from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from .models import Toegangsregel


def toegangsregel_list(*, filters: dict | None = None) -> QuerySet[Toegangsregel]:
    """The access log in chronological order, filtered per user, practice, kind and period."""
    qs = Toegangsregel.objects.order_by("tijdstip", "id")
    filters = filters or {}
    if filters.get("gebruiker"):
        qs = qs.filter(gebruiker=filters["gebruiker"])
    if filters.get("praktijk"):
        qs = qs.filter(praktijk_id=filters["praktijk"])
    if filters.get("gebeurtenis"):
        qs = qs.filter(gebeurtenis=filters["gebeurtenis"])
    zone = timezone.get_current_timezone()
    if filters.get("van"):
        qs = qs.filter(tijdstip__gte=datetime.combine(filters["van"], time.min, tzinfo=zone))
    if filters.get("tot"):
        qs = qs.filter(
            tijdstip__lt=datetime.combine(filters["tot"] + timedelta(days=1), time.min, tzinfo=zone)
        )
    return qs
