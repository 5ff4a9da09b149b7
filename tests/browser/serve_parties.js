// serve_parties.js — the party weight sets panel of `partnerval serve` in
// Debian's Chromium (playwright-core).
//
//   node serve_parties.js PARTNERVAL CASE_WITH_SETS CASE_WITHOUT_SETS OUTDIR
//
// On CASE_WITH_SETS (a case whose sets disagree): the panel lists every set
// with its own best value, cost in kr and its share of its best value in the
// compromise, exactly as `partnerval parties --format json` says; the
// compromise and minimax-regret portfolios hold the CLI's projects, shown by
// name; the matrix and the conflict show; a set's button puts its weights in
// the sliders and the portfolio becomes that set's own optimum; printed (A4,
// print media) the sliders go and the panel stays; English. On
// CASE_WITHOUT_SETS the panel is hidden. Screenshots and an A4 PDF go to
// OUTDIR. PASS/FAIL lines; exit 1 on failure.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { chromium } = require('playwright-core');

const [PV, CASE, NOSETS, OUT] = process.argv.slice(2);
let failed = 0;
const pass = (m) => console.log('PASS serve-parties: ' + m);
const fail = (m) => { failed = 1; console.log('FAIL serve-parties: ' + m); };
const check = (ok, m, detail) => (ok ? pass(m) : fail(m + (detail ? ': ' + detail : '')));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function start(casePath) {
  const proc = spawn(PV, ['serve', casePath, '--port', '0', '--scenarios', path.join(OUT, 'scenarios')],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = new Promise((resolve, reject) => {
    let buf = '';
    const t = setTimeout(() => reject(new Error('no URL within 30 s')), 30000);
    proc.stdout.on('data', (d) => {
      buf += d;
      const i = buf.indexOf('\n');
      if (i >= 0) { clearTimeout(t); resolve(buf.slice(0, i)); }
    });
    proc.on('exit', (c) => reject(new Error('serve exited ' + c)));
  });
  return { proc, url };
}

async function stop(proc, what) {
  proc.kill('SIGTERM');
  const code = await new Promise((r) => (proc.exitCode !== null ? r(proc.exitCode) : proc.on('exit', (c) => r(c))));
  check(code === 0, what + ': SIGTERM exit 0', 'exit ' + code);
}

const svPct = (x) => (x * 100).toFixed(1).replace('.', ',') + ' %';

async function settle(page, before) {
  await page.waitForFunction((b) => document.body.dataset.seq !== b &&
    !document.getElementById('status').classList.contains('busy'), before, { timeout: 60000 });
}

async function withSets(ctx) {
  const want = JSON.parse(spawnSync(PV, ['parties', CASE, '--format', 'json'], { encoding: 'utf8' }).stdout);
  const caseJson = JSON.parse(fs.readFileSync(CASE, 'utf8'));
  const { proc, url } = start(CASE);
  const page = await ctx.newPage();
  const consoles = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoles.push(m.text()); });
  page.on('pageerror', (e) => consoles.push(String(e)));
  try {
    await page.goto(await url);
    await page.waitForSelector('#parties-panel:not([hidden]) #parties tr[data-set]', { timeout: 60000 });
    await page.waitForSelector('#portfolio li', { timeout: 60000 });
    await page.waitForSelector('#frontier svg', { timeout: 60000 });
    const sets = await page.$$eval('#parties .sets tr[data-set]', (rs) => rs.map((r) => r.dataset.set));
    check(same(sets, want.sets.map((s) => s.name)), 'one row per weight set, in the case\'s order', sets.join(','));
    for (const s of want.sets) {
      const sat = await page.textContent(`#parties td[data-sat="${s.name}"]`);
      check(sat === svPct(want.maxmin.satisfaction[s.name]), `${s.name}: its share in the compromise as the CLI says`, sat);
      const row = await page.textContent(`#parties tr[data-set="${s.name}"]`);
      check(row.includes(s.objective.toFixed(2).replace('.', ',')) && /kr/.test(row),
        `${s.name}: its own best value and its cost in kr`, row);
      const note = (caseJson.weight_sets[s.name] || {}).comment;
      if (note) check(row.includes(note), `${s.name}: the set's comment (illustrative) shown`);
    }
    const card = (k) => page.$$eval(`#parties [data-portfolio="${k}"] li`, (ls) => ls.map((l) => [l.dataset.id, l.textContent]));
    const mm = await card('maxmin'), mr = await card('mmr');
    check(same(mm.map((x) => x[0]), want.maxmin.selected_projects), 'the max-min compromise holds the CLI\'s projects');
    check(same(mr.map((x) => x[0]), want.minimax_regret.selected_projects), 'the minimax-regret portfolio holds the CLI\'s projects');
    check([...mm, ...mr].every(([id, txt]) => txt && !txt.includes(id)), 'projects by name, not id', JSON.stringify(mm));
    check(/\d\skr/.test(await page.textContent('#parties [data-portfolio="maxmin"]')), 'the compromise\'s cost in kr');
    const grp = await page.textContent('#parties [data-group]');
    check(grp.includes(want.group_conflict.toFixed(2).replace('.', ',')), 'the group conflict as the CLI says', grp);
    const rows = await page.$$eval('#parties .matrix tbody tr', (rs) => rs.map((r) => r.dataset.id));
    const any = want.projects.filter((p) => p.share > 0 || p.in_maxmin ||
      want.minimax_regret.selected_projects.includes(p.id)).map((p) => p.id);
    check(same(rows, any), 'the matrix: every project some portfolio holds', rows.join(','));
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    check(wide <= 1280, 'the panel fits the 1280 px screen (no sideways scrolling)', wide + ' px');
    await page.screenshot({ path: path.join(OUT, 'serve-parties.png'), fullPage: true });
    await (await page.$('#parties-panel')).screenshot({ path: path.join(OUT, 'serve-parties-panel.png') });

    // Load each set whose optimum differs from the portfolio shown: the
    // sliders take its weights and the portfolio becomes its own optimum.
    const shown = await page.$$eval('#portfolio li', (ls) => ls.map((l) => l.dataset.id));
    const sorted = (a) => a.slice().sort();
    const other = want.sets.find((s) => !same(sorted(s.selected_projects), sorted(shown))) || want.sets[0];
    check(!same(sorted(other.selected_projects), sorted(shown)), 'the test case\'s sets disagree (a set picks another portfolio)');
    const before = await page.evaluate(() => document.body.dataset.seq || '');
    await page.click(`#parties button[data-load="${other.name}"]`);
    await settle(page, before);
    const now = await page.$$eval('#portfolio li', (ls) => ls.map((l) => l.dataset.id));
    check(same(now.slice().sort(), other.selected_projects.slice().sort()), `loading ${other.name}'s weights: the portfolio is its own optimum`, now.join(','));
    const patch = JSON.parse(await page.evaluate(() => document.body.dataset.patch));
    const crit = caseJson.weight_sets[other.name].criteria;
    const top = Object.keys(crit).filter((k) => typeof crit[k].weight === 'number');
    const sliders = await Promise.all(top.map((k) => page.$eval(`input[data-crit="${k}"]`, (e) => Number(e.value))));
    check(same(sliders, top.map((k) => crit[k].weight)), `${other.name}'s weights in the sliders`, sliders.join(','));
    check(patch.model && !patch.resources, 'the loaded set is a weight patch only', JSON.stringify(patch));
    check((await page.textContent('#parties-active')).includes(other.name) &&
      (await page.$(`#parties tr.active[data-set="${other.name}"]`)) !== null, 'the panel says whose weights the sliders show');
    await page.screenshot({ path: path.join(OUT, 'serve-parties-loaded.png'), fullPage: true });

    // Printed: A4, print media.
    await page.emulateMedia({ media: 'print' });
    check(!(await page.isVisible('aside')) && (await page.isVisible('#parties-panel')) &&
      !(await page.isVisible('#parties button')), 'print: sliders and buttons hidden, the panel shown');
    await page.setViewportSize({ width: 794, height: 1123 });
    await (await page.$('#parties-panel')).screenshot({ path: path.join(OUT, 'serve-parties-print.png') });
    await page.pdf({ path: path.join(OUT, 'serve-parties-a4.pdf'), format: 'A4', printBackground: true });
    check(fs.statSync(path.join(OUT, 'serve-parties-a4.pdf')).size > 1000, 'an A4 PDF of the page');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.click('#lang');
    check((await page.textContent('#parties-panel h2')) === 'Party weight sets', 'English panel');
    check((await page.textContent(`#parties td[data-sat="${want.sets[0].name}"]`)).includes('.') ||
      want.maxmin.satisfaction[want.sets[0].name] === 1, 'English numbers');
    await page.screenshot({ path: path.join(OUT, 'serve-parties-english.png'), fullPage: true });
    check(consoles.length === 0, 'no console error', consoles.join(' | '));
  } catch (e) {
    fail('exception: ' + (e && e.stack ? e.stack : e));
    await page.screenshot({ path: path.join(OUT, 'serve-parties-failure.png'), fullPage: true }).catch(() => {});
  } finally {
    await page.close();
    await stop(proc, 'with sets');
  }
}

async function withoutSets(ctx) {
  const { proc, url } = start(NOSETS);
  const page = await ctx.newPage();
  const consoles = [];
  // 404 is the API's answer for a case without weight sets.
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 404/.test(m.text())) consoles.push(m.text()); });
  page.on('pageerror', (e) => consoles.push(String(e)));
  try {
    await page.goto(await url);
    await page.waitForSelector('#portfolio li', { timeout: 60000 });
    check(!(await page.isVisible('#parties-panel')), 'a case without weight sets: the panel is hidden');
    check(consoles.length === 0, 'no sets: no console error', consoles.join(' | '));
  } catch (e) {
    fail('exception: ' + (e && e.stack ? e.stack : e));
  } finally {
    await page.close();
    await stop(proc, 'without sets');
  }
}

async function main() {
  fs.mkdirSync(path.join(OUT, 'scenarios'), { recursive: true });
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'pv-parties-chromium-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  try {
    await withSets(ctx);
    await withoutSets(ctx);
  } finally {
    await ctx.close();
    fs.rmSync(udd, { recursive: true, force: true });
  }
  process.exit(failed);
}

main().catch((e) => { console.log('FAIL serve-parties: ' + e); process.exit(1); });
