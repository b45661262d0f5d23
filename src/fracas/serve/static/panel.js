// The event panel of the fracas dashboard: every field, the dispatches with each field's evidence
// highlighted, why reports were merged, the versions, and the review form (accept, edit, split, merge,
// reject). Values go into the page with textContent only. Uses el, getJSON, refresh, state, drawTable
// and SUB_TYPES from app.js.
"use strict";

function highlighted(text, spans) {
  // Spans are [start, end) offsets into the dispatch text; overlapping spans keep the first.
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const box = el("div", null, "dispatch");
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue;
    box.appendChild(document.createTextNode(text.slice(at, span.start)));
    const mark = el("mark", text.slice(span.start, span.end), "ev-" + fieldClass(span.field));
    mark.title = span.field;
    box.appendChild(mark);
    at = span.end;
  }
  box.appendChild(document.createTextNode(text.slice(at)));
  return box;
}

function fieldClass(field) {
  const known = ["event_type", "sub_event_type", "actor1", "actor2", "location", "event_date", "fatalities",
    "civilian_fatalities", "wounded", "sources"];
  const base = field.split(".")[0].replace(/\[.*$/, "");
  return known.includes(base) ? base : "other";
}

function placeLabel(place) {
  return `${[place.name, place.admin2, place.admin1, place.country].filter(Boolean).join(", ")} (${place.precision})`;
}

function fieldList(event) {
  const dl = el("dl");
  const actor = (a) => (a ? `${a.name} (${a.kind}${a.country ? ", " + a.country : ""})` : "—");
  const rows = [
    ["date", `${event.event_date} (${event.date_precision})`], ["type", event.event_type],
    ["sub-type", event.sub_event_type], ["actor 1", actor(event.actor1)], ["actor 2", actor(event.actor2)],
    ["associated", event.assoc_actors.map((a) => a.name).join("; ") || "—"],
    ["place", placeLabel(event.location)],
    ["fatalities", event.fatalities === null ? "not given" : event.fatalities],
    ["range", `${event.fatalities_low ?? "—"} – ${event.fatalities_high ?? "—"}`],
    ["civilians killed", event.civilian_fatalities ?? "—"], ["wounded", event.wounded ?? "—"],
    ["sources", event.sources.map((s) => `${s.name} (${s.kind})`).join("; ") || "—"],
    ["confidence", event.confidence], ["review", event.review_status], ["notes", event.notes],
  ];
  for (const [name, value] of rows) dl.append(el("dt", name), el("dd", value));
  return dl;
}

function input(name, value, attrs) {
  const node = el("input");
  node.name = name;
  node.value = value === null || value === undefined ? "" : String(value);
  Object.assign(node, attrs || {});
  return node;
}

function labelled(text, ...controls) {
  const label = el("div", null, "field");
  label.append(el("span", text), ...controls);
  return label;
}

function tollOf(control) {
  return control.value === "" ? null : Number(control.value);
}

function placeSearch(event, chosen) {
  // Search the gazetteer (/api/places) and pick the event's new place.
  const box = el("div", null, "place-search");
  const query = input("place_query", "", { placeholder: "search a place in the gazetteer", size: 24 });
  const find = el("button", "Find place"); find.type = "button"; find.name = "find place";
  const results = el("select"); results.name = "place"; results.hidden = true;
  find.addEventListener("click", async () => {
    const params = new URLSearchParams({ q: query.value });
    if (event.location.country) params.set("country", event.location.country);
    const answer = await getJSON("/api/places?" + params);
    results.replaceChildren(el("option", answer.places.length ? "— pick a place —" : "no place of that name"));
    results.firstChild.value = "";
    answer.places.forEach((place, index) => { results.appendChild(el("option", placeLabel(place))).value = String(index); });
    results.places = answer.places;
    results.hidden = false;
  });
  results.addEventListener("change", () => { chosen.place = results.value === "" ? null : results.places[Number(results.value)]; });
  box.append(query, " ", find, " ", results);
  return box;
}

const ACTOR_KINDS = ["state_forces", "rebel_group", "political_militia", "identity_militia", "rioters",
  "protesters", "civilians", "external_other"];

function choice(name, values, value) {
  const select = el("select"); select.name = name;
  for (const one of values) select.appendChild(el("option", one)).value = one;
  select.value = value;
  return select;
}

function reviewControls(event) {
  return {
    sub_event_type: choice("sub_event_type", SUB_TYPES, event.sub_event_type),
    actor1_kind: choice("actor1_kind", ACTOR_KINDS, event.actor1.kind),
    actor2_kind: choice("actor2_kind", ACTOR_KINDS, event.actor2 ? event.actor2.kind : "civilians"),
    event_date: input("event_date", event.event_date, { type: "date" }),
    actor1: input("actor1", event.actor1.name, { size: 28 }),
    actor2: input("actor2", event.actor2 ? event.actor2.name : "", { size: 28, placeholder: "none" }),
    fatalities: input("fatalities", event.fatalities, { type: "number", min: "0", placeholder: "not given" }),
    civilian_fatalities: input("civilian_fatalities", event.civilian_fatalities, { type: "number", min: "0" }),
    wounded: input("wounded", event.wounded, { type: "number", min: "0" }),
  };
}

function changesOf(event, controls, chosen) {
  const value = {};
  if (controls.sub_event_type.value !== event.sub_event_type) value.sub_event_type = controls.sub_event_type.value;
  if (controls.event_date.value !== event.event_date) value.event_date = controls.event_date.value;
  if (controls.actor1.value !== event.actor1.name || controls.actor1_kind.value !== event.actor1.kind) {
    value.actor1 = { ...event.actor1, name: controls.actor1.value.trim(), kind: controls.actor1_kind.value };
  }
  const actor2 = controls.actor2.value.trim();
  const before = event.actor2 || { name: "", kind: controls.actor2_kind.value, country: null, text: null };
  if (actor2 !== before.name || (actor2 && controls.actor2_kind.value !== before.kind)) {
    value.actor2 = actor2 ? { ...before, name: actor2, kind: controls.actor2_kind.value } : null;
  }
  for (const key of ["fatalities", "civilian_fatalities", "wounded"]) {
    const toll = tollOf(controls[key]);
    if (toll !== event[key]) value[key] = toll;
  }
  if (chosen.place) value.location = { ...chosen.place, text: null };  // the dispatch named another place
  return value;
}

function reviewForm(event) {
  const box = el("div", null, "review");
  box.appendChild(el("h3", "Review"));
  const token = input("token", sessionStorage.getItem("fracas-token") || "",
    { type: "password", placeholder: "your token (fracas users add NAME)", size: 36 });
  const controls = reviewControls(event);
  const chosen = { place: null };
  const note = el("textarea"); note.name = "note"; note.rows = 2; note.placeholder = "note: why (needed to reject, merge or split)";
  const message = el("p", "", "message");
  box.append(labelled("token", token), labelled("sub-type", controls.sub_event_type),
    labelled("date", controls.event_date), labelled("actor 1", controls.actor1, controls.actor1_kind),
    labelled("actor 2", controls.actor2, controls.actor2_kind),
    labelled("deaths", controls.fatalities), labelled("civilians", controls.civilian_fatalities),
    labelled("wounded", controls.wounded), labelled("place", placeSearch(event, chosen)), note);
  const buttons = el("div", null, "actions");
  const act = (label, path, body, then) => {
    const button = el("button", label); button.type = "button"; button.name = label.toLowerCase();
    button.addEventListener("click", async () => {
      sessionStorage.setItem("fracas-token", token.value);
      try {
        const answer = await getJSON(path, { method: "POST", body: JSON.stringify(body()),
          headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token.value } });
        state.picked.clear();
        await refresh();
        await openEvent(then ? then(answer) : event.event_id);
        document.querySelector("#panel .message").textContent = label + " saved";
      } catch (err) {
        message.textContent = err.message;
        message.className = "message error";
      }
    });
    buttons.appendChild(button);
    return button;
  };
  const base = "/api/events/" + encodeURIComponent(event.event_id);
  act("Accept", base + "/accept", () => ({ note: note.value }));
  act("Save edit", base + "/edit", () => ({ note: note.value, changes: changesOf(event, controls, chosen) }));
  act("Split", base + "/split", () => ({ note: note.value, changes: changesOf(event, controls, chosen) }),
    (answer) => answer.event_id).title = "make a second event from this one, with the values above";
  const others = [...state.picked].filter((id) => id !== event.event_id);
  const merge = act("Merge", "/api/merge", () => ({ note: note.value, event_ids: [event.event_id, ...others] }));
  merge.disabled = others.length === 0;
  merge.title = "tick events in the table to merge them into this one";
  act("Reject", base + "/reject", () => ({ note: note.value }));
  box.append(buttons, el("p", others.length ? `Merge takes in the ticked events: ${others.join(", ")}`
    : "To merge events into this one, tick them in the table.", "hint"), message);
  return box;
}

async function openEvent(eventId) {
  try {
    const detail = await getJSON("/api/events/" + encodeURIComponent(eventId));
    state.selected = eventId;
    drawTable();
    const event = detail.event;
    const panel = document.getElementById("panel");
    const title = el("h2", `${event.sub_event_type} — ${event.location.name}, ${event.event_date}`);
    const parts = [title, el("p", event.event_id, "hint"), fieldList(event), el("h3", "Dispatches")];
    for (const dispatch of detail.dispatches) {
      parts.push(el("p", [dispatch.id, dispatch.outlet, dispatch.published].filter(Boolean).join(" · ")));
      const keys = el("p", null, "legend");
      for (const field of [...new Set(dispatch.evidence.map((e) => e.field))]) {
        keys.appendChild(el("span", field, "field-key ev-" + fieldClass(field)));
      }
      parts.push(keys, highlighted(dispatch.text, dispatch.evidence));
    }
    const merged = detail.merges.filter((m) => m.reasons.length);
    if (merged.length) {
      parts.push(el("h3", "Why reports were merged"));
      for (const m of merged) parts.push(el("p", `${m.dispatch_id}: ${m.reasons.join(" ")}`));
    }
    parts.push(reviewForm(event), el("h3", "Versions"));
    const list = el("ol");
    for (const v of detail.versions) {
      list.appendChild(el("li", `${v.review_status}${v.reviewer ? " by " + v.reviewer : ""}` +
        `${v.created_at ? " at " + v.created_at : ""}${v.note ? ": " + v.note : ""}`));
    }
    parts.push(list);
    panel.replaceChildren(...parts);
  } catch (err) {
    showError(err);
  }
}
