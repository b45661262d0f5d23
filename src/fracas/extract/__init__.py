"""The extraction stage: triggers, actors, places, casualties and attribution, assembled into events.

The module is also callable — `fracas.extract(text, published=...)` — so that the one-call API and the
stage share the name users expect; the call forwards to `fracas.api.extract`.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallableModule(types.ModuleType):
    def __call__(self, text: str, **options: Any) -> Any:
        from fracas.api import extract

        return extract(text, **options)


sys.modules[__name__].__class__ = _CallableModule
