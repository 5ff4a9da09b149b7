// app.js — the decision conference page of `partnerval serve`: the state
// (weights, limits, ignored constraints, must / must-not) becomes an RFC 7386
// merge patch of the case, sent to the JSON API, which answers exactly what
// the CLI prints for the patched case.
import { t, setLang, getLang, num, label } from "./i18n.js";
import { frontierSvg } from "./chart.js";
import { loadParties, renderParties, setWeights } from "./parties.js";

const $ = (id) => document.getElementById(id);
const FORCE_ID = "pv_serve_decisions";

let caseJson = null;      // GET /api/case
let crits = [];           // [{id, path: [ids], depth, node, parent}]
let state = null;         // {weights, limits, ignored, force}
let original = null;      // the case's own state
let history = [], future = [];
let lastSelect = null, prevSelected = null, lastRank = null, lastWeights = null;
let whyCache = null;      // select with why, for the current patch
let seq = 0, timer = null, stamp = null;

function h(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== false && v !== null && v !== undefined) e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const k of kids) if (k !== null && k !== undefined) e.append(k instanceof Node ? k : String(k));
  return e;
}

async function api(path, body) {
  const init = body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  };
  const r = await fetch(path, init);
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch (e) { json = null; }
  return { status: r.status, json, text, response: r };
}

function status(text, busy) {
  const s = $("status");
  s.textContent = text;
  s.classList.toggle("busy", !!busy);
}

// ---- the state and its patch ------------------------------------------------

function walk(obj, path, depth, parent, out) {
  for (const [id, node] of Object.entries(obj || {})) {
    out.push({ id, path: [...path, id], depth, node, parent });
    walk(node.children, [...path, id], depth + 1, id, out);
  }
  return out;
}

function initialState() {
  const s = { weights: {}, limits: {}, ignored: [], force: {} };
  for (const c of crits) s.weights[c.id] = Number(c.node.weight ?? 1);
  for (const [id, r] of Object.entries(caseJson.resources || {})) s.limits[id] = Number(r.limit);
  return s;
}

function patchOf(s) {
  const patch = {};
  for (const c of crits) {
    if (s.weights[c.id] === original.weights[c.id]) continue;
    patch.model = patch.model || { criteria: {} };
    let o = patch.model.criteria;
    c.path.forEach((id, i) => {
      o[id] = o[id] || {};
      if (i === c.path.length - 1) o[id].weight = s.weights[c.id];
      else { o[id].children = o[id].children || {}; o = o[id].children; }
    });
  }
  for (const [id, v] of Object.entries(s.limits)) {
    if (v === original.limits[id]) continue;
    patch.resources = patch.resources || {};
    patch.resources[id] = { limit: v };
  }
  const forcedIn = Object.keys(s.force).filter((k) => s.force[k] === "in").sort();
  const forcedOut = Object.keys(s.force).filter((k) => s.force[k] === "out").sort();
  if (s.ignored.length || forcedIn.length || forcedOut.length) {
    const cons = (caseJson.constraints || []).filter((k) => !s.ignored.includes(k.id));
    if (forcedIn.length || forcedOut.length)
      cons.push({ id: FORCE_ID, label: t("decision"), type: "force", in: forcedIn, out: forcedOut });
    patch.constraints = cons;
  }
  return patch;
}

// One change of the state, undoable; a change that changes nothing is dropped.
function commit(change) {
  const before = JSON.stringify(state);
  change(state);
  if (JSON.stringify(state) === before) return;
  history.push(before);
  future = [];
  schedule();
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(update, 120);
  renderControls();
}

// ---- solving -------------------------------------------------------------------

async function update() {
  const my = ++seq;
  const patch = patchOf(state);
  whyCache = null;
  status(t("loading"), true);
  const [sel, rank, w] = [await api("/api/select", { patch, options: { why: false } }),
    await api("/api/rank", { patch }), await api("/api/weights", { patch })];
  if (my !== seq) return; // a newer move is on its way
  if (sel.status === 400 || rank.status === 400) {
    const e = (sel.json || rank.json || {}).error || {};
    status(t("error") + ": " + (e.message || sel.text), false);
    return;
  }
  prevSelected = lastSelect && lastSelect.status !== "infeasible" ? lastSelect.selected_projects : prevSelected;
  lastSelect = sel.status === 409 ? sel.json.result : sel.json;
  lastRank = rank.json;
  lastWeights = w.json;
  renderWeightsNumbers();
  renderPortfolio();
  renderRanking();
  showParties();
  status(t("ready") + " · " + t("status_" + lastSelect.status), false);
  runFrontier(my);
  $("undo").disabled = history.length === 0;
  $("redo").disabled = future.length === 0;
  document.body.dataset.patch = JSON.stringify(patch); // what was solved (tests read it)
  document.body.dataset.seq = String(my);
}

// ---- rendering -----------------------------------------------------------------

function projectName(id) {
  const p = caseJson.display.projects[id];
  return p ? p.name : id;
}

// A resource's display name and unit (the case's "name" and "unit" in the
// page's language), else its id: politicians read "Budget", not budget_sek.
// A display name under any of its synonymous keys (models/README.md).
function nameOf(o) { return o ? o.name ?? o.label ?? o.labels : undefined; }
function resName(id) { return label(nameOf((caseJson.resources || {})[id]), id); }
function resUnit(id) { return label(((caseJson.resources || {})[id] || {}).unit, ""); }
function amount(x, id) { const u = resUnit(id); return num(x) + (u ? "\u00a0" + u : ""); }

function mainResource() {
  const ids = Object.keys(caseJson.resources || {});
  return ids.includes("budget_sek") ? "budget_sek" : ids[0];
}

function renderAll() {
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
  $("lang").textContent = getLang() === "sv" ? "English" : "Svenska";
  $("title").textContent = "partnerval – " + caseJson.name;
  document.title = "partnerval – " + caseJson.name;
  buildControls();
  if (lastSelect) { renderWeightsNumbers(); renderPortfolio(); renderRanking(); }
  showParties();
}

// ---- party weight sets -----------------------------------------------------------

// The cost of a set of projects in the main resource, with its unit ("kr").
function costOf(ids) {
  const res = mainResource();
  let sum = 0;
  for (const id of ids) sum += ((caseJson.display.projects[id] || {}).demand || {})[res] || 0;
  return amount(sum, res);
}

function showParties() {
  renderParties($("parties"), {
    h, caseJson, weights: state.weights, name: projectName, cost: costOf,
    setWeights: (name) => setWeights(caseJson, crits, original.weights, name),
    load: (name) => commit((s) => { s.weights = setWeights(caseJson, crits, original.weights, name); }),
  });
}

function buildControls() {
  const wbox = $("weights");
  wbox.replaceChildren();
  for (const c of crits) {
    const out = h("span", { class: "w", "data-w": c.id });
    const name = label(nameOf(c.node), c.id);
    // a rank, swing or ahp level derives its weights: a slider there would
    // patch a weight the case never reads
    const up = c.path.slice(0, -1).join("\u0000");
    const lvl = c.depth === 0 ? caseJson.model : crits.find((p) => p.path.join("\u0000") === up).node;
    const method = (lvl.weighting && lvl.weighting.method) || "direct";
    const fixed = method !== "direct";
    const input = h("input", {
      type: "range", min: 0, max: 10, step: 0.1, value: state.weights[c.id], "data-crit": c.id,
      "aria-label": name, disabled: fixed,
      title: fixed ? t("weight_by_method").replace("%s", method) : false,
      oninput: (ev) => commit((s) => { s.weights[c.id] = Number(ev.target.value); }),
    });
    wbox.append(h("div", { class: "crit" + (c.depth ? " child" : "") },
      h("label", {}, name), out, input));
  }
  const lbox = $("limits");
  lbox.replaceChildren();
  for (const [id, r] of Object.entries(caseJson.resources || {})) {
    let total = 0;
    for (const p of Object.values(caseJson.display.projects)) total += p.demand[id] || 0;
    const max = Math.max(total, r.limit * 1.5);
    const step = max > 10000 ? 5000 : max > 1000 ? 10 : 1;
    const set = (v) => commit((s) => { s.limits[id] = Math.max(0, Number(v)); });
    lbox.append(h("div", { class: "limit" },
      h("label", {}, resName(id) + (resUnit(id) ? ` (${resUnit(id)})` : "") + " "),
      h("input", { type: "number", min: 0, step, value: state.limits[id], "data-res": id,
        onchange: (ev) => set(ev.target.value) }),
      h("input", { type: "range", min: 0, max, step, value: state.limits[id], "data-res": id,
        "aria-label": resName(id), oninput: (ev) => set(ev.target.value) })));
  }
  const cbox = $("constraints");
  cbox.replaceChildren();
  for (const k of caseJson.constraints || []) {
    const on = !state.ignored.includes(k.id);
    cbox.append(h("li", { class: on ? "" : "ignored", "data-con": k.id },
      h("input", { type: "checkbox", checked: on, "data-con": k.id, "aria-label": label(nameOf(k), k.id),
        onchange: (ev) => commit((s) => {
          s.ignored = ev.target.checked ? s.ignored.filter((x) => x !== k.id) : [...s.ignored, k.id];
        }) }),
      h("span", {}, label(nameOf(k), k.id))));
  }
}

// Controls follow the state (after undo/redo) without being rebuilt.
function renderControls() {
  for (const e of document.querySelectorAll("input[data-crit]")) e.value = state.weights[e.dataset.crit];
  for (const e of document.querySelectorAll("input[data-res]")) {
    if (document.activeElement !== e) e.value = state.limits[e.dataset.res];
  }
  for (const e of document.querySelectorAll("#constraints input[data-con]")) {
    e.checked = !state.ignored.includes(e.dataset.con);
    e.parentElement.classList.toggle("ignored", !e.checked);
  }
  for (const e of document.querySelectorAll("select[data-force]")) e.value = state.force[e.dataset.force] || "free";
}

function renderWeightsNumbers() {
  const byId = {};
  for (const c of (lastWeights && lastWeights.criteria) || []) byId[c.id] = c;
  for (const e of document.querySelectorAll("[data-w]")) {
    const c = byId[e.dataset.w];
    e.textContent = c ? `${num(c.local * 100, 1)} % / ${num(c.global * 100, 1)} %` : "";
  }
}

function renderPortfolio() {
  const s = lastSelect;
  const diag = $("diagnosis");
  diag.replaceChildren();
  diag.hidden = s.status !== "infeasible";
  if (s.status === "infeasible" && s.diagnosis) {
    const d = s.diagnosis;
    diag.append(h("strong", {}, t("infeasible_title")));
    diag.append(h("p", {}, t("conflict") + ": " + d.conflict.map((k) => {
      const con = (caseJson.constraints || []).find((c) => c.id === k.id);
      return t("kind_" + k.kind) + " " + (k.kind === "resource" ? resName(k.id) : label(nameOf(con), k.id));
    }).join("; ")));
    const raise = (d.raise || []).filter((r) => r.by > 0);
    diag.append(h("p", { "data-raise": "" }, d.raising_resources_helps && raise.length
      ? t("raise") + ": " + raise.map((r) => `${resName(r.id)} ${t("by")} ${amount(r.by, r.id)} (→ ${amount(state.limits[r.id] + r.by, r.id)})`).join(", ")
      : t("raise_none")));
  }
  $("summary").textContent = s.status === "infeasible" ? t("status_infeasible")
    : t("summary", { n: s.selected_projects.length, v: num(s.objective, 2), s: t("status_" + s.status) });
  const bars = $("bars");
  bars.replaceChildren();
  for (const r of s.resources) {
    const full = r.limit > 0 && r.used >= r.limit - 1e-6;
    const pct = r.limit > 0 ? Math.min(100, (100 * r.used) / r.limit) : 0;
    const bar = h("div", { class: "bar" + (full ? " full" : ""), "data-bar": r.id },
      h("div", { style: false }), h("span", {}, `${resName(r.id)}: ${amount(r.used, r.id)} ${t("of")} ${amount(r.limit, r.id)}${full ? " · " + t("binding") : ""}`));
    bar.firstChild.style.width = pct + "%";
    bars.append(bar);
  }
  for (const k of s.constraints.filter((k) => k.binding && k.id !== FORCE_ID))
    bars.append(h("p", { class: "binding" }, t("binding") + ": " + (k.label || k.id)));
  const prev = prevSelected || [];
  const entered = s.selected_projects.filter((p) => !prev.includes(p));
  const left = prev.filter((p) => !s.selected_projects.includes(p));
  const ch = $("changes");
  ch.replaceChildren();
  if (prevSelected) {
    ch.append(h("li", { class: "entered" }, t("entered") + ": " + (entered.map((p) => p + " " + projectName(p)).join(", ") || t("none"))));
    ch.append(h("li", { class: "left" }, t("left") + ": " + (left.map((p) => p + " " + projectName(p)).join(", ") || t("none"))));
  }
  const ol = $("portfolio");
  ol.replaceChildren();
  const res = mainResource();
  for (const id of s.selected_projects) {
    const p = caseJson.display.projects[id] || { demand: {} };
    ol.append(h("li", { "data-id": id, class: prevSelected && entered.includes(id) ? "entered" : "",
      title: t("click_why"), onclick: () => showWhy(id) },
      `${id} ${projectName(id)} – ${amount(p.demand[res] || 0, res)}`));
  }
  const rv = $("review");
  rv.replaceChildren();
  // the decision's review, then the follow-up register's recommendation
  const why = (x) => (x.reasons && x.reasons.length ? ` (${x.reasons.join("; ")})` : "");
  for (const p of s.partners.filter((p) => p.review || p.followup))
    rv.append(h("li", {}, p.review ? `${p.name}: ${t("review_" + p.review.action)}` + why(p.review) : p.name,
      p.followup ? h("div", { class: "followup" },
        `${t("followup_label")}: ${t("review_" + p.followup.action)}` + why(p.followup)) : null));
  if (!rv.children.length) rv.append(h("li", {}, t("none")));
}

async function showWhy(id) {
  const box = $("why");
  box.hidden = false;
  box.textContent = t("loading");
  if (!whyCache) {
    const r = await api("/api/select", { patch: patchOf(state), options: { why: true } });
    whyCache = r.status === 409 ? r.json.result : r.json;
  }
  const p = (whyCache.projects || []).find((x) => x.id === id);
  box.replaceChildren(h("strong", {}, `${t("why_title")} – ${id} ${projectName(id)}: `),
    p && p.why ? p.why.text : (p && p.excluded_by && p.excluded_by.length ? p.excluded_by.join(", ") : "–"));
}

function renderRanking() {
  const tb = $("ranking").tBodies[0];
  const before = {};
  for (const tr of tb.rows) before[tr.dataset.id] = tr.dataset.rank;
  tb.replaceChildren();
  const res = mainResource();
  const sel = new Set(lastSelect.selected_projects);
  for (const p of lastRank.projects) {
    const d = caseJson.display.projects[p.id] || { demand: {} };
    const choose = h("select", { "data-force": p.id, "aria-label": t("decision") + " " + p.id,
      onchange: (ev) => commit((s) => {
        if (ev.target.value === "free") delete s.force[p.id]; else s.force[p.id] = ev.target.value;
      }) },
    h("option", { value: "free" }, t("free")), h("option", { value: "in" }, t("must")),
    h("option", { value: "out" }, t("mustnot")));
    choose.value = state.force[p.id] || "free";
    const moved = before[p.id] !== undefined && before[p.id] !== String(p.rank);
    tb.append(h("tr", { "data-id": p.id, "data-rank": p.rank,
      class: [sel.has(p.id) ? "selected" : "", p.eligible ? "" : "excluded", moved ? "moved" : ""].join(" ").trim() },
    h("td", { class: "num" }, p.eligible ? p.rank : "–"),
    h("td", {}, `${p.id} ${p.name}`),
    h("td", { class: "num" }, num(p.score, 1)),
    h("td", { class: "num" }, num(d.demand[res] || 0)),
    h("td", {}, choose)));
  }
}

// ---- frontier, robustness, scenarios, export -----------------------------------

// The frontier of the main resource for the state solved as move my (a
// newer move drops this answer).
async function runFrontier(my) {
  const res = mainResource();
  const r = await api("/api/frontier", { patch: patchOf(state), options: { resource: res, steps: 20 } });
  if (my !== seq) return;
  const box = $("frontier");
  box.replaceChildren();
  if (r.status !== 200) { box.textContent = (r.json && r.json.error && r.json.error.message) || r.text; return; }
  const cur = lastSelect && lastSelect.status !== "infeasible"
    ? { cost: lastSelect.resources.find((x) => x.id === res).used, value: lastSelect.objective } : null;
  box.append(frontierSvg(r.json, cur, { title: t("frontier"), x: resName(res) + (resUnit(res) ? ` (${resUnit(res)})` : "") }));
  if (r.json.exact === false) box.append(h("p", { class: "warn" }, t("frontier_inexact")));
}

async function runRobust() {
  $("robust-progress").hidden = false;
  $("robust-run").disabled = true;
  status(t("robust_running"), true);
  const r = await api("/api/robust", { patch: patchOf(state), options: { samples: 500, seed: 1 } });
  $("robust-progress").hidden = true;
  $("robust-run").disabled = false;
  const box = $("robust");
  box.replaceChildren();
  if (r.status !== 200) { box.textContent = (r.json && r.json.error && r.json.error.message) || r.text; return; }
  const rb = r.json;
  box.append(h("p", {}, t("base_share", { p: num(rb.base_share * 100, 1) + " %" })));
  if (rb.unproven > 0) box.append(h("p", { class: "warn" }, t("robust_unproven", { n: rb.unproven })));
  const tb = h("tbody");
  for (const p of rb.projects) {
    const bar = h("span", { class: "share" });
    bar.style.width = Math.round(p.share * 120) + "px";
    tb.append(h("tr", { "data-id": p.id },
      h("td", {}, `${p.id} ${projectName(p.id)}`), h("td", { class: "num" }, num(p.share * 100, 1) + " %"), h("td", {}, bar),
      h("td", { class: "num" }, `${num(p.ci_low * 100, 1)}–${num(p.ci_high * 100, 1)} %`),
      h("td", { class: "group-" + p.group }, t("group_" + p.group))));
  }
  box.append(h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, t("project")), h("th", { class: "num" }, t("share")),
    h("th", {}), h("th", { class: "num" }, t("interval")), h("th", {}, t("group")))), tb));
  status(t("ready"), false);
}

async function loadScenarios() {
  const r = await api("/api/scenarios");
  const ul = $("scenario-list");
  ul.replaceChildren();
  for (const s of r.json || []) {
    ul.append(h("li", {}, h("label", {}, h("input", { type: "checkbox", "data-file": s.file }),
      " " + (s.scenario.name || s.file) + " (" + s.file + ")")));
    ul.lastChild.dataset.patch = JSON.stringify(s.scenario.patch || {});
    ul.lastChild.dataset.name = s.scenario.name || s.file;
  }
  if (!ul.children.length) ul.append(h("li", {}, t("no_scenarios")));
}

async function saveScenario() {
  const name = $("scenario-name").value.trim();
  const r = await api("/api/scenario", { name, patch: patchOf(state) });
  $("scenario-msg").textContent = r.status === 201 ? `${t("saved")} ${r.json.file}`
    : t("error") + ": " + ((r.json && r.json.error && r.json.error.message) || r.text);
  if (r.status === 201) loadScenarios();
}

async function compareScenarios() {
  const picked = [...document.querySelectorAll("#scenario-list li")].filter((li) => {
    const c = li.querySelector("input"); return c && c.checked;
  });
  const box = $("compare");
  box.replaceChildren();
  const scen = [{ name: t("current"), patch: patchOf(state) },
    ...picked.map((li) => ({ name: li.dataset.name, patch: JSON.parse(li.dataset.patch) }))];
  const r = await api("/api/compare", { scenarios: scen });
  if (r.status !== 200) { box.textContent = (r.json && r.json.error && r.json.error.message) || r.text; return; }
  const cols = [{ name: t("base"), ...r.json.base }, ...r.json.scenarios];
  const row = (head, f) => h("tr", {}, h("th", {}, head), ...cols.map((c) => h("td", {}, f(c))));
  box.append(h("table", { id: "compare-table" },
    h("thead", {}, h("tr", {}, h("th", {}), ...cols.map((c) => h("th", {}, c.name)))),
    h("tbody", {},
      row(t("value"), (c) => c.objective === null ? t("status_infeasible") : num(c.objective, 2)),
      ...c0res(cols).map((id) => row(resName(id), (c) => { const x = c.resources.find((q) => q.id === id); return x ? `${num(x.used)} / ${amount(x.limit, id)}` : ""; })),
      row(t("selected"), (c) => c.selected_projects.join(", ")),
      row(t("entered"), (c) => (c.added || []).join(", ")),
      row(t("left"), (c) => (c.removed || []).join(", ")))));
}
const c0res = (cols) => (cols[0].resources || []).map((r) => r.id);

async function exportReport() {
  const q = `/api/report?format=html&command=select&lang=${getLang()}`;
  const r = await fetch(q, { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ patch: patchOf(state) }) });
  if (r.status !== 200) { status(t("error") + ": " + (await r.text()), false); return; }
  const blob = await r.blob();
  const a = h("a", { href: URL.createObjectURL(blob), download: "partnerval-select.html" });
  document.body.append(a);
  a.click();
  a.remove();
}

// ---- reload when the inputs change on disk --------------------------------------

// The server answers from the files as it last read them ("loaded"): the
// page offers a reload when the files on disk differ, and a broken save only
// shows its error, the last good state still answering.
async function poll() {
  const r = await api("/api/inputs");
  if (!r.json) return;
  if (stamp === null) stamp = r.json.loaded || r.json.stamp;
  const box = $("reload");
  if (r.json.stamp === (r.json.loaded || stamp)) { box.hidden = true; return; }
  box.hidden = false;
  box.classList.toggle("error", !!r.json.error);
  $("reload-text").textContent = r.json.error ? `${t("broken_inputs")} ${r.json.error}` : t("changed_inputs");
  $("reload-button").hidden = !!r.json.error;
}

async function reloadCase() {
  const l = await api("/api/reload", {});
  if (l.status !== 200) {
    const box = $("reload");
    box.hidden = false;
    box.classList.add("error");
    $("reload-text").textContent = `${t("broken_inputs")} ${(l.json && l.json.error && l.json.error.message) || l.text}`;
    $("reload-button").hidden = true;
    return;
  }
  const r = await api("/api/case");
  if (r.status !== 200) return;
  const i = await api("/api/inputs");
  stamp = i.json ? i.json.loaded || i.json.stamp : null;
  $("reload").hidden = true;
  setCase(r.json, true);
  await loadParties(api);
  renderAll();
  update();
}

function setCase(json, keep) {
  caseJson = json;
  crits = walk(caseJson.model.criteria, [], 0, null, []);
  original = initialState();
  if (!keep || !state) { state = initialState(); return; }
  const s = initialState();
  for (const k of Object.keys(s.weights)) if (k in state.weights) s.weights[k] = state.weights[k];
  for (const k of Object.keys(s.limits)) if (k in state.limits) s.limits[k] = state.limits[k];
  s.ignored = state.ignored.filter((id) => (caseJson.constraints || []).some((c) => c.id === id));
  for (const [k, v] of Object.entries(state.force)) if (caseJson.display.projects[k]) s.force[k] = v;
  state = s;
}

async function main() {
  const [c, i] = [await api("/api/case"), await api("/api/inputs")];
  if (c.status !== 200) { status((c.json && c.json.error && c.json.error.message) || c.text); return; }
  setLang((i.json && i.json.lang) || c.json.model.language || "sv");
  stamp = i.json ? i.json.loaded || i.json.stamp : null;
  setCase(c.json, false);
  await loadParties(api);
  renderAll();
  $("undo").onclick = () => { if (history.length) { future.push(JSON.stringify(state)); state = JSON.parse(history.pop()); schedule(); } };
  $("redo").onclick = () => { if (future.length) { history.push(JSON.stringify(state)); state = JSON.parse(future.pop()); schedule(); } };
  $("lang").onclick = () => {
    setLang(getLang() === "sv" ? "en" : "sv");
    renderAll();
    loadScenarios();
    if (lastSelect) status(t("ready") + " · " + t("status_" + lastSelect.status), false);
  };
  $("export").onclick = exportReport;
  $("robust-run").onclick = runRobust;
  $("save-scenario").onclick = saveScenario;
  $("compare-run").onclick = compareScenarios;
  $("reload-button").onclick = reloadCase;
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "z") $(e.shiftKey ? "redo" : "undo").click();
  });
  await update();
  loadScenarios();
  setInterval(poll, 2000);
}

main();
