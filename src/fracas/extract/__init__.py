"""Finding event parts in dispatch text: triggers, actors, places, time, casualties, attribution."""
