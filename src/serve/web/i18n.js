// i18n.js — every word of the page in Swedish and English.
export const WORDS = {
  sv: {
    undo: "Ångra", redo: "Gör om", export: "Exportera rapport (HTML)", reload: "Läs in igen",
    weights: "Vikter", weights_hint: "Dra i ett reglage: rangordning och portfölj räknas om direkt. Lokal vikt / global vikt.",
    limits: "Gränser", constraints: "Villkor (bocka ur för att bortse från)",
    portfolio: "Portfölj", review: "Befintliga avtal att se över", ranking: "Rangordning",
    project: "Förslag", score: "Poäng", cost: "Kostnad", decision: "Beslut",
    free: "fri", must: "måste med", mustnot: "får inte med",
    frontier: "Budgetkurva", frontier_hint: "Bästa möjliga värde mot gränsen. P = nuvarande portfölj, C = billigaste portfölj lika bra som P, B = bästa portfölj till P:s kostnad.",
    robust: "Robusthet", robust_run: "Kör robusthetsanalys (500 dragningar)", robust_running: "Robusthetsanalysen körs …",
    scenarios: "Scenarier", scenario_name: "Namn", save: "Spara scenario", compare: "Jämför valda med nuläget",
    saved: "Sparat som", loading: "Räknar …", ready: "Klart", error: "Fel",
    status_optimal: "optimal", status_feasible: "möjlig (inte bevisat optimal)", status_infeasible: "ingen möjlig portfölj",
    summary: "{n} projekt valda, totalt värde {v} ({s})",
    entered: "Kom in", left: "Föll bort", none: "inga",
    infeasible_title: "Ingen portfölj uppfyller alla villkor.",
    conflict: "Dessa gränser och villkor går inte ihop", raise: "Minsta höjning som räcker",
    raise_none: "Att höja resursgränserna räcker inte; ändra villkoren.",
    kind_resource: "resurs", kind_constraint: "villkor", kind_force: "måste/får inte",
    by: "med", used: "använt", of: "av", binding: "bindande",
    why_title: "Varför", click_why: "Klicka på ett projekt för att se varför det är med eller inte.",
    share: "Andel", interval: "95 %-intervall", group: "Grupp",
    group_core: "kärna", group_borderline: "gränsfall", group_exterior: "utanför",
    base_share: "Nuvarande portfölj är optimal i {p} av dragningarna.",
    base: "Nuläge", current: "Nuvarande inställningar", value: "Värde", selected: "Valda",
    changed_inputs: "Indatafilerna har ändrats på disken.", broken_inputs: "Indatafilerna har ändrats men går inte att läsa (senaste fungerande läge behålls):",
    nothing_selected: "Välj minst ett sparat scenario.", no_scenarios: "Inga sparade scenarier ännu.",
    weight_level_fixed: "vikterna på denna nivå kommer från {m}",
    engaged: "engagerad", lang_other: "Svenska",
  },
  en: {
    undo: "Undo", redo: "Redo", export: "Export report (HTML)", reload: "Reload",
    weights: "Weights", weights_hint: "Move a slider: the ranking and the portfolio re-solve at once. Local weight / global weight.",
    limits: "Limits", constraints: "Constraints (untick to ignore)",
    portfolio: "Portfolio", review: "Existing agreements to review", ranking: "Ranking",
    project: "Proposal", score: "Score", cost: "Cost", decision: "Decision",
    free: "free", must: "must", mustnot: "must not",
    frontier: "Budget frontier", frontier_hint: "Best possible value against the limit. P = current portfolio, C = cheapest portfolio as good as P, B = best portfolio at P's cost.",
    robust: "Robustness", robust_run: "Run robustness analysis (500 samples)", robust_running: "Robustness analysis running …",
    scenarios: "Scenarios", scenario_name: "Name", save: "Save scenario", compare: "Compare selected with the current state",
    saved: "Saved as", loading: "Solving …", ready: "Ready", error: "Error",
    status_optimal: "optimal", status_feasible: "feasible (not proven optimal)", status_infeasible: "no feasible portfolio",
    summary: "{n} projects chosen, total value {v} ({s})",
    entered: "Entered", left: "Left", none: "none",
    infeasible_title: "No portfolio satisfies every constraint.",
    conflict: "These limits and constraints conflict", raise: "Smallest raise that suffices",
    raise_none: "Raising the resource limits is not enough; change the constraints.",
    kind_resource: "resource", kind_constraint: "constraint", kind_force: "must/must not",
    by: "by", used: "used", of: "of", binding: "binding",
    why_title: "Why", click_why: "Click a project to see why it is in or out.",
    share: "Share", interval: "95 % interval", group: "Group",
    group_core: "core", group_borderline: "borderline", group_exterior: "exterior",
    base_share: "The current portfolio is optimal in {p} of the samples.",
    base: "Base", current: "Current settings", value: "Value", selected: "Selected",
    changed_inputs: "The input files have changed on disk.", broken_inputs: "The input files have changed but cannot be read (the last good state is kept):",
    nothing_selected: "Pick at least one saved scenario.", no_scenarios: "No saved scenarios yet.",
    weight_level_fixed: "this level's weights come from {m}",
    engaged: "engaged", lang_other: "English",
  },
};

// Words of the party weight sets panel and the agreement review, each as
// [Swedish, English]; merged into WORDS below.
const PAIRS = {
  review_keep: ["behålls", "keep"],
  review_review: ["ses över", "review"],
  review_revive: ["återupptas", "revive"],
  review_end_candidate: ["kandidat för avslut", "candidate for ending"],
  parties: ["Partiernas viktningar", "Party weight sets"],
  parties_hint: ["Varje grupps vikter ger en egen bästa portfölj. Kompromissen (max-min) ger den grupp som får minst av sitt bästa värde så mycket som möjligt. Minsta största förlust håller den största förlusten i poäng så liten som möjligt. Räknat på ärendet som det är sparat (gränser och villkor i filerna).",
    "Each group's weights give its own best portfolio. The compromise (max-min) gives the group that gets least of its best value as much as possible. Minimax regret keeps the largest loss in points as small as possible. Computed on the case as saved (limits and constraints in the files)."],
  parties_set: ["Grupp", "Group"],
  parties_best: ["Eget bästa värde", "Own best value"],
  parties_cost: ["Projektens kostnad", "Projects' cost"],
  parties_maxmin_share: ["Andel i kompromissen", "Share in the compromise"],
  parties_mmr_share: ["Andel vid minsta största förlust", "Share under minimax regret"],
  parties_load: ["Använd vikterna", "Use these weights"],
  parties_load_hint: ["”Använd vikterna” lägger gruppens vikter i reglagen: portföljen visar då vad gruppens vikter väljer med dagens gränser.",
    "“Use these weights” puts the group's weights into the sliders: the portfolio then shows what the group's weights choose within today's limits."],
  parties_active: ["Reglagen visar nu vikterna för {s}.", "The sliders now show the weights of {s}."],
  parties_maxmin: ["Kompromiss (max-min)", "Compromise (max-min)"],
  parties_maxmin_rule: ["Den grupp som får minst av sitt bästa värde får så mycket som möjligt.",
    "The group that gets least of its best value gets as much as possible."],
  parties_mmr: ["Minsta största förlust", "Minimax regret"],
  parties_mmr_rule: ["Ingen grupp förlorar mer poäng än nödvändigt mot sin egen bästa portfölj.",
    "No group loses more points than necessary against its own best portfolio."],
  parties_min_share: ["Lägsta andel av en grupps bästa värde", "Lowest share of a group's best value"],
  parties_max_regret: ["Största förlust", "Largest loss"],
  parties_points: ["poäng", "points"],
  parties_matrix: ["Projekt som någon portfölj innehåller", "Projects any portfolio holds"],
  parties_maxmin_short: ["Kompromiss", "Compromise"],
  parties_mmr_short: ["Minsta förlust", "Min. regret"],
  parties_share: ["Andel grupper", "Share of groups"],
  parties_conflict: ["Oenighet", "Conflict"],
  parties_conflict_hint: ["0 = grupperna väljer samma portfölj, 1 = inget gemensamt (viktat med poäng).",
    "0 = the groups choose the same portfolio, 1 = nothing in common (weighted by score)."],
  parties_group: ["Hela gruppen", "The whole group"],
};
for (const [k, [sv, en]] of Object.entries(PAIRS)) { WORDS.sv[k] = sv; WORDS.en[k] = en; }

let lang = "sv";
export function setLang(l) { lang = l === "en" ? "en" : "sv"; document.documentElement.lang = lang; }
export function getLang() { return lang; }

// The word for key, with {name} filled from vars.
export function t(key, vars) {
  let s = (WORDS[lang] && WORDS[lang][key]) || WORDS.en[key] || key;
  for (const [k, v] of Object.entries(vars || {})) s = s.replace("{" + k + "}", String(v));
  return s;
}

// A number as the users read it: Swedish "1 234,5", English "1,234.5".
export function num(x, digits = 0) {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  return Number(x).toLocaleString(lang === "sv" ? "sv-SE" : "en-GB",
    { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

// A model label {sv, en} or a plain string.
export function label(l, fallback) {
  if (!l) return fallback;
  if (typeof l === "string") return l;
  return l[lang] || l.sv || l.en || fallback;
}
