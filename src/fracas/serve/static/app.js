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
const LABELLED_MARKERS = 30;
const MAP_EVENTS = 10000;
const mapNotice = document.getElementById("map-notice");

const state = { page: 1, rows: [], sortKey: null, sortDir: 1, selected: null, picked: new Set() };
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
function clusterIcon(cluster) {
  // A cluster takes the colour of the event type most of its events have; its size grows with their number.
  const counts = new Map();
  for (const m of cluster.getAllChildMarkers()) counts.set(m.eventType, (counts.get(m.eventType) || 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const n = cluster.getChildCount();
  const size = n < 10 ? 28 : n < 100 ? 34 : n < 1000 ? 40 : 46;
  const disc = el("div", n.toLocaleString("en"), "cluster-disc");
  disc.style.background = COLOURS[top] || "#555";
  disc.title = [...counts.entries()].map(([type, count]) => `${type}: ${count}`).join("\n");
  return L.divIcon({ html: disc, className: "type-cluster", iconSize: [size, size] });
}

const clusters = L.markerClusterGroup({ maxClusterRadius: 40, iconCreateFunction: clusterIcon });
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
  m.eventType = p.event_type;
  m.bindTooltip(`${p.event_date} ${p.sub_event_type} — ${p.location}`);
  m.on("click", () => openEvent(p.event_id));
  return m;
}

async function loadMap(params) {
  const query = new URLSearchParams(params);
  query.set("format", "geojson");
  query.set("page_size", String(MAP_EVENTS));
  const collection = await getJSON("/api/events?" + query);
  clusters.clearLayers();
  const placed = collection.features.filter((f) => f.geometry);
  const markers = placed.map(marker);
  if (markers.length <= LABELLED_MARKERS) {
    // Few events: name their places on the map (the basemap has outlines only, no names).
    markers.forEach((m, i) => m.unbindTooltip().bindTooltip(placed[i].properties.location,
      { permanent: true, direction: "right", offset: [8, 0], className: "place-label" }));
  }
  clusters.addLayers(markers);
  mapNotice.textContent = collection.has_next
    ? `the map shows the first ${MAP_EVENTS.toLocaleString("en")} matching events (oldest first): narrow the filters or drag on the timeline to see the others`
    : "";
  mapNotice.hidden = !collection.has_next;
  if (markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 8 });
  document.getElementById("map").dataset.markers = String(markers.length);
}

// -- timeline: events per day, stacked by type; drag across it to filter by a date range ---------
let chart = null;
const brush = { days: [], from: null, box: document.getElementById("brush") };

function dayRange(first, last) {
  // Every day from first to last (ISO dates), so that the axis is time and a gap shows as a gap.
  const days = [];
  const end = Date.parse(last + "T00:00:00Z");
  for (let t = Date.parse(first + "T00:00:00Z"); t <= end && days.length < 20000; t += 86400000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

async function loadTimeline(params) {
  const stats = await getJSON("/api/stats?" + params);
  const seen = stats.by_day.map((d) => d.date);
  const days = seen.length ? dayRange(seen[0], seen[seen.length - 1]) : [];
  const counts = new Map(stats.by_day.map((d) => [d.date + "|" + d.event_type, d.count]));
  const datasets = TYPES.filter((type) => stats.by_type[type]).map((type) => ({
    label: type, backgroundColor: COLOURS[type], stack: "all", barPercentage: 1, categoryPercentage: 0.9,
    data: days.map((day) => counts.get(day + "|" + type) || 0),
  }));
  brush.days = days;
  document.getElementById("count").textContent =
    `${stats.total.toLocaleString("en")} event${stats.total === 1 ? "" : "s"}` + (params.toString() ? " match the filters" : "");
  document.getElementById("count").dataset.total = String(stats.total);
  if (chart) chart.destroy();
  chart = new Chart(document.getElementById("timeline"), {
    type: "bar", data: { labels: days, datasets },
    options: { maintainAspectRatio: false, animation: false, events: ["mousemove", "mouseout"],
      plugins: { legend: { display: false },
        title: { display: true, text: "events per day — drag across days to filter by date, click a day for that day" } },
      scales: { x: { stacked: true, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
        y: { stacked: true, ticks: { precision: 0 } } } },
  });
}

function dayAt(clientX) {
  // The day under a pixel of the timeline (nearest bar), or null outside the axis.
  if (!chart || !brush.days.length) return null;
  const x = clientX - chart.canvas.getBoundingClientRect().left;
  const scale = chart.scales.x;
  if (x < scale.left - 2 || x > scale.right + 2) return null;
  const index = Math.round(scale.getValueForPixel(x));
  return brush.days[Math.max(0, Math.min(brush.days.length - 1, index))];
}

function drawBrush(fromX, toX) {
  const canvas = chart.canvas.getBoundingClientRect();
  const box = brush.box;
  const left = Math.min(fromX, toX) - canvas.left, width = Math.abs(toX - fromX);
  box.style.left = `${left + chart.canvas.offsetLeft}px`;
  box.style.width = `${width}px`;
  box.style.top = `${chart.chartArea.top + chart.canvas.offsetTop}px`;
  box.style.height = `${chart.chartArea.bottom - chart.chartArea.top}px`;
  box.hidden = false;
}

function setupBrush() {
  const canvas = document.getElementById("timeline");
  canvas.addEventListener("pointerdown", (e) => {
    if (dayAt(e.clientX) === null) return;
    brush.from = e.clientX;
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener("pointermove", (e) => {
    if (brush.from !== null) drawBrush(brush.from, e.clientX);
  });
  canvas.addEventListener("pointerup", (e) => {
    if (brush.from === null) return;
    const first = dayAt(Math.min(brush.from, e.clientX)) || brush.days[0];
    const last = dayAt(Math.max(brush.from, e.clientX)) || brush.days[brush.days.length - 1];
    brush.from = null;
    brush.box.hidden = true;
    if (!first || !last) return;
    form.elements.since.value = first;
    form.elements.until.value = last;
    state.page = 1;
    refresh();
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

function pickCell(event) {
  // A tick box: the ticked events are the ones the panel's Merge takes into the open event.
  const td = el("td", null, "pick");
  const box = el("input"); box.type = "checkbox"; box.name = "pick"; box.checked = state.picked.has(event.event_id);
  box.title = "tick to merge into the event open in the panel";
  box.addEventListener("click", (e) => {
    e.stopPropagation();
    if (box.checked) state.picked.add(event.event_id); else state.picked.delete(event.event_id);
    if (state.selected) openEvent(state.selected);
  });
  td.appendChild(box);
  return td;
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
    tr.appendChild(pickCell(event));
    for (const th of document.querySelectorAll("#events th[data-key]")) {
      const key = th.dataset.key;
      const td = el("td", key === "review_status" ? null : cell(event, key));
      if (key === "review_status") td.appendChild(el("span", event.review_status, "status status-" + event.review_status));
      tr.appendChild(td);
    }
    tr.addEventListener("click", () => openEvent(event.event_id));
    return tr;
  }));
  for (const th of document.querySelectorAll("#events th[data-key]")) {
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
document.getElementById("reset-filters").addEventListener("click", () => { form.reset(); state.page = 1; refresh(); });
document.getElementById("prev").addEventListener("click", () => { state.page -= 1; loadTable(filterParams()); });
document.getElementById("next").addEventListener("click", () => { state.page += 1; loadTable(filterParams()); });
for (const th of document.querySelectorAll("#events th[data-key]")) {
  th.addEventListener("click", () => {
    state.sortDir = state.sortKey === th.dataset.key ? -state.sortDir : 1;
    state.sortKey = th.dataset.key;
    drawTable();
  });
}
addLegend();
setupBrush();
drawBasemap().then(refresh);
