// The fracas dashboard: map, timeline, filters, table and event panel over the JSON API.
// Every value from the store is put in the page with textContent (never innerHTML), so a dispatch
// containing markup shows as text.
"use strict";

const TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
  "Strategic developments"];
const COLOURS = { "Battles": "#d62728", "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd", "Protests": "#2ca02c", "Riots": "#8c564b",
  "Strategic developments": "#1f77b4" };
const SUB_TYPES = ["Armed clash", "Government regains territory", "Non-state actor overtakes territory",
  "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
  "Remote explosive/landmine/IED", "Grenade", "Sexual violence", "Attack", "Abduction/forced disappearance",
  "Peaceful protest", "Protest with intervention", "Excessive force against protesters", "Violent demonstration",
  "Mob violence", "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
  "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"];
const CONFIDENCES = ["confirmed", "fair", "weak", "contested"];
const STATUSES = ["machine", "accepted", "edited", "merged", "duplicate", "split", "rejected"];
const PAGE_SIZE = 25;

const state = { page: 1, rows: [], sortKey: null, sortDir: 1, selected: null };
const form = document.getElementById("filters");

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

function fillSelect(name, values) {
  const select = form.elements[name];
  for (const value of values) select.appendChild(el("option", value)).value = value;
}

function filterParams() {
  const params = new URLSearchParams();
  for (const element of form.elements) {
    if (element.name && element.value) params.set(element.name, element.value);
  }
  return params;
}

async function getJSON(url, options) {
  const response = await fetch(url, options);
  const body = await response.json();
  if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
  return body;
}

function showError(err) {
  const panel = document.getElementById("panel");
  panel.replaceChildren(el("p", err.message, "error"));
}

// -- map ------------------------------------------------------------------------------------------
const map = L.map("map", { zoomControl: true, attributionControl: false, minZoom: 1, maxZoom: 14 }).setView([20, 20], 2);
const clusters = L.markerClusterGroup({ maxClusterRadius: 40 });
map.addLayer(clusters);

async function drawBasemap() {
  try {
    const atlas = await getJSON("/vendor/countries-50m.json");
    const countries = topojson.feature(atlas, atlas.objects.countries);
    L.geoJSON(countries, { interactive: false,
      style: { color: "#8a8f94", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: 1 } }).addTo(map);
  } catch (err) {
    console.warn("no country outlines:", err);
  }
}

function addLegend() {
  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => {
    const box = el("div", null, "map-legend");
    for (const type of TYPES) {
      const row = el("div");
      const dot = el("i");
      dot.style.background = COLOURS[type];
      row.append(dot, document.createTextNode(type));
      box.appendChild(row);
    }
    return box;
  };
  legend.addTo(map);
}

function marker(feature) {
  const p = feature.properties;
  const [lon, lat] = feature.geometry.coordinates;
  const radius = 5 + Math.min(20, Math.sqrt(p.fatalities || 0) * 2);
  const area = p.location_precision !== "place";
  const options = { radius: area ? radius + 6 : radius, color: COLOURS[p.event_type] || "#555",
    fillColor: COLOURS[p.event_type] || "#555", weight: area ? 2 : 1,
    fillOpacity: area ? 0.15 : 0.8, dashArray: area ? "4 3" : null };
  const m = L.circleMarker([lat, lon], options);
  m.eventId = p.event_id;
  m.bindTooltip(`${p.event_date} ${p.sub_event_type} — ${p.location}`);
  m.on("click", () => openEvent(p.event_id));
  return m;
}

async function loadMap(params) {
  const query = new URLSearchParams(params);
  query.set("format", "geojson");
  query.set("page_size", "10000");
  const collection = await getJSON("/api/events?" + query);
  clusters.clearLayers();
  const markers = collection.features.filter((f) => f.geometry).map(marker);
  clusters.addLayers(markers);
  if (markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 8 });
  document.getElementById("map").dataset.markers = String(markers.length);
}

// -- timeline -------------------------------------------------------------------------------------
let chart = null;

async function loadTimeline(params) {
  const stats = await getJSON("/api/stats?" + params);
  const days = [...new Set(stats.by_day.map((d) => d.date))];
  const datasets = TYPES.filter((type) => stats.by_type[type]).map((type) => ({
    label: type, backgroundColor: COLOURS[type], stack: "all",
    data: days.map((day) => (stats.by_day.find((d) => d.date === day && d.event_type === type) || {}).count || 0),
  }));
  if (chart) chart.destroy();
  chart = new Chart(document.getElementById("timeline"), {
    type: "bar", data: { labels: days, datasets },
    options: { maintainAspectRatio: false, animation: false,
      plugins: { legend: { display: false }, title: { display: true, text: `${stats.total} events per day (click a day to filter)` } },
      scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 } } },
      onClick: (event, elements) => {
        if (!elements.length) return;
        const day = days[elements[0].index];
        form.elements.since.value = day;
        form.elements.until.value = day;
        refresh();
      } },
  });
}

// -- table ----------------------------------------------------------------------------------------
function cell(event, key) {
  switch (key) {
    case "actor1": return event.actor1.name;
    case "actor2": return event.actor2 ? event.actor2.name : "";
    case "place": return [event.location.name, event.location.admin1, event.location.country].filter(Boolean).join(", ");
    case "fatalities": return event.fatalities === null ? "" : event.fatalities;
    default: return event[key];
  }
}

function drawTable() {
  const rows = [...state.rows];
  if (state.sortKey) {
    rows.sort((a, b) => {
      const x = cell(a, state.sortKey), y = cell(b, state.sortKey);
      return (x > y ? 1 : x < y ? -1 : 0) * state.sortDir;
    });
  }
  const body = document.querySelector("#events tbody");
  body.replaceChildren(...rows.map((event) => {
    const tr = el("tr");
    tr.dataset.eventId = event.event_id;
    if (event.event_id === state.selected) tr.className = "selected";
    for (const th of document.querySelectorAll("#events th")) {
      const key = th.dataset.key;
      const td = el("td", key === "review_status" ? null : cell(event, key));
      if (key === "review_status") td.appendChild(el("span", event.review_status, "status status-" + event.review_status));
      tr.appendChild(td);
    }
    tr.addEventListener("click", () => openEvent(event.event_id));
    return tr;
  }));
  for (const th of document.querySelectorAll("#events th")) {
    th.classList.toggle("sorted-asc", th.dataset.key === state.sortKey && state.sortDir === 1);
    th.classList.toggle("sorted-desc", th.dataset.key === state.sortKey && state.sortDir === -1);
  }
}

async function loadTable(params) {
  const query = new URLSearchParams(params);
  query.set("page", String(state.page));
  query.set("page_size", String(PAGE_SIZE));
  const answer = await getJSON("/api/events?" + query);
  state.rows = answer.events;
  document.getElementById("page-label").textContent = `page ${answer.page}`;
  document.getElementById("prev").disabled = answer.page <= 1;
  document.getElementById("next").disabled = !answer.has_next;
  drawTable();
}

// -- event panel ----------------------------------------------------------------------------------
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

function fieldList(event) {
  const dl = el("dl");
  const actor = (a) => (a ? `${a.name} (${a.kind}${a.country ? ", " + a.country : ""})` : "—");
  const place = event.location;
  const rows = [
    ["date", `${event.event_date} (${event.date_precision})`], ["type", event.event_type],
    ["sub-type", event.sub_event_type], ["actor 1", actor(event.actor1)], ["actor 2", actor(event.actor2)],
    ["associated", event.assoc_actors.map((a) => a.name).join("; ") || "—"],
    ["place", `${[place.name, place.admin2, place.admin1, place.country].filter(Boolean).join(", ")} (${place.precision})`],
    ["fatalities", event.fatalities === null ? "not given" : event.fatalities],
    ["range", `${event.fatalities_low ?? "—"} – ${event.fatalities_high ?? "—"}`],
    ["civilians killed", event.civilian_fatalities ?? "—"], ["wounded", event.wounded ?? "—"],
    ["sources", event.sources.map((s) => `${s.name} (${s.kind})`).join("; ") || "—"],
    ["confidence", event.confidence], ["review", event.review_status], ["notes", event.notes],
  ];
  for (const [name, value] of rows) dl.append(el("dt", name), el("dd", value));
  return dl;
}

function reviewForm(event) {
  const box = el("div", null, "review");
  box.appendChild(el("h3", "Review"));
  const token = el("input"); token.type = "password"; token.placeholder = "your token (fracas users add NAME)";
  token.value = sessionStorage.getItem("fracas-token") || ""; token.size = 40; token.name = "token";
  const subType = el("select"); subType.name = "sub_event_type";
  for (const value of SUB_TYPES) subType.appendChild(el("option", value)).value = value;
  subType.value = event.sub_event_type;
  const date = el("input"); date.type = "date"; date.name = "event_date"; date.value = event.event_date;
  const deaths = el("input"); deaths.type = "number"; deaths.min = "0"; deaths.name = "fatalities";
  deaths.value = event.fatalities === null ? "" : event.fatalities; deaths.placeholder = "deaths";
  const actor1 = el("input"); actor1.name = "actor1"; actor1.value = event.actor1.name; actor1.size = 30;
  const note = el("textarea"); note.name = "note"; note.rows = 2; note.placeholder = "note: why";
  const message = el("p", "", "message");
  box.append(token, el("br"), subType, " ", date, " ", deaths, el("br"), actor1, note);
  const changes = () => {
    const value = {};
    if (subType.value !== event.sub_event_type) value.sub_event_type = subType.value;
    if (date.value !== event.event_date) value.event_date = date.value;
    const toll = deaths.value === "" ? null : Number(deaths.value);
    if (toll !== event.fatalities) value.fatalities = toll;
    if (actor1.value !== event.actor1.name) value.actor1 = { ...event.actor1, name: actor1.value };
    return value;
  };
  const act = (label, path, body) => {
    const button = el("button", label); button.type = "button"; button.name = label.toLowerCase();
    button.addEventListener("click", async () => {
      sessionStorage.setItem("fracas-token", token.value);
      try {
        await getJSON(path, { method: "POST", body: JSON.stringify(body()),
          headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token.value } });
        message.textContent = label + " saved";
        await refresh();
        await openEvent(event.event_id);
      } catch (err) {
        message.textContent = err.message;
        message.className = "error";
      }
    });
    box.appendChild(button);
  };
  const base = "/api/events/" + encodeURIComponent(event.event_id);
  act("Accept", base + "/accept", () => ({ note: note.value }));
  act("Save edit", base + "/edit", () => ({ note: note.value, changes: changes() }));
  act("Split", base + "/split", () => ({ note: note.value, changes: changes() }));
  act("Reject", base + "/reject", () => ({ note: note.value }));
  box.appendChild(message);
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
    const parts = [title, el("p", event.event_id, "hint"), fieldList(event), reviewForm(event), el("h3", "Dispatches")];
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
    parts.push(el("h3", "Versions"));
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

// -- wiring ---------------------------------------------------------------------------------------
async function refresh() {
  const params = filterParams();
  try {
    await Promise.all([loadMap(params), loadTimeline(params), loadTable(params)]);
    document.body.dataset.ready = "yes";
  } catch (err) {
    showError(err);
  }
}

fillSelect("event_type", TYPES);
fillSelect("sub_event_type", SUB_TYPES);
fillSelect("confidence", CONFIDENCES);
fillSelect("review_status", STATUSES);
form.addEventListener("submit", (e) => { e.preventDefault(); state.page = 1; refresh(); });
document.getElementById("reset").addEventListener("click", () => { form.reset(); state.page = 1; refresh(); });
document.getElementById("prev").addEventListener("click", () => { state.page -= 1; loadTable(filterParams()); });
document.getElementById("next").addEventListener("click", () => { state.page += 1; loadTable(filterParams()); });
for (const th of document.querySelectorAll("#events th")) {
  th.addEventListener("click", () => {
    state.sortDir = state.sortKey === th.dataset.key ? -state.sortDir : 1;
    state.sortKey = th.dataset.key;
    drawTable();
  });
}
addLegend();
drawBasemap().then(refresh);
