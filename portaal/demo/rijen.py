"""The unsaved rows of a demo run, inserted in bulk with their history rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.db import models
from simple_history.utils import bulk_create_with_history


class Rijen:
    """Unsaved rows per (model, niveau), inserted in dependency order, with their history rows.

    Rows may point at other unsaved rows: bulk_create takes the primary key of the parent once the
    parent's model has been inserted, so the parents only have to come first in ``opslaan``.
    """

    def __init__(self) -> None:
        self._rijen: dict[tuple[type[models.Model], int], list[models.Model]] = defaultdict(list)
        self.aangemaakt: Counter[type[models.Model]] = Counter()
        self.door: Any = None  # the demo user the history rows name, once the users exist

    def add(self, obj: models.Model, niveau: int = 0) -> Any:
        self._rijen[(type(obj), niveau)].append(obj)
        return obj

    def koppel(self, obj: models.Model, veld: str, doelen: list[models.Model]) -> None:
        """Rows of an automatic many-to-many table; they are inserted after everything else."""
        m2m = type(obj)._meta.get_field(veld)
        through = m2m.remote_field.through
        for doel in doelen:
            self.add(through(**{m2m.m2m_field_name(): obj, m2m.m2m_reverse_field_name(): doel}))

    def opslaan(self, *volgorde: type[models.Model]) -> None:
        for model in volgorde:
            for sleutel in sorted((k for k in self._rijen if k[0] is model), key=lambda k: k[1]):
                self._bulk(model, self._rijen.pop(sleutel))
        for sleutel in [k for k in self._rijen if k[0]._meta.auto_created]:
            self._bulk(sleutel[0], self._rijen.pop(sleutel))
        if self._rijen:
            raise RuntimeError(f"Niet opgeslagen: {sorted(m.__name__ for m, _ in self._rijen)}")

    def _bulk(self, model: type[models.Model], objs: list[models.Model]) -> None:
        if getattr(model._meta, "simple_history_manager_attribute", None):
            bulk_create_with_history(
                objs, model, batch_size=500, default_change_reason="Demodata", default_user=self.door
            )
        else:
            model._default_manager.bulk_create(objs, batch_size=500)
        self.aangemaakt[model] += len(objs)
