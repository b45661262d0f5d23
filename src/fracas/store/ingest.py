"""Ingest: dispatches in, deduplicated events kept — one transaction per dispatch.

For each dispatch read:

1. Already stored (same text, by content hash) -> counted as a duplicate; nothing is extracted or written.
2. Extracted by the pipeline (which gives it its relevance verdict: an irrelevant dispatch is stored with
   that verdict and no events), then in ONE transaction: the dispatch row (with its MinHash signature and,
   when it republishes a stored dispatch, `near_duplicate_of`), each event merged into the stored event
   it reports again (`fracas.dedupe.find_match` over `store.candidates_for`) or inserted, and the
   event <-> dispatch links with evidence and merge reasons. A crash (even kill -9) before the commit
   leaves no trace of the dispatch, so re-running the same ingest completes it; after the commit,
   step 1 skips it.

Near duplicates (the same wire story republished, MinHash similarity >= the dedupe threshold) are
kept and linked to the original (the original's own original, if it is itself a republication). Their
events are merged as re-reports: the dispatch id joins the event's dispatch_ids and its evidence is
kept, but its sources are NOT added and the confidence is not re-graded upward, because a republished
story is not an independent source. A near duplicate's event that matches no stored event is new
information and is inserted like any other.

Events of one dispatch never merge with each other: the extractor already decided they are distinct.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from fracas.dedupe import NEAR_DUPLICATE_THRESHOLD, MergeDecision
from fracas.errors import StoreError
from fracas.model import Dispatch, Event, Rejection
from fracas.store.protocol import EventStore, content_hash


class Extractor(Protocol):
    """What ingest needs of `fracas.pipeline.Pipeline` (a test can pass a small fake)."""

    def run_iter(
        self, dispatches: Iterable[Dispatch], *, n_process: int = 1, batch_size: int = 32,
        on_rejection: Callable[[Rejection], None] | None = None,
    ) -> Iterator[tuple[Dispatch, list[Event]]]: ...


class Deduper(Protocol):
    """What ingest needs of `fracas.dedupe` (the module itself satisfies it)."""

    def find_match(self, incoming: Event, candidates: Iterable[Event]) -> MergeDecision | None: ...

    def merge(self, stored: Event, incoming: Event) -> Event: ...

    def signature(self, text: str) -> tuple[int, ...]: ...

    def find_near_duplicate(
        self, sig: tuple[int, ...], stored: Iterable[tuple[str, tuple[int, ...]]]
    ) -> str | None: ...


Outcome = Literal["new", "duplicate", "near-duplicate", "id-clash", "rejected"]


_COUNTS = ("read", "new", "duplicate", "near_duplicate", "irrelevant", "events_new", "events_merged", "rejections",
           "feeds", "not_modified", "backing_off", "failed", "items_new", "items_failed")


@dataclass
class IngestSummary:
    """What one ingest, a merge of batch outputs or a poll of `fracas watch` did.

    `line()` is the last line `fracas ingest` prints; `poll_line()` the line `fracas watch` prints per
    poll, which adds what was done with the feeds (those counts stay 0 outside a poll). `total += done`
    adds the counts of `done` to `total` (whose poll number stays).
    """

    read: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    irrelevant: int = 0  # stored with the verdict that they report no conflict (no events, not rejections)
    events_new: int = 0
    events_merged: int = 0
    rejections: int = 0
    # A poll of `fracas watch` (fracas.watch): its number, the feeds and the items it looked at.
    poll: int = 0
    feeds: int = 0
    not_modified: int = 0
    backing_off: int = 0
    failed: int = 0
    items_new: int = 0
    items_failed: int = 0  # items whose page could not be fetched (fetched again at the next poll)
    stopped: bool = False  # the poll was asked to stop before it had read every feed

    def __iadd__(self, other: IngestSummary) -> IngestSummary:
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.stopped = self.stopped or other.stopped
        return self

    def line(self) -> str:
        return (
            f"dispatches: {self.read} read, {self.new} new, {self.duplicate} duplicate, "
            f"{self.near_duplicate} near-duplicate, {self.irrelevant} irrelevant; events: {self.events_new} new, {self.events_merged} merged; "
            f"rejections: {self.rejections}"
        )

    def poll_line(self, at: str) -> str:
        return (f"{at} poll {self.poll}: {self.feeds} feeds ({self.not_modified} not modified, "
                f"{self.backing_off} backing off, {self.failed} failed); items: {self.items_new} new, "
                f"{self.items_failed} not fetched; " + self.line() + ("; stopped" if self.stopped else ""))


@dataclass(frozen=True)
class DispatchResult:
    """What happened to one dispatch (passed to the `on_dispatch` callback, e.g. a progress bar)."""

    dispatch_id: str
    outcome: Outcome
    events_new: tuple[str, ...] = ()
    events_merged: tuple[str, ...] = ()
    near_duplicate_of: str | None = None
    rejection: Rejection | None = field(default=None)


def ingest(
    store: EventStore,
    items: Iterable[Dispatch | Rejection],
    pipeline: Extractor,
    *,
    dedupe: Deduper | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    on_item: Callable[[Dispatch | Rejection, DispatchResult | None], None] | None = None,
) -> IngestSummary:
    """Store the events of every new dispatch in `items`; record every Rejection. Idempotent.

    `on_item` is called once per item read (with None for a rejection), in input order for
    rejections and duplicates and in pipeline order for extracted dispatches.
    """
    if dedupe is None:
        import fracas.dedupe as dedupe_module

        dedupe = dedupe_module  # type: ignore[assignment]
    assert dedupe is not None
    summary = IngestSummary()
    # The texts handed to the pipeline and not yet stored: a repeat among them is not extracted twice.
    # (Once stored, a text is found by `has_dispatch`; so this set holds no more than the pipeline's
    # read-ahead, and memory does not grow with the input.)
    in_flight: set[str] = set()
    notify = on_item or (lambda item, result: None)

    def new_dispatches() -> Iterator[Dispatch]:
        # Filtering before the pipeline: a dispatch already stored is not extracted again.
        for item in items:
            if isinstance(item, Rejection):
                store.add_rejection(item)
                summary.rejections += 1
                notify(item, None)
                continue
            summary.read += 1
            key = content_hash(item.text)
            if key in in_flight or store.has_dispatch(key):
                summary.duplicate += 1
                notify(item, DispatchResult(item.id, "duplicate"))
                continue
            in_flight.add(key)
            yield item

    # A dispatch the pipeline could not read (no date to resolve it against, say) is NOT stored: only its
    # rejection is, so the content-hash check above lets a later run (with --published) read it again.
    unread: dict[str, Rejection] = {}

    def on_rejection(rejection: Rejection) -> None:
        unread[f"{rejection.origin}\0{rejection.line}"] = rejection

    for dispatch, events in pipeline.run_iter(new_dispatches(), n_process=n_process, batch_size=batch_size,
                                              on_rejection=on_rejection):
        rejected = unread.pop(f"{dispatch.rejected('').origin}\0{dispatch.line}", None)
        result = _stored_or_rejected(store, dispatch, events, rejected, dedupe)
        in_flight.discard(content_hash(dispatch.text))
        if result.outcome == "duplicate":
            summary.duplicate += 1
        elif result.outcome in ("id-clash", "rejected"):
            assert result.rejection is not None
            store.add_rejection(result.rejection)
            summary.rejections += 1
        else:
            summary.new += 1
            summary.near_duplicate += result.outcome == "near-duplicate"
            summary.irrelevant += dispatch.relevance is not None and dispatch.relevance.verdict == "irrelevant"
            summary.events_new += len(result.events_new)
            summary.events_merged += len(result.events_merged)
        notify(dispatch, result)
    return summary


def _stored_or_rejected(store: EventStore, dispatch: Dispatch, events: Sequence[Event], rejected: Rejection | None,
                        dedupe: Deduper) -> DispatchResult:
    """Store one dispatch, or say why not: one dispatch's failure never stops the others."""
    if rejected is not None:
        return DispatchResult(dispatch.id, "rejected", rejection=rejected)
    try:
        result = store_dispatch(store, dispatch, events, dedupe=dedupe)
    except StoreError as err:
        return DispatchResult(dispatch.id, "rejected", rejection=dispatch.rejected(f"could not store it: {err}"))
    if result.outcome in ("new", "near-duplicate"):
        # Read at last (a date given this time): the rejection an earlier run recorded is stale.
        origin = dispatch.rejected("")
        store.clear_rejections(origin.origin, origin.line)
    return result


def store_dispatch(store: EventStore, dispatch: Dispatch, events: Sequence[Event], *, dedupe: Deduper) -> DispatchResult:
    """Write one dispatch and its events, deduplicated, in one transaction (see the module doc)."""
    sig = tuple(dedupe.signature(dispatch.text))
    with store.transaction():
        # Checked again inside the transaction: another process may have stored it meanwhile.
        if store.has_dispatch(content_hash(dispatch.text)):
            return DispatchResult(dispatch.id, "duplicate")
        original = _republished(store, sig, dedupe)
        if not store.add_dispatch(dispatch, signature=sig, near_duplicate_of=original):
            clash = Rejection(
                origin=dispatch.origin,
                reason=f"dispatch id {dispatch.id!r} is already used by a different text in the store; "
                "give this dispatch another id",
            )
            return DispatchResult(dispatch.id, "id-clash", rejection=clash)
        new: list[str] = []
        merged: list[str] = []
        for event in events:
            outcome, event_id = _store_event(store, dispatch, event, original, dedupe)
            (new if outcome == "new" else merged).append(event_id)
    return DispatchResult(
        dispatch.id,
        "near-duplicate" if original is not None else "new",
        events_new=tuple(new),
        events_merged=tuple(merged),
        near_duplicate_of=original,
    )


def _republished(store: EventStore, sig: tuple[int, ...], dedupe: Deduper) -> str | None:
    """The stored dispatch this text republishes (the first of a chain of republications), if any."""
    original = dedupe.find_near_duplicate(sig, store.near_duplicate_candidates(sig))
    if original is not None:
        stored_original = store.get_dispatch(original)
        if stored_original is not None and stored_original.near_duplicate_of is not None:
            original = stored_original.near_duplicate_of
    return original


def _store_event(store: EventStore, dispatch: Dispatch, event: Event, original: str | None,
                 dedupe: Deduper) -> tuple[str, str]:
    """Store one event of the dispatch, new or merged into the stored event it reports: (outcome, event id)."""
    if dispatch.id not in event.dispatch_ids:
        raise StoreError(
            f"event {event.event_id} does not list dispatch {dispatch.id} it was extracted from; "
            "this is a bug in the extractor"
        )
    candidates = [c for c in store.candidates_for(event) if dispatch.id not in c.dispatch_ids]
    decision = dedupe.find_match(event, candidates)
    own_evidence = [e for e in event.evidence if e.dispatch_id == dispatch.id]
    if decision is None:
        if store.get_event(event.event_id) is not None:
            raise StoreError(
                f"event id {event.event_id} from dispatch {dispatch.id} is already used by a stored "
                "event it does not match; event ids must be unique (a bug in the extractor)"
            )
        store.upsert_event(event)
        store.link(event.event_id, dispatch.id, evidence=own_evidence)
        return "new", event.event_id
    stored = next(c for c in candidates if c.event_id == decision.event_id)
    incoming = event
    if original is not None:
        # A republication adds no independent source: keep its evidence, not its sources.
        incoming = event.evolve(sources=(), confidence=stored.confidence)
    result = dedupe.merge(stored, incoming).evolve(event_id=stored.event_id)
    store.upsert_event(result)
    store.link(stored.event_id, dispatch.id, evidence=own_evidence, reasons=decision.reasons,
               distance_km=decision.distance_km)
    return "merged", stored.event_id


__all__ = ["NEAR_DUPLICATE_THRESHOLD", "Deduper", "DispatchResult", "Extractor", "IngestSummary", "ingest", "store_dispatch"]
