// check.js — opens partnerval's HTML reports in Debian's Chromium (through
// playwright-core, no browser download) and checks what a reader would see.
//
//   node check.js SPEC.json
//
// SPEC is a list of pages:
//   {"html": "/abs/report.html", "png": "/abs/shot.png", "pdf": "/abs/print.pdf",
//    "expect": {"selector": count, ...},   // exact counts ("header#report-header": 1)
//    "atLeast": {"selector": count, ...},  // minimum counts
//    "sv": true}                           // Swedish: number formats, no English labels
// Prints one "PASS name" or "FAIL name: why" line per page; exits 1 on any failure.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic'];

// English words of the report's own labels that must not appear in a Swedish report.
const ENGLISH = ['Proposal', 'Ranking', 'Score', 'Selected', 'Not selected', 'selected',
  'Excluded', 'excluded', 'Partners', 'Department', 'Priority areas', 'Portfolio',
  'Resources', 'Binding', 'Model', 'Criterion', 'Weight', 'points', 'Policy source',
  'Date of the run', 'Input file', 'Because', 'Conditions', 'Limit', 'Value', 'Share',
  'borderline', 'exterior', 'core', 'Scenario', 'Base case', 'Entered', 'Left', 'of 100',
  'linear', 'full points', 'eligible', 'Staff hours', 'current limit', 'review'];

async function main() {
  const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'pv-chromium-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width: 1200, height: 900 },
  });
  let failed = 0;
  try {
    for (const item of spec) {
      const name = path.basename(item.html);
      const why = [];
      const page = await ctx.newPage();
      const url = 'file://' + item.html;
      const requests = [], consoles = [], dialogs = [], errors = [];
      page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
      page.on('console', (m) => consoles.push(m.type() + ': ' + m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
      const resp = await page.goto(url, { waitUntil: 'load' });
      if (!resp || !resp.ok()) why.push('page did not load');
      await page.waitForTimeout(200);
      // Everything the browser could run or fetch.
      const dom = await page.evaluate(() => {
        const all = Array.from(document.querySelectorAll('*'));
        const onAttrs = [];
        for (const el of all)
          for (const a of Array.from(el.attributes))
            if (/^on/i.test(a.name)) onAttrs.push(el.tagName + '[' + a.name + ']');
        const jsLinks = Array.from(document.querySelectorAll('[href],[src],[action],[formaction],[xlink\\:href]'))
          .filter((el) => ['href', 'src', 'action', 'formaction', 'xlink:href']
            .some((n) => /^\s*javascript:/i.test(el.getAttribute(n) || '')));
        const ext = Array.from(document.querySelectorAll('[href],[src]'))
          .filter((el) => /^(https?:)?\/\//i.test(el.getAttribute('href') || el.getAttribute('src') || ''));
        return {
          scripts: document.scripts.length,
          embeds: document.querySelectorAll('iframe,object,embed,img,link,base,meta[http-equiv],form').length,
          onAttrs, jsLinks: jsLinks.length, ext: ext.length,
          styles: document.querySelectorAll('style').length,
          text: document.body.innerText,
        };
      });
      if (dom.scripts) why.push(dom.scripts + ' <script> elements');
      if (dom.embeds) why.push(dom.embeds + ' iframe/object/embed/img/link/base/form elements');
      if (dom.onAttrs.length) why.push('event-handler attributes: ' + dom.onAttrs.slice(0, 5).join(', '));
      if (dom.jsLinks) why.push(dom.jsLinks + ' javascript: links');
      if (dom.ext) why.push(dom.ext + ' external references');
      if (dom.styles !== 1) why.push(dom.styles + ' <style> elements (want exactly the report\'s own)');
      for (const [sel, n] of Object.entries(item.expect || {})) {
        const got = await page.locator(sel).count();
        if (got !== n) why.push(`${sel}: ${got}, want ${n}`);
      }
      for (const [sel, n] of Object.entries(item.atLeast || {})) {
        const got = await page.locator(sel).count();
        if (got < n) why.push(`${sel}: ${got}, want at least ${n}`);
      }
      if (item.sv) {
        const t = await page.locator('#summary, #ranking-table, #resources, #portfolio, #model')
          .allInnerTexts();
        const text = t.join('\n');
        if (/\d,\d{3}(?!\d)/.test(text.replace(/\d,\d{3} ?%/g, '')))
          why.push('English thousands separator in a Swedish report: ' + text.match(/.{0,20}\d,\d{3}(?!\d).{0,10}/)[0]);
        if (/\d\.\d/.test(text)) why.push('decimal point in a Swedish report: ' + text.match(/.{0,20}\d\.\d.{0,10}/)[0]);
        const own = await page.evaluate(() => {
          // Only the report's own words: drop elements holding user data.
          const clone = document.body.cloneNode(true);
          clone.querySelectorAll('.name,.id,code,.source,.why,td.small,#case-name,#model-name,#policy-source,.hashes td,.legend,.card li,.partner,#input-hashes,.crit,dd')
            .forEach((e) => e.remove());
          return clone.innerText;
        });
        for (const w of ENGLISH)
          if (new RegExp('(^|[^\\p{L}])' + w + '($|[^\\p{L}])', 'u').test(own))
            why.push('English word in a Swedish report: ' + w);
      }
      if (requests.length) why.push('network requests: ' + requests.slice(0, 3).join(', '));
      if (dialogs.length) why.push('script ran (dialog): ' + dialogs.join(', '));
      const bad = consoles.filter((c) => !c.startsWith('debug'));
      if (bad.length) why.push('console: ' + bad.slice(0, 3).join(' | '));
      if (errors.length) why.push('page errors: ' + errors.slice(0, 3).join(' | '));
      // Nothing wider than the page on screen: sideways scrolling hides
      // columns. (Printing shrinks a wide page to A4's width, so the PDF is
      // not checked this way.)
      const overflow = async (what) => {
        const wide = await page.evaluate(() => {
          const main = document.querySelector('main') || document.body;
          const r = main.getBoundingClientRect();
          const cs = getComputedStyle(main);
          const right = r.right - parseFloat(cs.paddingRight) + 1;
          return Array.from(main.querySelectorAll('table,svg,pre,.resources,.cards'))
            .filter((e) => e.getBoundingClientRect().right > right)
            .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' +
              Math.round(e.getBoundingClientRect().right - right) + ' px');
        });
        if (wide.length) why.push('wider than the page (' + what + '): ' + wide.slice(0, 3).join(', '));
      };
      await overflow('screen, 1200 px');
      if (item.png) await page.screenshot({ path: item.png, fullPage: true });
      if (item.pdf) {
        await page.emulateMedia({ media: 'print' });
        await page.pdf({ path: item.pdf, format: 'A4', printBackground: true });
        const head = fs.readFileSync(item.pdf).subarray(0, 5).toString();
        if (head !== '%PDF-') why.push('no PDF written');
      }
      if (item.png && !(fs.existsSync(item.png) && fs.statSync(item.png).size > 1000))
        why.push('no screenshot');
      await page.close();
      if (why.length) {
        failed++;
        console.log('FAIL ' + name + ': ' + why.join('; '));
      } else console.log('PASS ' + name);
    }
  } finally {
    await ctx.close();
    fs.rmSync(udd, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.log('FAIL browser: ' + (e && e.stack ? e.stack : e));
  process.exit(1);
});
