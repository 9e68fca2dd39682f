// Entity pages in Chromium over the enriched fixture archive: article page → a name in its
// "In this article" panel → that entity's page → a co-occurring name; then the entity page and
// article carrying the planted XSS name and quote, where nothing may run. Screenshots go to
// test-output/screenshots/entities-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../src/server/index.js';
import { enrichedArchive, EVIL_NAME, EVIL_URL, WIRE_URL } from '../server/enriched-archive.js';
import { launchOrSkip, SCREENSHOTS } from './browser.js';

test('entity pages in Chromium: linked from articles, XSS names shown as text', async (t) => {
  const browser = await launchOrSkip(t);
  if (!browser) return;
  const { dir, archive, old } = await enrichedArchive();
  const srv = await startServer({ archive, port: 0, log: () => {} });
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const external: string[] = [];
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith(srv.url)) return route.continue();
      external.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const csp: string[] = [];
    const payloadRequests: string[] = [];
    // A payload's <img src=x> rendered as markup by our panels would load /x from this server. (The
    // evil article's own body keeps its sanitised, handler-free <img> resolved against the article URL.)
    page.on('request', (r) => { if (r.url().startsWith(`${srv.url}/x`)) payloadRequests.push(r.url()); });
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });
    const shot = (name: string) => join(SCREENSHOTS, `entities-${name}.png`);

    await page.goto(`${srv.url}/articles/${archive.getArticleByUrl(WIRE_URL)!.id}`);
    const panel = page.locator('section[aria-labelledby="in-article"]');
    await panel.getByRole('link', { name: 'Vladimir Putin', exact: true }).first().click();
    await page.waitForURL(/\/entities\/\d+$/);
    assert.equal(await page.locator('h1').textContent(), 'Vladimir Putin');
    assert.ok(await page.locator('ol.timeline li').count() >= 2, 'timeline of articles');
    assert.ok(await page.locator('q').count() >= 1, 'quotes');
    await page.screenshot({ path: shot('1-person'), fullPage: true });
    await page.locator('section[aria-labelledby="related"]').getByRole('link', { name: 'Moscow', exact: true }).click();
    assert.equal(await page.locator('h1').textContent(), 'Moscow');
    assert.match(await page.locator('main .meta').first().textContent() ?? '', /Country RU/);

    await page.goto(`${srv.url}/entities?q=Eve`);
    await page.getByRole('link', { name: /^Eve / }).click();
    await page.waitForURL(/\/entities\/\d+$/);
    assert.equal(await page.locator('h1').textContent(), EVIL_NAME, 'the name is shown as text');
    await page.screenshot({ path: shot('2-xss-entity'), fullPage: true });
    assert.equal(await page.evaluate('window.__xss'), undefined);
    await page.goto(`${srv.url}/articles/${archive.getArticleByUrl(EVIL_URL)!.id}`);
    assert.ok(await page.locator('section[aria-labelledby="in-article"] q').count() >= 1);
    assert.equal(await page.evaluate('window.__xss'), undefined);
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(csp, [], 'nothing tried what the CSP blocks');
    assert.deepEqual(payloadRequests, [], 'no <img src=x> from a payload was loaded');
    await context.close();
  } finally {
    await browser.close();
    await srv.close();
    archive.close();
    old.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
