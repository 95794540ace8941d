"""No dead ends: as each role, open every page of the URL matrix that role may see, follow every link
on it into the portal, and none may answer 403 or 404 to that user (a link is shown only where the
reader may open it). Downloads of stored files are left out: the matrix world has no files."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.url_cases import ROLLEN
from tests.zio_portal.test_urls import CASES

HREF = re.compile(r'href="([^"]+)"')
OVERSLAAN = ("/static/", "/beheer/", "/uitloggen/", "/inloggen/")


def _links(html: str) -> set[str]:
    links = set()
    for href in HREF.findall(html):
        href = href.replace("&amp;", "&")
        deel = urlsplit(href)
        if deel.scheme or deel.netloc or not deel.path.startswith("/"):
            continue  # mailto:, external, in-page anchors
        if deel.path.startswith(OVERSLAAN) or "/download/" in deel.path:
            continue
        links.add(deel.path + (f"?{deel.query}" if deel.query else ""))
    return links


@pytest.mark.parametrize("rol", [r for r in ROLLEN if r != "anoniem"])
def test_no_link_answers_403_or_404(rol, world, client):
    client.force_login(world.users[rol])
    paginas = {}
    for case in CASES:
        if case.method != "get" or case.expect[rol] != 200 or case.name == "admin:index":
            continue
        url = reverse(case.name, args=case.args(world))
        response = client.get(url)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            paginas[url] = _links(response.content.decode())
    gezien: dict[str, int] = {}
    dood = []
    for pagina, links in paginas.items():
        for link in sorted(links):
            if link not in gezien:
                gezien[link] = client.get(link).status_code
            if gezien[link] in (403, 404):
                dood.append(f"{pagina} → {link}: {gezien[link]}")
    assert len(gezien) > 10  # the crawl reached the portal
    assert not dood, f"{rol}: " + "; ".join(sorted(dood))
