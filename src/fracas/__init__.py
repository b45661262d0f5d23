"""fracas — French news dispatches in, ACLED-style conflict event records out.

    >>> import fracas
    >>> events = fracas.extract("Des avions russes ont mené mercredi des frappes ...", published="2015-10-07")

The public surface is what `__all__` lists; everything else is private and may change.
"""

from __future__ import annotations

# `fracas.extract` is both the extraction stage (a subpackage) and the one-call API: the subpackage's
# module is callable and forwards to `fracas.api.extract` (see fracas/extract/__init__.py).
from fracas import extract  # noqa: E402
from fracas.api import extract_dispatches  # noqa: E402
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
from fracas.pipeline import Pipeline  # noqa: E402

__version__ = "0.1.0"

__all__ = [
    "Actor", "Dispatch", "Event", "Evidence", "ExtractionResult", "Place", "PublicationDate", "Rejection",
    "Source", "FracasError", "GoldFileError", "InputError", "ResourceError", "StoreError", "UsageError",
    "Pipeline", "extract", "extract_dispatches", "__version__",
]



