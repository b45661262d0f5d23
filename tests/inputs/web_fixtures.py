"""Loopback web sites, pages, feeds and WARC files that the input tests build (127.0.0.1 only).

`LoopbackSite` serves fixed routes from a thread: pages, feeds with an ETag (a request repeating it
gets 304), a robots.txt, and records every request (path and headers) for the tests to inspect. A
site made with `failing=True` answers 503 to everything: the failing host.
The articles are written for these tests (not copied from any outlet).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_MALI = (
    "Au moins sept civils ont été tués mardi dans l'attaque de leur village, Diallassagou, dans la région "
    "de Mopti, par des hommes armés non identifiés, selon des sources locales.\n\n"
    "Les assaillants, arrivés à moto, ont incendié plusieurs maisons avant de prendre la fuite, a indiqué "
    "un élu local joint par téléphone.\n\n"
    "L'armée malienne a annoncé l'envoi de renforts dans la zone."
)
ARTICLE_NIGER = (
    "Des centaines de personnes ont manifesté samedi à Niamey contre la hausse du prix des carburants, à "
    "l'appel de plusieurs organisations de la société civile.\n\n"
    "La marche s'est déroulée dans le calme, selon les organisateurs, et s'est achevée devant le siège "
    "de l'Assemblée nationale."
)
ARTICLE_ENGLISH = (
    "Hundreds of people marched on Saturday in the capital against the rise in fuel prices, at the call "
    "of several civil society groups, and the march ended peacefully in front of the parliament."
)


def page(body: str, *, title: str = "Actualité", published: str | None = "2024-03-13",
         site_name: str | None = "Le Courrier du Sahel", canonical: str | None = None,
         lang: str = "fr") -> str:
    """A news page as outlets make them: navigation, the article, related links, comments, a footer."""
    meta = []
    if site_name:
        meta.append(f'<meta property="og:site_name" content="{site_name}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}T09:30:00+00:00">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{canonical}">')
    paragraphs = "\n".join(f"<p>{line}</p>" for line in body.split("\n\n"))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} - {site_name or "Site"}</title>
{chr(10).join(meta)}
</head><body>
<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/economie">Économie</a></li></ul></nav></header>
<main><article><h1>{title}</h1>
<div class="article-body">
{paragraphs}
</div></article>
<aside class="related"><h2>À lire aussi</h2><ul>
<li><a href="/a">Burkina Faso : dix soldats tués dans une embuscade près de Djibo</a></li>
<li><a href="/b">Tchad : trois morts dans des affrontements entre éleveurs et agriculteurs</a></li>
</ul></aside>
<section id="comments" class="comments"><h2>Commentaires</h2>
<div class="comment"><p>Quelle tristesse, nos pensées vont aux familles de la région, que Dieu les garde.</p></div>
<div class="comment"><p>Vingt morts la semaine dernière à Bandiagara selon mon cousin, personne n'en parle.</p></div>
</section></main>
<footer><p>© 2024 {site_name or "Site"}. Tous droits réservés. Mentions légales. Contact.</p></footer>
</body></html>"""


def rss(items: list[dict[str, str]], *, title: str = "Le Courrier du Sahel - Actualités") -> str:
    entries = "\n".join(
        "<item>" + "".join(f"<{key}>{value}</{key}>" for key, value in item.items()) + "</item>" for item in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{title}</title><link>http://example.invalid/</link>
<description>Dernières nouvelles</description>
{entries}
</channel></rss>"""


def atom(entries: list[dict[str, str]]) -> str:
    body = "\n".join(
        f"<entry><id>{e['id']}</id><title>{e['title']}</title><link href=\"{e['link']}\"/>"
        f"<updated>{e['updated']}</updated></entry>"
        for e in entries
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Radio Exemple</title><id>urn:fracas:test</id>
<updated>2024-03-13T10:00:00Z</updated>
{body}
</feed>"""


def opml(feed_urls: list[str]) -> str:
    outlines = "\n".join(f'<outline type="rss" text="feed {i}" xmlUrl="{url}"/>' for i, url in enumerate(feed_urls))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0"><head><title>Veille</title></head><body>
<outline text="Afrique">{outlines}</outline>
</body></opml>"""


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Request:
    path: str
    headers: dict[str, str]


@dataclass
class LoopbackSite:
    """A web site on 127.0.0.1 with the routes given; `requests` lists what it was asked, in order."""

    routes: dict[str, Route] = field(default_factory=dict)
    failing: bool = False
    requests: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server name
                site.requests.append(Request(self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = site.routes.get(self.path)
                if site.failing:
                    self._send(503, b"unavailable", "text/plain")
                elif route is None:
                    self._send(404, b"not found", "text/plain")
                elif route.etag and self.headers.get("If-None-Match") == route.etag:
                    self._send(304, b"", None, route)
                else:
                    self._send(route.status, route.body, route.content_type, route)

            def _send(self, status: int, body: bytes, content_type: str | None, route: Route | None = None) -> None:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                if route is not None and route.etag:
                    self.send_header("ETag", route.etag)
                if route is not None and route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base signature
                return  # quiet: the tests read `requests` instead

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes, **route: object) -> str:
        self.routes[path] = Route(body.encode("utf-8") if isinstance(body, str) else body, **route)  # type: ignore[arg-type]
        return self.url(path)

    def paths(self) -> list[str]:
        return [request.path for request in self.requests]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def serve(**kwargs: object) -> Iterator[LoopbackSite]:
    site = LoopbackSite(**kwargs)  # type: ignore[arg-type]
    try:
        yield site
    finally:
        site.close()


HTTP_DATE = formatdate(1710320000, usegmt=True)  # Wed, 13 Mar 2024 08:53:20 GMT


def warc_file(records: list[tuple[str, int, str, bytes]], *, gzip: bool = True) -> bytes:
    """A WARC of `response` records (url, status, content type, body), plus a request record first."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warc_record("http://example.invalid/", "request",
                                                  payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    for url, status, content_type, body in records:
        headers = StatusAndHeaders(f"{status} {'OK' if status == 200 else 'Not Found'}",
                                   [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-03-14T02:00:00Z"},
        ))
    return out.getvalue()
