"""Polite HTTP fetching for feeds and article pages (httpx, protego).

One `Fetcher` per run (one poll of `fracas watch`, one `fracas ingest feed.xml`):

- every request has a timeout and a User-Agent naming fracas;
- robots.txt is read once per host and obeyed (protego); a robots.txt that cannot be fetched (network
  error, 5xx) disallows the host for this run, a missing one (4xx) allows everything, as RFC 9309 says;
- requests to one host are spaced by `host_delay_s`, or the host's Crawl-delay when longer;
- a timeout, a connection error, 429 or 5xx is retried with exponential back-off, at most `attempts`
  times per request and `retry_budget` times in all, so a dead host cannot stall a run;
- conditional GET: give the ETag / Last-Modified of the last fetch and a 304 comes back as `not_modified`.

Failures raise InputError with the URL and what to do; the caller records or retries them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import urlsplit

from fracas.errors import InputError

_RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
ROBOTS_AGENT = "fracas"  # the token robots.txt rules name


def _fracas_version() -> str:
    try:
        return version("fracas")
    except PackageNotFoundError:
        return "0"


DEFAULT_USER_AGENT = f"fracas/{_fracas_version()} (French news event extraction; +https://pypi.org/project/fracas/)"


@dataclass(frozen=True)
class FetchSettings:
    """How politely and how stubbornly to fetch; one frozen object built at the entry point."""

    timeout_s: float = 20.0
    attempts: int = 3  # tries per request (1 = no retry)
    retry_budget: int = 20  # retries in all, over the Fetcher's life
    backoff_s: float = 2.0  # first retry's wait; doubled each time
    host_delay_s: float = 1.0  # least time between two requests to one host
    max_bytes: int = 8 * 1024 * 1024
    user_agent: str = DEFAULT_USER_AGENT


@dataclass(frozen=True)
class FetchResult:
    url: str  # after redirects
    status: int
    content: bytes
    etag: str | None
    last_modified: str | None
    content_type: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """GET with robots.txt, per-host delay, retries and conditional requests (see the module doc).

    `transport` (an httpx transport), `clock` and `sleep` are for tests: no real waiting there.
    """

    def __init__(self, settings: FetchSettings | None = None, *, transport: Any = None,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        try:
            import httpx
        except ImportError as err:
            raise InputError("fetching feeds and pages needs httpx; install it with: pip install 'fracas[inputs]'") from err
        self.settings = settings or FetchSettings()
        self._httpx = httpx
        self._client = httpx.Client(
            timeout=self.settings.timeout_s, headers={"User-Agent": self.settings.user_agent},
            follow_redirects=True, transport=transport,
        )
        self._clock = clock
        self._sleep = sleep
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, Any] = {}  # "scheme://host" -> Protego, or None when disallowed
        self.retries_left = self.settings.retry_budget

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """The page at `url`; raises InputError when robots.txt forbids it or it cannot be fetched."""
        site = _site(url)
        if not self.allowed(url):
            raise InputError(f"{url}: robots.txt of {site} does not allow fracas to fetch it; skipped")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._request(url, headers)

    def allowed(self, url: str) -> bool:
        site = _site(url)
        if site not in self._robots:
            self._robots[site] = self._read_robots(site)
        robots = self._robots[site]
        return robots is not None and bool(robots.can_fetch(url, ROBOTS_AGENT))

    def _read_robots(self, site: str) -> Any:
        from protego import Protego

        try:
            result = self._request(f"{site}/robots.txt", {}, check_status=False)
        except InputError:
            return None
        if 400 <= result.status < 500:
            return Protego.parse("")
        if result.status >= 300:
            return None
        return Protego.parse(result.content.decode("utf-8", errors="replace"))

    def _request(self, url: str, headers: dict[str, str], *, check_status: bool = True) -> FetchResult:
        attempt = 1
        while True:
            self._wait_for_host(url)
            try:
                result = self._once(url, headers)
                problem = (f"HTTP {result.status}" if result.status in _RETRIED_STATUSES else None)
            except self._httpx.HTTPError as err:
                result, problem = None, f"{type(err).__name__}: {err}".rstrip(": ")
            if problem is None and result is not None:
                return _checked(result) if check_status else result
            if attempt >= self.settings.attempts or self.retries_left <= 0:
                if result is not None and not check_status:
                    return result
                budget = "" if self.retries_left > 0 else " (retry budget of this run spent)"
                raise InputError(f"cannot fetch {url}: {problem} after {attempt} tries{budget}; "
                                 "it is tried again at the next poll")
            self.retries_left -= 1
            self._sleep(self.settings.backoff_s * 2 ** (attempt - 1))
            attempt += 1

    def _once(self, url: str, headers: dict[str, str]) -> FetchResult:
        with self._client.stream("GET", url, headers=headers) as response:
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.settings.max_bytes:
                    raise InputError(f"{url} is larger than {self.settings.max_bytes // (1024 * 1024)} MB; "
                                     "not a news page or feed")
                chunks.append(chunk)
            return FetchResult(
                url=str(response.url), status=response.status_code, content=b"".join(chunks),
                etag=response.headers.get("ETag"), last_modified=response.headers.get("Last-Modified"),
                content_type=response.headers.get("Content-Type"),
            )

    def _wait_for_host(self, url: str) -> None:
        site = _site(url)
        delay = self.settings.host_delay_s
        robots = self._robots.get(site)
        if robots is not None:
            delay = max(delay, float(robots.crawl_delay(ROBOTS_AGENT) or 0))
        last = self._last_request.get(site)
        if last is not None:
            wait = delay - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last_request[site] = self._clock()


def _checked(result: FetchResult) -> FetchResult:
    if result.status == 304 or 200 <= result.status < 300:
        return result
    raise InputError(f"cannot fetch {result.url}: HTTP {result.status}; check the URL")


def _site(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"{url!r} is not an http(s) URL; give the full address, e.g. https://example.org/rss")
    return f"{parts.scheme}://{parts.netloc}"
