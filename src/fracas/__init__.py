"""fracas — French news dispatches in, ACLED-style conflict event records out.

    >>> import fracas
    >>> events = fracas.extract("Des avions russes ont mené mercredi des frappes ...", published="2015-10-07")

The public surface is what `__all__` lists; everything else is private and may change.
"""

from __future__ import annotations

from fracas.errors import FracasError, GoldFileError, InputError, ResourceError, StoreError, UsageError
from fracas.model import (
    Actor,
    Dispatch,
    Event,
    Evidence,
    ExtractionResult,
    Place,
    PublicationDate,
    Rejection,
    Source,
)

# Importing the pipeline loads the `fracas.extract` subpackage first, so that the `extract` function
# defined below (the public API) is what `fracas.extract` names afterwards.
from fracas.pipeline import Pipeline  # noqa: E402

__version__ = "0.1.0"

__all__ = [
    "Actor", "Dispatch", "Event", "Evidence", "ExtractionResult", "Place", "PublicationDate", "Rejection",
    "Source", "FracasError", "GoldFileError", "InputError", "ResourceError", "StoreError", "UsageError",
    "Pipeline", "extract", "extract_dispatches", "__version__",
]


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


def extract_dispatches(items, *, n_process: int = 1) -> ExtractionResult:  # type: ignore[no-untyped-def]
    """Events of many dispatches (or the Rejections `fracas.ingest.read_inputs` yields), with rejections."""
    return Pipeline.load().run(items, n_process=n_process)

