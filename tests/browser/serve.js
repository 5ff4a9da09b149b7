// serve.js — `partnerval serve` in Debian's Chromium (playwright-core): the
// decision-conference page does what the issue says, and agrees with the CLI.
//
//   node serve.js PARTNERVAL CASE OUTDIR
//
// Starts `PARTNERVAL serve CASE --port 0 --scenarios OUTDIR/scenarios`, reads
// the URL from the first line of standard output, opens it, and checks: the
// safety slider re-ranks and re-solves as `compare` with the same patch says;
// a budget below the minimum shows the diagnosis with the raise; a proposal
// set to must-not leaves the portfolio (as compare says); a saved scenario is
// a file with the page's patch; compare, robustness and the frontier (P, B, C)
// show; the exported report equals the CLI's; the page switches to English;
// no console error, no request elsewhere. Screenshots of each view go to
// OUTDIR/*.png. Then SIGTERM: exit 0. PASS/FAIL lines; exit 1 on failure.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { chromium } = require('playwright-core');

const [PV, CASE, OUT] = process.argv.slice(2);
const SCEN = path.join(OUT, 'scenarios');
let failed = 0;
const pass = (m) => console.log('PASS serve-browser: ' + m);
const fail = (m) => { failed = 1; console.log('FAIL serve-browser: ' + m); };
const check = (ok, m, detail) => (ok ? pass(m) : fail(m + (detail ? ': ' + detail : '')));

function firstLine(proc) {
  return new Promise((resolve, reject) => {
    let buf = '';
    const t = setTimeout(() => reject(new Error('no URL within 30 s')), 30000);
    proc.stdout.on('data', (d) => {
      buf += d;
      const i = buf.indexOf('\n');
      if (i >= 0) { clearTimeout(t); resolve(buf.slice(0, i)); }
    });
    proc.on('exit', (c) => reject(new Error('serve exited ' + c)));
  });
}

// compare's JSON for one scenario {"patch": patch}: its scenario entry.
function cliCompare(patch) {
  const f = path.join(OUT, 'patch.json');
  fs.writeFileSync(f, JSON.stringify({ name: 'page', patch }));
  const r = spawnSync(PV, ['compare', CASE, f, '--format', 'json'], { encoding: 'utf8' });
  return JSON.parse(r.stdout).scenarios[0];
}

async function settle(page, before) {
  await page.waitForFunction((b) => document.body.dataset.seq !== b &&
    !document.getElementById('status').classList.contains('busy'), before, { timeout: 60000 });
}

async function seqOf(page) { return page.evaluate(() => document.body.dataset.seq || ''); }

async function portfolioOf(page) {
  return page.$$eval('#portfolio li', (ls) => ls.map((l) => l.dataset.id));
}

async function rankingOf(page) {
  return page.$$eval('#ranking tbody tr', (rs) => rs.map((r) => r.dataset.id));
}

// The page's portfolio and ranking equal compare's for the page's own patch.
async function agrees(page, what) {
  const patch = JSON.parse(await page.evaluate(() => document.body.dataset.patch));
  const want = cliCompare(patch);
  const got = await portfolioOf(page);
  check(JSON.stringify(got) === JSON.stringify(want.selected_projects),
    what + ': portfolio as compare says', got + ' vs ' + want.selected_projects);
  const order = want.projects.slice().sort((a, b) => (a.rank || 1e9) - (b.rank || 1e9) ||
    (a.id < b.id ? -1 : 1)).map((p) => p.id);
  const rk = await rankingOf(page);
  check(JSON.stringify(rk.filter((x) => order.includes(x)).slice(0, 5)) === JSON.stringify(order.slice(0, 5)),
    what + ': ranking as compare says', rk.slice(0, 5) + ' vs ' + order.slice(0, 5));
  return patch;
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(OUT, name + '.png'), fullPage: true });
}

async function main() {
  fs.mkdirSync(SCEN, { recursive: true });
  const proc = spawn(PV, ['serve', CASE, '--port', '0', '--scenarios', SCEN], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const url = await firstLine(proc);
  check(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{32}$/.test(url), 'URL on the first line', url);
  const origin = url.split('/?')[0];
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'pv-serve-chromium-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  const page = await ctx.newPage();
  const consoles = [], elsewhere = [];
  // 409 is the API's answer for an infeasible case, which the test provokes.
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !/status of 409/.test(m.text())) consoles.push(m.text());
  });
  page.on('pageerror', (e) => consoles.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('blob:')) elsewhere.push(r.url()); });
  try {
    await page.goto(url);
    check(page.url() === origin + '/', 'the token leaves the address bar (303 to /)', page.url());
    await page.waitForSelector('#portfolio li', { timeout: 60000 });
    await page.waitForSelector('#frontier svg', { timeout: 60000 });
    await shot(page, 'serve-start');
    await agrees(page, 'start');
    const startPortfolio = await portfolioOf(page);
    // The follow-up register's recommendation next to each agreement, as select's partners[].followup.
    const sel = JSON.parse(spawnSync(PV, ['select', CASE, '--format', 'json', '--no-why'], { encoding: 'utf8' }).stdout);
    const fu = sel.partners.filter((p) => p.followup);
    const fuShown = await page.$$eval('#review .followup', (ds) => ds.map((d) => d.textContent));
    check(fu.length > 0 && fuShown.length === fu.length && fu.every((p, i) => fuShown[i].includes(p.followup.reasons[0])),
      'the follow-up recommendation next to each agreement', JSON.stringify(fuShown));

    // The safety slider.
    let before = await seqOf(page);
    await page.$eval('input[data-crit="safety"]', (e) => { e.value = '8'; e.dispatchEvent(new Event('input', { bubbles: true })); });
    await settle(page, before);
    const p1 = await agrees(page, 'safety slider');
    check(p1.model && p1.model.criteria.safety.weight === 8, 'the slider is a weight patch', JSON.stringify(p1));
    const rk1 = await rankingOf(page);
    await shot(page, 'serve-weights');
    check((await page.textContent('[data-w="safety"]')).includes('%'), 'local and global weight shown');

    // The budget below the minimum: the diagnosis.
    before = await seqOf(page);
    await page.fill('input[type=number][data-res="budget_sek"]', '1000');
    await page.dispatchEvent('input[type=number][data-res="budget_sek"]', 'change');
    await settle(page, before);
    const diag = await page.isVisible('#diagnosis');
    const diagText = diag ? await page.textContent('#diagnosis') : '';
    check(diag && /resurs Budget|resource Budget/.test(diagText) && /Budget \S+ [\d\s]+kr \(→ [\d\s]+kr\)/.test(diagText) && /[Hh]öjning|raise/.test(diagText) && !/budget_sek/.test(diagText),
      'infeasible budget: the diagnosis with the raise, by name and in kr', diagText);
    await shot(page, 'serve-diagnosis');
    before = await seqOf(page);
    await page.click('#undo');
    await settle(page, before);
    check(!(await page.isVisible('#diagnosis')), 'undo: the diagnosis goes');
    check(JSON.stringify(await rankingOf(page)) === JSON.stringify(rk1), 'undo: back to the slider state');

    // Must-not on a chosen project.
    const chosen = (await portfolioOf(page))[0];
    before = await seqOf(page);
    await page.selectOption(`select[data-force="${chosen}"]`, 'out');
    await settle(page, before);
    check(!(await portfolioOf(page)).includes(chosen), `must-not: ${chosen} leaves the portfolio`);
    await agrees(page, 'must-not');
    const left = await page.textContent('#changes');
    check(left.includes(chosen), 'the change is highlighted (left)', left);
    await shot(page, 'serve-must-not');

    // Why on click.
    await page.click(`#portfolio li >> nth=0`);
    await page.waitForFunction(() => !/…/.test(document.getElementById('why').textContent), null, { timeout: 60000 });
    check(/vald|selected|poäng|points/.test(await page.textContent('#why')), 'why on click', await page.textContent('#why'));

    // Save a scenario.
    const pagePatch = JSON.parse(await page.evaluate(() => document.body.dataset.patch));
    await page.fill('#scenario-name', 'Test från webben');
    await page.click('#save-scenario');
    await page.waitForFunction(() => /json/.test(document.getElementById('scenario-msg').textContent), null, { timeout: 30000 });
    const file = path.join(SCEN, 'test-fran-webben.json');
    const saved = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
    check(saved && saved.name === 'Test från webben' && JSON.stringify(saved.patch) === JSON.stringify(pagePatch),
      'scenario saved as test-fran-webben.json with the page patch');
    await page.waitForSelector('#scenario-list input[data-file="test-fran-webben.json"]');
    await page.check('#scenario-list input[data-file="test-fran-webben.json"]');
    await page.click('#compare-run');
    await page.waitForSelector('#compare-table', { timeout: 60000 });
    check((await page.$$('#compare-table thead th')).length === 4, 'compare: base, current and the saved scenario side by side');
    await shot(page, 'serve-compare');

    // Robustness.
    await page.click('#robust-run');
    await page.waitForSelector('#robust table', { timeout: 120000 });
    check((await page.$$('#robust tbody tr')).length > 0, 'robustness: shares per project');
    await shot(page, 'serve-robust');

    // Frontier points.
    const pts = await page.$$eval('#frontier [data-point]', (g) => g.map((x) => x.dataset.point).sort().join(''));
    check(pts === 'BCP', 'frontier chart with P, B and C', pts);

    // Back to the case as it is, then export: equal to the CLI's report.
    while (!(await page.isDisabled('#undo'))) {
      before = await seqOf(page);
      await page.click('#undo');
      await settle(page, before);
    }
    check(JSON.stringify(await portfolioOf(page)) === JSON.stringify(startPortfolio), 'undo all: the start portfolio');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#export')]);
    const got = fs.readFileSync(await dl.path());
    const want = spawnSync(PV, ['select', CASE, '--format', 'html', '--lang', 'sv']).stdout;
    check(Buffer.compare(got, want) === 0, 'export equals partnerval select --format html', got.length + ' vs ' + want.length);
    fs.writeFileSync(path.join(OUT, 'serve-export.html'), got);

    // Reload (only on a copy of the case: the script passes one). A broken
    // save shows its error, offers no reload and changes no answer; a good
    // save is offered, and taking it gives what the CLI gives for the file.
    if (process.env.PV_CASE_IS_COPY) {
      const csv = path.join(path.dirname(CASE), 'projects.csv');
      const orig = fs.readFileSync(csv, 'utf8');
      fs.appendFileSync(csv, 'broken,"row\n');
      await page.waitForSelector('#reload.error:not([hidden])', { timeout: 30000 });
      const rtext = await page.textContent('#reload-text');
      check(/projects\.csv/.test(rtext) && !(await page.isVisible('#reload-button')),
        'reload: a broken save shows its error and offers no reload', rtext);
      before = await seqOf(page);
      await page.$eval('input[data-crit="safety"]', (e) => { e.value = '3'; e.dispatchEvent(new Event('input', { bubbles: true })); });
      await settle(page, before);
      fs.writeFileSync(csv, orig); // compare (the CLI) reads the good file
      await agrees(page, 'reload: the last good state still answers');
      await shot(page, 'serve-broken-save');
      before = await seqOf(page);
      await page.click('#undo');
      await settle(page, before);
      const top = startPortfolio[0];
      // the top project now costs more than the whole budget (a plain line: no quotes)
      const lines = orig.split('\n'), cost = lines[0].split(',').indexOf('cost_sek');
      const li = lines.findIndex((l) => l.startsWith(top + ',') && !l.includes('"'));
      check(cost > 0 && li > 0, `reload: ${top}'s cost can be changed`);
      const f = lines[li].split(',');
      f[cost] = '99000000';
      lines[li] = f.join(',');
      fs.writeFileSync(csv, lines.join('\n'));
      await page.waitForSelector('#reload:not(.error):not([hidden]) #reload-button:not([hidden])', { timeout: 30000 });
      before = await seqOf(page);
      await page.click('#reload-button');
      await settle(page, before);
      const want2 = JSON.parse(spawnSync(PV, ['select', CASE, '--format', 'json', '--no-why'], { encoding: 'utf8' }).stdout);
      const got2 = await portfolioOf(page);
      check(JSON.stringify(got2) === JSON.stringify(want2.selected_projects) && !got2.includes(top),
        `reload: the good save taken (${top} out of reach), as the CLI selects`, JSON.stringify(got2));
      fs.writeFileSync(csv, orig);
    }

    // English.
    await page.click('#lang');
    check((await page.textContent('#portfolio-panel h2')) === 'Portfolio', 'English page');
    await shot(page, 'serve-english');
    check(consoles.length === 0, 'no console error', consoles.join(' | '));
    check(elsewhere.length === 0, 'no request elsewhere', elsewhere.join(' '));
  } catch (e) {
    fail('exception: ' + (e && e.stack ? e.stack : e));
    await shot(page, 'serve-failure').catch(() => {});
  } finally {
    await ctx.close();
    fs.rmSync(udd, { recursive: true, force: true });
    proc.kill('SIGTERM');
    const code = await new Promise((r) => proc.on('exit', (c) => r(c)));
    check(code === 0, 'SIGTERM: exit 0', 'exit ' + code + ' ' + stderr);
  }
  process.exit(failed);
}

main().catch((e) => { console.log('FAIL serve-browser: ' + e); process.exit(1); });
