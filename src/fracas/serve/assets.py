"""Where the dashboard's npm packages are, and which of their files the server hands out.

scripts/install-dashboard-assets installs them (from dashboard/package-lock.json) into
dashboard/node_modules, which git ignores; nothing is fetched at run time.
"""

from __future__ import annotations

import os
from pathlib import Path

from fracas.errors import ResourceError

# URL name under /vendor/ -> file inside node_modules. Only these files are served.
VENDOR_FILES: dict[str, str] = {
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "markercluster.js": "leaflet.markercluster/dist/leaflet.markercluster.js",
    "MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
    "MarkerCluster.Default.css": "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "chart.js": "chart.js/dist/chart.umd.js",
    "topojson-client.js": "topojson-client/dist/topojson-client.min.js",
    "countries-50m.json": "world-atlas/countries-50m.json",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
}
STATIC_DIR = Path(__file__).resolve().parent / "static"


def assets_dir() -> Path:
    """FRACAS_DASHBOARD_ASSETS, or the checkout's dashboard/node_modules."""
    configured = os.environ.get("FRACAS_DASHBOARD_ASSETS")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[3] / "dashboard" / "node_modules"


def vendor_file(name: str, root: Path | None = None) -> Path | None:
    """The file served as /vendor/NAME, or None when NAME is not one of VENDOR_FILES."""
    relative = VENDOR_FILES.get(name)
    if relative is None:
        return None
    return (root or assets_dir()) / relative


def missing_assets(root: Path | None = None) -> list[str]:
    return [name for name in VENDOR_FILES if not (vendor_file(name, root) or Path()).is_file()]


def check_assets(root: Path | None = None) -> None:
    missing = missing_assets(root)
    if missing:
        raise ResourceError(
            f"the dashboard's JavaScript/CSS is not installed ({', '.join(missing)} missing under "
            f"{root or assets_dir()}); run scripts/install-dashboard-assets (./setup does)"
        )
