// i18n.js — every word of the page in Swedish and English.
// Each key with its words as [Swedish, English], side by side so that the two
// languages cannot drift apart.
const PAIRS = {
  undo: ["Ångra", "Undo"],
  redo: ["Gör om", "Redo"],
  export: ["Exportera rapport (HTML)", "Export report (HTML)"],
  reload: ["Läs in igen", "Reload"],
  weights: ["Vikter", "Weights"],
  weights_hint: ["Dra i ett reglage: rangordning och portfölj räknas om direkt. Lokal vikt / global vikt.",
    "Move a slider: the ranking and the portfolio re-solve at once. Local weight / global weight."],
  limits: ["Gränser", "Limits"],
  constraints: ["Villkor (bocka ur för att bortse från)", "Constraints (untick to ignore)"],
  portfolio: ["Portfölj", "Portfolio"],
  review: ["Befintliga avtal att se över", "Existing agreements to review"],
  ranking: ["Rangordning", "Ranking"],
  project: ["Förslag", "Proposal"],
  score: ["Poäng", "Score"],
  cost: ["Kostnad", "Cost"],
  decision: ["Beslut", "Decision"],
  free: ["fri", "free"],
  must: ["måste med", "must"],
  mustnot: ["får inte med", "must not"],
  frontier: ["Budgetkurva", "Budget frontier"],
  frontier_hint: ["Bästa möjliga värde mot gränsen. P = nuvarande portfölj, C = billigaste portfölj lika bra som P, B = bästa portfölj till P:s kostnad.",
    "Best possible value against the limit. P = current portfolio, C = cheapest portfolio as good as P, B = best portfolio at P's cost."],
  robust: ["Robusthet", "Robustness"],
  robust_run: ["Kör robusthetsanalys (500 dragningar)", "Run robustness analysis (500 samples)"],
  robust_running: ["Robusthetsanalysen körs …", "Robustness analysis running …"],
  scenarios: ["Scenarier", "Scenarios"],
  scenario_name: ["Namn", "Name"],
  save: ["Spara scenario", "Save scenario"],
  compare: ["Jämför valda med nuläget", "Compare selected with the current state"],
  saved: ["Sparat som", "Saved as"],
  loading: ["Räknar …", "Solving …"],
  ready: ["Klart", "Ready"],
  error: ["Fel", "Error"],
  status_optimal: ["optimal", "optimal"],
  status_feasible: ["möjlig (inte bevisat optimal)", "feasible (not proven optimal)"],
  status_infeasible: ["ingen möjlig portfölj", "no feasible portfolio"],
  summary: ["{n} projekt valda, totalt värde {v} ({s})", "{n} projects chosen, total value {v} ({s})"],
  entered: ["Kom in", "Entered"],
  left: ["Föll bort", "Left"],
  none: ["inga", "none"],
  infeasible_title: ["Ingen portfölj uppfyller alla villkor.", "No portfolio satisfies every constraint."],
  conflict: ["Dessa gränser och villkor går inte ihop", "These limits and constraints conflict"],
  raise: ["Minsta höjning som räcker", "Smallest raise that suffices"],
  raise_none: ["Att höja resursgränserna räcker inte; ändra villkoren.",
    "Raising the resource limits is not enough; change the constraints."],
  kind_resource: ["resurs", "resource"],
  kind_constraint: ["villkor", "constraint"],
  kind_force: ["måste/får inte", "must/must not"],
  by: ["med", "by"],
  used: ["använt", "used"],
  of: ["av", "of"],
  binding: ["bindande", "binding"],
  why_title: ["Varför", "Why"],
  click_why: ["Klicka på ett projekt för att se varför det är med eller inte.",
    "Click a project to see why it is in or out."],
  share: ["Andel", "Share"],
  interval: ["95 %-intervall", "95 % interval"],
  group: ["Grupp", "Group"],
  group_core: ["kärna", "core"],
  group_borderline: ["gränsfall", "borderline"],
  group_exterior: ["utanför", "exterior"],
  base_share: ["Nuvarande portfölj är optimal i {p} av dragningarna.",
    "The current portfolio is optimal in {p} of the samples."],
  base: ["Nuläge", "Base"],
  current: ["Nuvarande inställningar", "Current settings"],
  value: ["Värde", "Value"],
  selected: ["Valda", "Selected"],
  changed_inputs: ["Indatafilerna har ändrats på disken.", "The input files have changed on disk."],
  broken_inputs: ["Indatafilerna har ändrats men går inte att läsa (senaste fungerande läge behålls):",
    "The input files have changed but cannot be read (the last good state is kept):"],
  nothing_selected: ["Välj minst ett sparat scenario.", "Pick at least one saved scenario."],
  no_scenarios: ["Inga sparade scenarier ännu.", "No saved scenarios yet."],
  weight_level_fixed: ["vikterna på denna nivå kommer från {m}", "this level's weights come from {m}"],
  engaged: ["engagerad", "engaged"],
  lang_other: ["Svenska", "English"],
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

export const WORDS = { sv: {}, en: {} };
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
