// i18n.js — the page's language: its words (from words.json), numbers and labels.
// words.json holds each key with its words as [Swedish, English], side by
// side so that the two languages cannot drift apart.
import PAIRS from "./words.json" with { type: "json" };

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
