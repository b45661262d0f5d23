"""The one-call API: `fracas.extract(text, published=...)` and `fracas.extract_dispatches(...)`."""

from __future__ import annotations

from collections.abc import Iterable

from fracas.errors import InputError
from fracas.model import Dispatch, Event, ExtractionResult, PublicationDate, Rejection


def extract(text: str, *, published: str | PublicationDate | None = None, outlet: str | None = None,
            url: str | None = None, dispatch_id: str | None = None) -> list[Event]:
    """The events of one French dispatch. `published` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.

    Raises InputError when the text cannot be read as a dispatch (empty, not French ...).
    """
    from fracas.ingest import read_text

    dispatch = read_text(text, origin="<text>", published=published, outlet=outlet, url=url, dispatch_id=dispatch_id)
    result = extract_dispatches([dispatch])
    if result.rejections:
        raise InputError(result.rejections[0].reason)
    return list(result.events)


def extract_dispatches(items: Iterable[Dispatch | Rejection], *, n_process: int = 1) -> ExtractionResult:
    """Events of many dispatches (or the Rejections `fracas.ingest.read_inputs` yields), with rejections."""
    from fracas.pipeline import Pipeline

    return Pipeline.load().run(items, n_process=n_process)
