// chart.js — the budget frontier as SVG, built in the page (no library).
import { num } from "./i18n.js";

const NS = "http://www.w3.org/2000/svg";

function el(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

// The optimal value at limit x: the frontier is a step function, constant
// from one breakpoint to the next.
export function valueAt(bps, x) {
  let v = null;
  for (const b of bps) if (b.limit <= x + 1e-9) v = b.objective;
  return v;
}

// Equity's reference points around the current point P = (cost, value):
// C, the cheapest portfolio at least as good as P; B, the best at P's cost.
export function referencePoints(bps, cost, value) {
  let c = null;
  for (const b of bps) {
    if (b.objective !== null && b.objective >= value - 1e-6) { c = { x: b.limit, y: b.objective }; break; }
  }
  const bv = valueAt(bps, cost);
  return { C: c, B: bv === null ? null : { x: cost, y: bv } };
}

// frontier: the API's frontier JSON; current: {cost, value} or null.
export function frontierSvg(frontier, current, names) {
  const W = 720, H = 320, L = 70, R = 20, T = 20, B = 44;
  const bps = frontier.breakpoints.filter((b) => b.limit <= frontier.to + 1e-9);
  const xmax = Math.max(frontier.to, current ? current.cost : 0, 1);
  const ys = bps.map((b) => b.objective).filter((y) => y !== null);
  const ymax = Math.max(1, ...ys, current ? current.value : 0) * 1.05;
  const sx = (x) => L + (x / xmax) * (W - L - R);
  const sy = (y) => H - B - (y / ymax) * (H - T - B);
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": names.title });
  svg.appendChild(el("line", { class: "axis", x1: L, y1: H - B, x2: W - R, y2: H - B }));
  svg.appendChild(el("line", { class: "axis", x1: L, y1: T, x2: L, y2: H - B }));
  for (let i = 0; i <= 4; i++) {
    const x = (xmax * i) / 4, y = (ymax * i) / 4;
    svg.appendChild(el("text", { x: sx(x), y: H - B + 16, "text-anchor": i === 4 ? "end" : "middle" }, num(x)));
    svg.appendChild(el("text", { x: L - 6, y: sy(y) + 4, "text-anchor": "end" }, num(y, 0)));
  }
  svg.appendChild(el("text", { x: (L + W - R) / 2, y: H - 6, "text-anchor": "middle" }, names.x));
  // The step line: horizontal to each next breakpoint, then up or down.
  let d = "", prev = null;
  for (const b of bps) {
    if (b.objective === null) continue;
    if (prev === null) d += `M${sx(b.limit)},${sy(b.objective)}`;
    else d += `H${sx(b.limit)}V${sy(b.objective)}`;
    prev = b;
  }
  if (prev) d += `H${sx(frontier.to)}`;
  if (d) svg.appendChild(el("path", { class: "line", d }));
  // Labels apart, for when the points coincide (an optimal P is its own B and C).
  const OFF = { P: [8, -8], B: [8, 16], C: [-18, -8] };
  const point = (name, p) => {
    if (!p) return;
    const g = el("g", { class: "pt-" + name, "data-point": name });
    g.appendChild(el("circle", { cx: sx(p.x), cy: sy(p.y), r: name === "P" ? 6 : 5 }));
    g.appendChild(el("text", { x: sx(p.x) + OFF[name][0], y: sy(p.y) + OFF[name][1] }, name));
    g.appendChild(el("title", {}, `${name}: ${num(p.x)} → ${num(p.y, 2)}`));
    svg.appendChild(g);
  };
  if (current && current.value !== null) {
    const ref = referencePoints(bps, current.cost, current.value);
    point("C", ref.C);
    point("B", ref.B);
    point("P", { x: current.cost, y: current.value });
  }
  return svg;
}
