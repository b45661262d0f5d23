"""`fracas serve`: the web API, the offline map dashboard and review (needs the `fracas[serve]` extra)."""
