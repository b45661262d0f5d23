"""Events as a GeoJSON FeatureCollection (RFC 7946): one Point per event, [longitude, latitude].

An event without coordinates keeps its place as a Feature with a null geometry, so the collection
still holds every event. Properties are the contract's scalar fields, the actors' names and kinds,
the location's fields, and the sources and dispatch ids as lists.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from fracas.export._io import Destination, text_output
from fracas.model import Event


def feature(event: Event) -> dict[str, Any]:
    """One event as a GeoJSON Feature."""
    place = event.location
    geometry = (
        {"type": "Point", "coordinates": [place.lon, place.lat]}
        if place.lat is not None and place.lon is not None
        else None
    )
    properties = {
        "event_id": event.event_id,
        "event_date": event.event_date,
        "date_precision": event.date_precision,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name,
        "actor1_kind": event.actor1.kind,
        "actor1_country": event.actor1.country,
        "actor2": event.actor2.name if event.actor2 is not None else None,
        "actor2_kind": event.actor2.kind if event.actor2 is not None else None,
        "actor2_country": event.actor2.country if event.actor2 is not None else None,
        "assoc_actors": [actor.name for actor in event.assoc_actors],
        "location": place.name,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "country": place.country,
        "geonames_id": place.geonames_id,
        "location_precision": place.precision,
        "fatalities": event.fatalities,
        "fatalities_low": event.fatalities_low,
        "fatalities_high": event.fatalities_high,
        "civilian_fatalities": event.civilian_fatalities,
        "wounded": event.wounded,
        "confidence": event.confidence,
        "sources": [{"name": source.name, "kind": source.kind} for source in event.sources],
        "notes": event.notes,
        "dispatch_ids": list(event.dispatch_ids),
    }
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": properties}


def write_geojson(events: Iterable[Event], destination: Destination, *,
                  review_status: Callable[[Event], str] | None = None) -> int:
    """Write a FeatureCollection, one feature per event, streamed; return how many were written.
    With `review_status`, each feature's properties give the event's (fracas.review)."""
    count = 0
    with text_output(destination) as out:
        out.write('{"type": "FeatureCollection", "features": [')
        for event in events:
            out.write(",\n" if count else "\n")
            one = feature(event)
            if review_status is not None:
                one["properties"]["review_status"] = review_status(event)
            out.write(json.dumps(one, ensure_ascii=False))
            count += 1
        out.write("\n]}\n" if count else "]}\n")
    return count
