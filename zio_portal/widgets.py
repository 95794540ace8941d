"""A choice among many (practices, wijken, verbanden, people) that does not grow with the region.

``ZoekKeuze`` renders a ``<select>`` holding only the empty choice and the current value, never the
whole queryset. ``static/js/zoekkeuze.js`` turns it into a Tom Select (served from node_modules, see
STATICFILES_DIRS) that searches as you type through ``zoek_url``: a JSON endpoint that only returns
what the user may see (``portaal/zoeken.py``). The form field keeps its own scoped queryset, so a
value typed into the URL by hand is validated as before.

Short lists stay a plain ``<select>`` with all their options (``KORT`` or fewer, read with one query
of at most ``KORT + 1`` rows), so they work without JavaScript. For a long list without JavaScript the
field keeps its current value and can be emptied; the free-text search next to it still filters.
"""

from __future__ import annotations

from django import forms
from django.forms.models import ModelChoiceIterator

KORT = 20


class ZoekKeuze(forms.Select):
    template_name = "django/forms/widgets/select.html"

    def __init__(self, zoek_url, attrs=None):
        super().__init__(attrs)
        self.zoek_url = zoek_url

    def get_context(self, name, value, attrs):
        self.kort = False
        context = super().get_context(name, value, attrs)
        if not self.kort:
            context["widget"]["attrs"]["data-zoek-url"] = str(self.zoek_url)
        return context

    def optgroups(self, name, value, attrs=None):
        """A short list whole; a long one only the empty choice and the selected values (not the whole
        queryset): one query of at most ``KORT + 1`` rows, plus one for the selected values."""
        gekozen = {str(v) for v in value if v not in ("", None)}
        groups = []
        keuzes = []
        if isinstance(self.choices, ModelChoiceIterator):
            iterator = self.choices
            if iterator.field.empty_label is not None:
                keuzes.append(("", iterator.field.empty_label))
            eerste = list(iterator.queryset[: KORT + 1])
            if len(eerste) <= KORT:
                self.kort = True
                keuzes += [iterator.choice(obj) for obj in eerste]
            elif gekozen:
                try:
                    objecten = iterator.queryset.filter(pk__in=gekozen)
                    keuzes += [iterator.choice(obj) for obj in objecten]
                except (ValueError, TypeError):
                    pass
        else:
            alle = list(self.choices)
            if len(alle) <= KORT + 1:
                self.kort = True
                keuzes = alle
            else:
                keuzes = [(k, label) for k, label in alle if k in ("", None) or str(k) in gekozen]
        for index, (optie, label) in enumerate(keuzes):
            selected = str(optie) in gekozen or (not gekozen and optie == "")
            groups.append(
                (None, [self.create_option(name, optie, label, selected, index, attrs=attrs)], index)
            )
        return groups
