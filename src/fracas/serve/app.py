"""The web API and dashboard of `fracas serve`: thin FastAPI routes over fracas.serve.queries and fracas.review.

Read endpoints are open; write endpoints need `Authorization: Bearer TOKEN` (`fracas users add NAME`).
Every response carries a Content-Security-Policy that allows only the server's own scripts (no inline
script), and no CORS headers are sent, so other origins cannot read the API from a browser.
"""


import threading
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from fracas.errors import FracasError, StoreError, UsageError
from fracas.model import Dispatch, PublicationDate
from fracas.review import accept, edit, merge, reject, split, user_of_token
from fracas.serve import queries
from fracas.serve.assets import STATIC_DIR, vendor_file
from fracas.store import EventFilter, EventStore, open_store

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


class _Stores:
    """One open store per server thread (a SQLite connection belongs to the thread that opened it)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._local = threading.local()
        with open_store(url):  # migrate once, up front
            pass

    def get(self) -> EventStore:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.url, migrate=False)
            self._local.store = store
        return store


class _ThreadStore:
    """The store of whichever thread uses it: FastAPI may resolve a dependency in one worker thread and
    run the endpoint in another, so the connection is looked up at each call."""

    def __init__(self, stores: _Stores) -> None:
        self._stores = stores

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stores.get(), name)


def create_app(store_url: str, *, load_pipeline: Callable[[], Any] | None = None) -> FastAPI:
    """The ASGI app over the store at `store_url`; `load_pipeline` makes the extractor for POST /api/dispatches."""
    stores = _Stores(store_url)
    app = FastAPI(title="fracas", description="French news dispatches as ACLED-style events, with review.",
                  docs_url=None, redoc_url=None)
    pipeline_cache: list[Any] = []

    thread_store = _ThreadStore(stores)

    def store_dep() -> EventStore:
        return thread_store  # type: ignore[return-value]

    StoreDep = Annotated[EventStore, Depends(store_dep)]

    def reviewer_dep(store: StoreDep, authorization: Annotated[str | None, Header()] = None) -> str:
        token = authorization.removeprefix("Bearer ").strip() if authorization else None
        user = user_of_token(store, token)
        if user is None:
            raise HTTPException(401, "a valid token is needed: send 'Authorization: Bearer TOKEN' "
                                     "(make one with `fracas users add NAME`)")
        return user

    Reviewer = Annotated[str, Depends(reviewer_dep)]

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(UsageError)
    async def usage_error(request: Request, err: UsageError) -> JSONResponse:
        return JSONResponse({"detail": str(err)}, status_code=400)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, err: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(err)}, status_code=503)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC_DIR / "docs.html")

    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor(name: str) -> FileResponse:
        path = vendor_file(name)
        if path is None or not path.is_file():
            raise HTTPException(404, f"/vendor/{name} is not installed; run scripts/install-dashboard-assets")
        return FileResponse(path)

    def event_query(
        country: str | None = None, admin1: str | None = None, event_type: str | None = None,
        sub_event_type: str | None = None, actor: str | None = None, search: str | None = None,
        since: str | None = None, until: str | None = None, confidence: str | None = None,
        review_status: str | None = None, page: int = 1,
        page_size: Annotated[int, Query(le=queries.MAX_PAGE_SIZE, ge=1)] = 100,
    ) -> queries.EventQuery:
        filters = EventFilter(
            country=country or None, admin1=admin1 or None, event_type=event_type or None,
            sub_event_type=sub_event_type or None, actor=actor or None, search=search or None,
            since=_day(since, "since"), until=_day(until, "until"),
        )
        return queries.EventQuery(filters, confidence=confidence or None, review_status=review_status or None,
                                  page=page, page_size=page_size)

    QueryDep = Annotated[queries.EventQuery, Depends(event_query)]

    @app.get("/api/events", summary="Events matching the filters, one page, as json, csv or geojson")
    def list_events(store: StoreDep, query: QueryDep, format: str = "json") -> Any:
        if format == "json":
            return queries.events_json(store, query)
        if format == "geojson":
            return JSONResponse(queries.events_geojson(store, query), media_type="application/geo+json")
        if format == "csv":
            return Response(queries.events_csv(store, query), media_type="text/csv; charset=utf-8")
        raise UsageError(f"unknown format {format!r}; use json, csv or geojson")

    @app.get("/api/events/{event_id}", summary="One event with its dispatches, evidence, merges and versions")
    def get_event(store: StoreDep, event_id: str) -> dict[str, Any]:
        detail = queries.event_detail(store, event_id)
        if detail is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return detail

    @app.get("/api/dispatches/{dispatch_id}", summary="One stored dispatch")
    def get_dispatch(store: StoreDep, dispatch_id: str) -> dict[str, Any]:
        stored = store.get_dispatch(dispatch_id)
        if stored is None:
            raise HTTPException(404, f"no dispatch {dispatch_id!r}")
        return queries.dispatch_json(stored)

    @app.get("/api/stats", summary="Counts by day and type, by type, by admin1")
    def get_stats(store: StoreDep, query: QueryDep) -> dict[str, Any]:
        return queries.stats(store, query)

    @app.get("/api/acled/read", summary="ACLED-style read: ACLED's parameter and column names")
    def acled_read(
        store: StoreDep, country: str | None = None, event_date: str | None = None,
        event_date_where: str | None = None, event_type: str | None = None, admin1: str | None = None,
        limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE_SIZE)] = 5000, page: Annotated[int, Query(ge=1)] = 1,
        fields: str | None = None,
    ) -> dict[str, Any]:
        return queries.acled_read(store, queries.AcledRead(
            country=country, event_date=event_date, event_date_where=event_date_where, event_type=event_type,
            admin1=admin1, limit=limit, page=page, fields=fields,
        ))

    @app.get("/api/places", summary="Search the gazetteer for a place (for editing an event's location)")
    def find_places(q: str, country: str | None = None) -> dict[str, Any]:
        return {"places": queries.find_places(q, country)}

    @app.post("/api/dispatches", summary="Ingest one dispatch (token)")
    def post_dispatch(store: StoreDep, user: Reviewer, body: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
        if load_pipeline is None:
            raise UsageError("this server was started without an extraction pipeline")
        if not pipeline_cache:
            pipeline_cache.append(load_pipeline())
        return queries.ingest_one(store, _dispatch_of(body, user), pipeline_cache[0])

    def review_body(body: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        note = body.get("note") or ""
        changes = body.get("changes") or {}
        if not isinstance(note, str) or not isinstance(changes, dict):
            raise UsageError('the body is {"note": "why", "changes": {field: value}}')
        return note, changes

    @app.post("/api/events/{event_id}/accept", summary="Accept the event as coded (token)")
    def post_accept(store: StoreDep, user: Reviewer, event_id: str,
                    body: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
        note, _ = review_body(body)
        return {"version": accept(store, event_id, reviewer=user, note=note)}

    @app.post("/api/events/{event_id}/edit", summary="Change fields of the event (token)")
    def post_edit(store: StoreDep, user: Reviewer, event_id: str,
                  body: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
        note, changes = review_body(body)
        return {"version": edit(store, event_id, changes, reviewer=user, note=note)}

    @app.post("/api/events/{event_id}/reject", summary="Reject the event, with a note (token)")
    def post_reject(store: StoreDep, user: Reviewer, event_id: str,
                    body: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
        note, _ = review_body(body)
        return {"version": reject(store, event_id, reviewer=user, note=note)}

    @app.post("/api/events/{event_id}/split", summary="Split a new event off this one (token)")
    def post_split(store: StoreDep, user: Reviewer, event_id: str,
                   body: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
        note, changes = review_body(body)
        return {"event_id": split(store, event_id, changes, reviewer=user, note=note)}

    @app.post("/api/merge", summary="Merge events into the first of event_ids (token)")
    def post_merge(store: StoreDep, user: Reviewer, body: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
        note, _ = review_body(body)
        event_ids = body.get("event_ids")
        if not isinstance(event_ids, list) or not all(isinstance(e, str) for e in event_ids):
            raise UsageError('merge needs {"event_ids": ["kept", "other", ...], "note": "why"}')
        return {"version": merge(store, event_ids, reviewer=user, note=note)}

    return app


def _day(value: str | None, name: str) -> Any:
    import datetime as dt

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise UsageError(f"{name} {value!r} is not a date; give it as YYYY-MM-DD") from err


def _dispatch_of(body: dict[str, Any], user: str) -> Dispatch:
    from fracas.ingest.readers import id_problem, text_problem

    text, dispatch_id = body.get("text"), body.get("id")
    if not isinstance(text, str) or not text.strip() or not isinstance(dispatch_id, str) or not dispatch_id:
        raise UsageError('a dispatch is {"id": "...", "text": "...", "published": "YYYY-MM-DD", "outlet": ..., "url": ...}')
    problem = text_problem(text, "the dispatch text") or id_problem(dispatch_id, "the dispatch")
    if problem is not None:
        raise UsageError(problem)
    published = body.get("published")
    return Dispatch(
        id=dispatch_id, text=text,
        published=PublicationDate.parse(published) if isinstance(published, str) else None,
        outlet=body.get("outlet"), url=body.get("url"), origin=f"api:{user}",
    )


__all__ = ["CSP", "FracasError", "create_app"]
