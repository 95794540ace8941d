"""Read the POST forms of a rendered page the way a browser would: action, fields, options, token.

Used by the double-submit tests and the form fuzz test, so both post what a real page offers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit


@dataclass
class Veld:
    """One named control of a form: its tag, type, current value and (for select/radio) the options."""

    naam: str
    soort: str  # input type, "select", "textarea"
    waarde: str = ""
    opties: list[str] = field(default_factory=list)
    meervoudig: bool = False
    aangevinkt: bool = False


@dataclass
class Formulier:
    """A POST form of a page; ``action`` is an absolute path."""

    action: str
    htmx: bool
    velden: list[Veld] = field(default_factory=list)

    def veld(self, naam: str) -> Veld | None:
        return next((v for v in self.velden if v.naam == naam), None)

    def standaardwaarden(self) -> dict[str, list[str]]:
        """What the browser would send unchanged: values, checked boxes, selected (or first) options."""
        data: dict[str, list[str]] = {}
        for veld in self.velden:
            if veld.soort in ("checkbox", "radio"):
                if veld.aangevinkt:
                    data.setdefault(veld.naam, []).append(veld.waarde or "on")
            elif veld.soort in ("submit", "button", "image", "reset", "file"):
                continue
            else:
                data.setdefault(veld.naam, []).append(veld.waarde)
        return data


class _Lezer(HTMLParser):
    def __init__(self, pagina: str):
        super().__init__(convert_charrefs=True)
        self.pagina = pagina
        self.formulieren: list[Formulier] = []
        self.huidig: Formulier | None = None
        self.select: Veld | None = None
        self.optie: dict | None = None
        self.textarea: Veld | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            post = a.get("method", "").lower() == "post" or "hx-post" in a
            if post:
                action = a.get("hx-post") or a.get("action") or self.pagina
                pad = urlsplit(urljoin(self.pagina, action)).path
                self.huidig = Formulier(action=pad, htmx="hx-post" in a)
                self.formulieren.append(self.huidig)
            else:
                self.huidig = None
            return
        if self.huidig is None or "name" not in a or "disabled" in a:
            if tag == "option" and self.select is not None:
                self._optie(a)
            return
        if tag == "input":
            soort = a.get("type", "text").lower()
            self.huidig.velden.append(Veld(a["name"], soort, a.get("value", ""), aangevinkt="checked" in a))
        elif tag == "button":
            self.huidig.velden.append(Veld(a["name"], "submit", a.get("value", "")))
        elif tag == "select":
            self.select = Veld(a["name"], "select", meervoudig="multiple" in a)
            self.select._gekozen = []  # type: ignore[attr-defined]
            self.huidig.velden.append(self.select)
        elif tag == "textarea":
            self.textarea = Veld(a["name"], "textarea")
            self.huidig.velden.append(self.textarea)

    def _optie(self, a):
        waarde = a.get("value")
        self.optie = {"waarde": waarde, "tekst": "", "gekozen": "selected" in a}

    def handle_data(self, data):
        if self.optie is not None and self.optie["waarde"] is None:
            self.optie["tekst"] += data
        if self.textarea is not None:
            self.textarea.waarde += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.huidig = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select" and self.select is not None:
            gekozen = self.select._gekozen  # type: ignore[attr-defined]
            if gekozen:
                self.select.waarde = gekozen[0]
            elif self.select.opties and not self.select.meervoudig:
                self.select.waarde = self.select.opties[0]
            self.select = None
        elif tag == "option":
            self._optie_klaar()

    def _optie_klaar(self):
        if self.optie is None or self.select is None:
            return
        waarde = self.optie["waarde"] if self.optie["waarde"] is not None else self.optie["tekst"].strip()
        self.select.opties.append(waarde)
        if self.optie["gekozen"]:
            self.select._gekozen.append(waarde)  # type: ignore[attr-defined]
        self.optie = None

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def post_formulieren(html: str, pagina: str) -> list[Formulier]:
    """The POST forms (``method=post`` or ``hx-post``) of ``html``, rendered at path ``pagina``."""
    lezer = _Lezer(pagina)
    lezer.feed(html)
    lezer.close()
    return lezer.formulieren


def formulier_naar(html: str, pagina: str, action: str) -> Formulier:
    """The one POST form of the page that posts to ``action``."""
    gevonden = [f for f in post_formulieren(html, pagina) if f.action == action]
    assert gevonden, f"no POST form to {action} on {pagina}"
    return gevonden[0]
