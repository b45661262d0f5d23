"""The one exception hierarchy of fracas.

    FracasError                 anything fracas raises on purpose
    ├── InputError              a dispatch or input file cannot be read (bad encoding, empty, malformed line ...)
    ├── ResourceError           a data resource (model, gazetteer, actor dictionary) is missing or invalid
    ├── StoreError              the event store cannot be opened, migrated or written
    ├── GoldFileError           an evaluation gold file is malformed
    └── UsageError              options that do not fit together (bad --published, unknown format ...)

Every message says what was wrong and what to do about it.
"""

from __future__ import annotations


class FracasError(Exception):
    """Base class of every error fracas raises on purpose."""


class InputError(FracasError):
    """A dispatch or an input file could not be read."""


class ResourceError(FracasError):
    """A data resource is missing or invalid."""


class StoreError(FracasError):
    """The event store could not be opened, migrated or written."""


class GoldFileError(FracasError):
    """An evaluation gold file is malformed."""


class UsageError(FracasError):
    """Options or arguments that do not fit together."""
