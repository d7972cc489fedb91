// Browser test of dyad serve: ingest samples/ and tests/data/serve/ into a
// fresh database, serve it on a free port, and drive Debian's chromium with
// playwright-core through search, dyad chart, month events, timeline,
// article highlights and the escaping of hostile article text. Screenshots go
// to build/screenshots/. Environment: DYAD (the binary), CHROMIUM (default
// /usr/bin/chromium), SCREENSHOTS (folder).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const dyad = process.env.DYAD || 'build/dyad';
const shots = process.env.SCREENSHOTS || 'build/screenshots';
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
let failures = 0;
let server = null;

function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

// Start `dyad serve` on port 0 and resolve to its URL, read from the line
// it prints on stderr.
function startServer(db) {
  return new Promise((resolve, reject) => {
    const p = spawn(dyad, ['serve', '--db', db, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => reject(new Error('dyad serve printed no URL: ' + err)), 10000);
    p.stderr.on('data', (d) => {
      err += d;
      const m = /(http:\/\/[^\s]+)/.exec(err);
      if (m) { clearTimeout(timer); resolve({ p, url: m[1].replace(/\/$/, '') }); }
    });
    p.on('exit', (code) => { clearTimeout(timer); reject(new Error(`dyad serve exited (${code}): ${err}`)); });
  });
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'dyad-browser-'));
  const db = join(dir, 'test.db');
  const ing = spawnSync(dyad, ['ingest', '--db', db, 'samples/text', 'samples/html', 'samples/jsonl',
    'samples/warc', 'tests/data/serve'], { encoding: 'utf8' });
  check(ing.status === 0 || ing.status === 3, 'ingest samples/ and tests/data/serve/ (' + (ing.stderr || '').trim().split('\n').pop() + ')');

  server = await startServer(db);
  const base = server.url;
  console.log('# serving on ' + base);

  // The API alone: status codes and JSON errors.
  let r = await fetch(base + '/api/stats');
  let body = await r.json();
  check(r.status === 400 && typeof body.error === 'string', 'GET /api/stats without dyad: 400 with a JSON error');
  r = await fetch(base + '/api/nothing');
  check(r.status === 404, 'GET /api/nothing: 404');
  r = await fetch(base + '/api/stats?dyad=USA:PAK');
  body = await r.json();
  check(r.status === 200 && body.rows.length > 0, 'GET /api/stats?dyad=USA:PAK: monthly rows');

  const browser = await chromium.launch({ executablePath: browserPath, headless: true, args: ['--no-sandbox'] });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const pageErrors = [], dialogs = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });

  // 1. search "safe havens"
  await page.goto(base + '/');
  await page.fill('#search-q', 'safe havens');
  await page.click('#search-form button[type=submit]');
  await page.waitForSelector('#search-out .result');
  const nres = await page.locator('#search-out .result').count();
  const marks = await page.locator('#search-out mark').allTextContents();
  check(nres > 0, `search "safe havens": ${nres} results`);
  check(marks.some((m) => /safe|haven/i.test(m)), 'search results highlight the words found');
  await page.screenshot({ path: join(shots, '01-search.png'), fullPage: true });

  // 2. pick USA and PAK in the dyad view, see the chart
  await page.click('nav a[data-nav=dyad]');
  await page.fill('#dyad-source', 'USA');
  await page.click('#dyad-source-list li[data-code="USA"]');
  await page.fill('#dyad-target', 'Pakistan');
  await page.click('#dyad-target-list li[data-code="PAK"]');
  check(await page.inputValue('#dyad-target') === 'PAK', 'the picker finds PAK by its name');
  await page.click('#dyad-form button[type=submit]');
  await page.waitForSelector('svg.chart .month.has');
  const months = await page.locator('svg.chart .month.has').count();
  const segs = await page.locator('svg.chart rect.seg').count();
  const line = await page.locator('svg.chart polyline.gline').count();
  check(months > 0 && segs >= months, `chart: ${months} months with events, ${segs} bar segments`);
  check(line === 1, 'chart: the mean Goldstein line');
  await page.waitForSelector('#dyad-timeline .story, #dyad-timeline .empty, #dyad-timeline .error');
  await page.screenshot({ path: join(shots, '02-dyad-chart.png'), fullPage: true });

  // 3. click a month, see its events
  await page.locator('svg.chart .month.has').last().click();
  await page.waitForSelector('#month-events .event, #month-events .empty');
  const nev = await page.locator('#month-events .event').count();
  check(nev > 0, `month events: ${nev}`);
  await page.screenshot({ path: join(shots, '03-month-events.png'), fullPage: true });

  // 4. the timeline of the dyad, story by story
  const stories = await page.locator('#dyad-timeline .story').count();
  check(stories > 0, `dyad timeline: ${stories} stories`);
  await page.locator('#dyad-timeline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, '04-timeline.png'), fullPage: true });

  // 5. open an article from the month's events, see the highlights
  await page.locator('#month-events a.art').first().click();
  await page.waitForSelector('#article-title');
  const ev = await page.locator('.article .text span.ev').count();
  const act = await page.locator('.article .text span.actor').count();
  const quotes = await page.locator('.article .text span.quote').count();
  check(ev > 0 && act > 0, `article highlights: ${ev} event sentence pieces, ${act} actors, ${quotes} quotations`);
  await page.screenshot({ path: join(shots, '05-article.png'), fullPage: true });

  // 6. hostile text shows as text: title, outlet, byline, body
  await page.goto(base + '/#/search?q=envoy');
  await page.waitForSelector('#search-out .result');
  const title = await page.locator('#search-out .result h3').first().textContent();
  check(title.includes('<script>window.__dyadXss=1</script>'), 'search result title shows <script> as text');
  await page.locator('#search-out .result h3 a').first().click();
  await page.waitForSelector('#article-title');
  const atitle = await page.textContent('#article-title');
  const atext = await page.textContent('.article .text');
  const meta = await page.textContent('dl.metadata');
  check(atitle.includes('<script>window.__dyadXss=1</script>'), 'article title shows <script> as text');
  check(atext.includes('<img src=x onerror=window.__dyadXss=5>') && atext.includes('" onerror="window.__dyadXss=6'),
    'article text shows <img onerror> and " onerror= as text');
  check(meta.includes('" onerror="window.__dyadXss=3') || meta.includes('<img src=x'), 'metadata shows the byline or outlet as text');
  const injected = await page.evaluate(() => ({
    xss: window.__dyadXss,
    nodes: document.querySelectorAll('main script, main img, .article .text b, dl.metadata img').length,
  }));
  check(injected.xss === undefined && injected.nodes === 0 && dialogs.length === 0,
    `no script ran and no element was injected (${JSON.stringify(injected)}, dialogs ${dialogs.length})`);
  await page.screenshot({ path: join(shots, '06-escaping.png'), fullPage: true });

  // 7. speakers of the dyad
  await page.goto(base + '/#/speakers?actor=USA,PAK');
  await page.waitForSelector('#speakers-out table, #speakers-out .empty, #speakers-out .error');
  check(await page.locator('#speakers-out .error').count() === 0, 'speakers view answers');
  await page.screenshot({ path: join(shots, '07-speakers.png'), fullPage: true });

  // 8. a phone: the dyad view fits the width
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const pp = await phone.newPage();
  await pp.goto(base + '/#/dyad?source=USA&target=PAK');
  await pp.waitForSelector('svg.chart .month.has');
  const fits = await pp.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  check(fits, 'phone: the dyad view fits 390 px without sideways scrolling');
  await pp.screenshot({ path: join(shots, '08-phone-dyad.png') });
  await phone.close();

  check(pageErrors.length === 0, 'no script error in the page' + (pageErrors.length ? ': ' + pageErrors.join(' | ') : ''));
  await browser.close();

  // SIGTERM stops the server cleanly
  const exited = new Promise((res) => server.p.once('exit', (code, sig) => res({ code, sig })));
  server.p.kill('SIGTERM');
  const ex = await exited;
  server = null;
  check(ex.code === 0, `dyad serve stops on SIGTERM with status 0 (${JSON.stringify(ex)})`);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.log('FAIL ' + (e && e.stack ? e.stack : e));
  failures++;
}).finally(() => {
  if (server) server.p.kill('SIGKILL');
  console.log(failures ? `${failures} browser checks failed` : 'all browser checks passed');
  process.exit(failures ? 1 : 0);
});
