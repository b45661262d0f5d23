"""Thin adapters over the library: the command line (and later web API, dashboard, batch runner)."""
