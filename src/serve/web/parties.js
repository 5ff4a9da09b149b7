// parties.js — the panel of the case's party weight sets (POST /api/parties,
// the JSON of `partnerval parties`): each set's own best portfolio, the
// max-min compromise and the minimax-regret portfolio with every set's share
// of its own best value, which projects each portfolio holds, and the
// conflict between the sets. A button per set loads its weights into the
// sliders. The panel is hidden when the case has no weight sets (404).
import { t, num } from "./i18n.js";

let data = null;   // the answer of /api/parties, or null
let problem = "";  // an error other than "no weight sets", shown in the panel

export async function loadParties(api) {
  const r = await api("/api/parties", {});
  data = r.status === 200 ? r.json : null;
  problem = r.status === 200 || r.status === 404 ? ""
    : (r.json && r.json.error && r.json.error.message) || r.text;
}

const pct = (x) => num(x * 100, 1) + " %";

// The weights of set name: the case's own, with the set's merge patch applied
// (its "criteria" tree, by each criterion's path of ids).
export function setWeights(caseJson, crits, own, name) {
  const patch = (caseJson.weight_sets || {})[name] || {};
  const w = { ...own };
  for (const c of crits) {
    let node = { children: patch.criteria };
    for (const id of c.path) node = node && node.children ? node.children[id] : undefined;
    if (node && typeof node.weight === "number") w[c.id] = node.weight;
  }
  return w;
}

// Which set's weights the sliders show now ("" when none).
function activeSet(v) {
  for (const s of data.sets) {
    const w = v.setWeights(s.name);
    if (Object.keys(w).every((k) => w[k] === v.weights[k])) return s.name;
  }
  return "";
}

// v: {h, caseJson, weights (the sliders'), setWeights(name), name(id),
//     cost(ids) -> "123 000 kr", load(name)}
export function renderParties(box, v) {
  const { h } = v;
  const panel = box.closest("section");
  panel.hidden = !data && !problem;
  box.replaceChildren();
  if (problem) { box.append(h("p", { class: "diagnosis" }, t("error") + ": " + problem)); return; }
  if (!data) return;
  const sets = data.sets;
  const active = activeSet(v);
  const mmrShare = (k) => (sets[k].objective > 0 ? 1 - data.minimax_regret.regret[sets[k].name] / sets[k].objective : 1);
  const comment = (name) => ((v.caseJson.weight_sets || {})[name] || {}).comment;

  // Each set: its best value and cost, its share under the two compromises.
  const rows = sets.map((s, k) => h("tr", { "data-set": s.name, class: s.name === active ? "active" : "" },
    h("th", { scope: "row" }, h("span", { class: "set-name" }, s.name),
      comment(s.name) ? h("span", { class: "set-note" }, comment(s.name)) : null),
    h("td", { class: "num" }, num(s.objective, 2)),
    h("td", { class: "num" }, v.cost(s.selected_projects)),
    h("td", { class: "num maxmin", "data-sat": s.name }, pct(data.maxmin.satisfaction[s.name])),
    h("td", { class: "num" }, pct(mmrShare(k))),
    h("td", { class: "noprint" }, h("button", { type: "button", "data-load": s.name,
      onclick: () => v.load(s.name) }, t("parties_load")))));
  box.append(h("table", { class: "sets" },
    h("thead", {}, h("tr", {}, h("th", {}, t("parties_set")), h("th", { class: "num" }, t("parties_best")),
      h("th", { class: "num" }, t("parties_cost")), h("th", { class: "num maxmin" }, t("parties_maxmin_share")),
      h("th", { class: "num" }, t("parties_mmr_share")), h("th", { class: "noprint" }))),
    h("tbody", {}, ...rows)));
  box.append(h("p", { class: "hint", id: "parties-active" },
    active ? t("parties_active", { s: active }) : t("parties_load_hint")));

  // The two compromise portfolios.
  const card = (cls, head, rule, x, fig) => h("div", { class: "card " + cls, "data-portfolio": cls },
    h("h3", {}, head), h("p", { class: "hint" }, rule),
    h("ul", {}, ...x.selected_projects.map((id) => h("li", { "data-id": id, title: id }, v.name(id)))),
    h("p", {}, t("parties_cost") + ": " + v.cost(x.selected_projects)), h("p", {}, fig));
  box.append(h("div", { class: "cards" },
    card("maxmin", t("parties_maxmin"), t("parties_maxmin_rule"), data.maxmin,
      t("parties_min_share") + ": " + pct(data.maxmin.min_satisfaction)),
    card("mmr", t("parties_mmr"), t("parties_mmr_rule"), data.minimax_regret,
      t("parties_max_regret") + ": " + num(data.minimax_regret.max_regret, 2) + " " + t("parties_points"))));

  // Projects x sets: the projects any portfolio holds.
  const inSet = sets.map((s) => new Set(s.selected_projects));
  const mm = new Set(data.maxmin.selected_projects), mr = new Set(data.minimax_regret.selected_projects);
  const mark = (b, cls) => h("td", { class: "mark" + (cls ? " " + cls : "") }, b ? "✓" : "");
  const prow = data.projects.filter((p) => p.share > 0 || mm.has(p.id) || mr.has(p.id)).map((p) =>
    h("tr", { "data-id": p.id }, h("th", { scope: "row", title: p.id }, v.name(p.id)),
      ...inSet.map((s) => mark(s.has(p.id))), mark(mm.has(p.id), "maxmin"), mark(mr.has(p.id)),
      h("td", { class: "num" }, pct(p.share))));
  box.append(h("div", { class: "keep" }, h("h3", {}, t("parties_matrix")), h("table", { class: "matrix" },
    h("thead", {}, h("tr", {}, h("th", {}, t("project")), ...sets.map((s) => h("th", { class: "mark" }, s.name)),
      h("th", { class: "mark maxmin" }, t("parties_maxmin_short")), h("th", { class: "mark" }, t("parties_mmr_short")),
      h("th", { class: "num" }, t("parties_share")))),
    h("tbody", {}, ...prow))));

  // The conflict between the sets.
  box.append(h("div", { class: "keep" }, h("h3", {}, t("parties_conflict")),
    h("p", { class: "hint" }, t("parties_conflict_hint")),
    h("ul", { class: "plain conflict" }, ...data.conflict.map((c) =>
      h("li", {}, `${c.a} – ${c.b}: ${num(c.index, 2)}`)),
    h("li", { "data-group": "" }, h("strong", {}, t("parties_group") + ": " + num(data.group_conflict, 2))))));
}
