"""The worker plugin of `fracas batch`: the NLP pipeline loaded once per worker (needs `fracas[dask]`)."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline when the worker starts; tasks find it at worker.plugins["fracas-pipeline"]."""

    def __init__(self, actors_file: str | None = None) -> None:
        self.actors_file = actors_file
        self.pipeline: Any = None

    def setup(self, worker: Any) -> None:
        from fracas.pipeline import Pipeline

        self.pipeline = Pipeline.load(actors_file=self.actors_file)
