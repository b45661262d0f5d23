"""One English sentence per event, in the manner of ACLED's notes column."""

from __future__ import annotations

from fracas.model import Event

VERBS = {
    "Air/drone strike": "carried out air strikes",
    "Shelling/artillery/missile attack": "shelled",
    "Armed clash": "clashed with",
    "Attack": "attacked",
    "Remote explosive/landmine/IED": "detonated an explosive device",
    "Suicide bomb": "carried out a suicide bombing",
    "Grenade": "threw a grenade",
    "Chemical weapon": "used chemical weapons",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "committed sexual violence against",
    "Peaceful protest": "demonstrated",
    "Protest with intervention": "demonstrated and were dispersed by",
    "Excessive force against protesters": "demonstrated and were met with force by",
    "Violent demonstration": "rioted",
    "Mob violence": "attacked",
    "Agreement": "reached an agreement with",
    "Arrests": "arrested",
    "Looting/property destruction": "looted or destroyed property of",
    "Disrupted weapons use": "defused or intercepted weapons of",
    "Non-state actor overtakes territory": "took control of territory from",
    "Government regains territory": "regained territory from",
}
DIRECT_OBJECT = {"Armed clash", "Attack", "Abduction/forced disappearance", "Sexual violence", "Mob violence",
                 "Agreement", "Arrests", "Looting/property destruction", "Disrupted weapons use",
                 "Non-state actor overtakes territory", "Government regains territory", "Shelling/artillery/missile attack",
                 "Protest with intervention", "Excessive force against protesters"}


def write_note(event: Event) -> str:
    place = event.location
    where = place.name if place.precision != "admin1" else f"{place.name} province"
    if place.precision == "place" and place.admin1 and place.admin1 != place.name:
        where = f"{place.name} ({place.admin1})"
    when = event.event_date if event.date_precision == "day" else f"{event.event_date[:7]} ({event.date_precision})"
    sentence = f"On {when}, {event.actor1.name} {_act(event)} in {where}." + _toll(event)
    if event.sources:
        sentence += " Source: " + ", ".join(s.name for s in event.sources) + "."
    return sentence


def _act(event: Event) -> str:
    verb = VERBS.get(event.sub_event_type, "were involved in an event")
    target = event.actor2.name if event.actor2 else None
    if event.sub_event_type in DIRECT_OBJECT:
        return f"{verb} {target}" if target else verb.replace(" with", "").replace(" of", "").replace(" by", "").replace(" from", "")
    return f"{verb} against {target}" if target else verb


def _toll(event: Event) -> str:
    if event.fatalities is None:
        return f" {event.wounded} wounded." if event.wounded else ""
    toll = f"{event.fatalities} killed"
    if event.civilian_fatalities:
        toll += f", including {event.civilian_fatalities} civilians"
    if event.wounded:
        toll += f"; {event.wounded} wounded"
    return f" {toll[0].upper()}{toll[1:]}."
