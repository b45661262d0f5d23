"""The polite fetcher against loopback sites: User-Agent, robots.txt, ETag/304, retries, per-host delay."""

from __future__ import annotations

import pytest
from conftest import FakeClock
from web_fixtures import LoopbackSite

from fracas.errors import InputError
from fracas.ingest.fetch import DEFAULT_USER_AGENT, Fetcher, FetchResult, FetchSettings


def test_a_page_is_fetched_with_a_user_agent_naming_fracas(site: LoopbackSite, fetcher: Fetcher) -> None:
    url = site.add("/a.html", "<p>bonjour</p>", etag='"v1"')
    assert fetcher.get(url) == FetchResult(url, 200, b"<p>bonjour</p>", '"v1"', None, "text/html; charset=utf-8")
    assert site.paths() == ["/robots.txt", "/a.html"]
    assert [r.headers["user-agent"] for r in site.requests] == [DEFAULT_USER_AGENT] * 2
    assert DEFAULT_USER_AGENT.startswith("fracas/")


def test_a_repeated_etag_gets_304_not_modified(site: LoopbackSite, fetcher: Fetcher) -> None:
    url = site.add("/feed.xml", "<rss/>", etag='"abc"', last_modified="Wed, 13 Mar 2024 08:53:20 GMT")
    first = fetcher.get(url)
    again = fetcher.get(url, etag=first.etag, last_modified=first.last_modified)
    assert (first.not_modified, again.not_modified, again.content) == (False, True, b"")
    assert [(r.headers.get("if-none-match"), r.headers.get("if-modified-since")) for r in site.requests[1:]] == [
        (None, None), ('"abc"', "Wed, 13 Mar 2024 08:53:20 GMT"),
    ]


def test_robots_txt_is_honoured(site: LoopbackSite, fetcher: Fetcher) -> None:
    site.add("/robots.txt", "User-agent: fracas\nDisallow: /prive/\n", content_type="text/plain")
    open_url = site.add("/public.html", "ok")
    closed_url = site.add("/prive/a.html", "secret")
    assert fetcher.get(open_url).content == b"ok"
    with pytest.raises(InputError) as raised:
        fetcher.get(closed_url)
    assert str(raised.value) == f"{closed_url}: robots.txt of {site.base} does not allow fracas to fetch it; skipped"
    assert site.paths() == ["/robots.txt", "/public.html"]  # robots.txt read once; the closed page never asked


def test_a_failing_host_is_retried_with_back_off_then_reported(failing_site: LoopbackSite, clock: FakeClock) -> None:
    settings = FetchSettings(attempts=3, backoff_s=2.0, host_delay_s=0.0)
    with Fetcher(settings, clock=clock, sleep=clock.sleep) as fetcher:
        url = failing_site.url("/rss.xml")
        with pytest.raises(InputError) as raised:
            fetcher.get(url)
    # robots.txt: 503 three times (2 s, then 4 s back-off) -> the host is not fetched at all this run.
    assert str(raised.value) == f"{url}: robots.txt of {failing_site.base} does not allow fracas to fetch it; skipped"
    assert (failing_site.paths(), clock.sleeps) == (["/robots.txt"] * 3, [2.0, 4.0])


def test_the_retry_budget_bounds_all_retries_of_a_run(site: LoopbackSite, clock: FakeClock) -> None:
    site.add("/down-1", "x", status=503)
    site.add("/down-2", "x", status=503)
    with Fetcher(FetchSettings(attempts=3, retry_budget=3, host_delay_s=0.0), clock=clock, sleep=clock.sleep) as fetcher:
        messages = []
        for path in ("/down-1", "/down-2"):
            with pytest.raises(InputError) as raised:
                fetcher.get(site.url(path))
            messages.append(str(raised.value))
    assert messages == [
        f"cannot fetch {site.url('/down-1')}: HTTP 503 after 3 tries; it is tried again at the next poll",
        f"cannot fetch {site.url('/down-2')}: HTTP 503 after 2 tries (retry budget of this run spent); "
        "it is tried again at the next poll",
    ]
    assert site.paths() == ["/robots.txt", "/down-1", "/down-1", "/down-1", "/down-2", "/down-2"]


def test_requests_to_one_host_are_spaced_by_the_host_delay_or_its_crawl_delay(site: LoopbackSite,
                                                                               clock: FakeClock) -> None:
    site.add("/robots.txt", "User-agent: *\nCrawl-delay: 3\n", content_type="text/plain")
    urls = [site.add(f"/{i}", "x") for i in range(3)]
    with Fetcher(FetchSettings(host_delay_s=1.0), clock=clock, sleep=clock.sleep) as fetcher:
        for url in urls:
            fetcher.get(url)
    # robots.txt is the host's first request (no wait); each page then waits the 3 s Crawl-delay (> 1 s).
    assert clock.sleeps == [3.0, 3.0, 3.0]


def test_a_url_that_is_not_http_is_an_input_error(fetcher: Fetcher) -> None:
    with pytest.raises(InputError) as raised:
        fetcher.get("ftp://example.invalid/feed")
    assert str(raised.value) == ("'ftp://example.invalid/feed' is not an http(s) URL; give the full address, "
                                 "e.g. https://example.org/rss")
