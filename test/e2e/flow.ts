// The end-to-end walk in a real headless Chromium, shared by the e2e tests (in-memory sample
// archive; SQLite archive built from fixture pages): front page → story → article → search, over
// an archive holding XSS payloads. Checks the content shown, that no script from article
// content runs (no dialog, window.__xss never set, no CSP violation even attempted), keyboard
// access, and saves screenshots to test-output/screenshots/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../src/server/index.js';
import { launchOrSkip, SCREENSHOTS } from './browser.js';
import type { E2eArchive } from './archive.js';

interface Watch {
  dialogs: string[];
  cspViolations: string[];
  external: string[];
}

async function openContext(browser: Browser, base: string, options: { width: number; height: number }): Promise<{ context: BrowserContext; watch: Watch }> {
  const watch: Watch = { dialogs: [], cspViolations: [], external: [] };
  const context = await browser.newContext({ viewport: options, timezoneId: 'America/New_York', locale: 'en-US' });
  // No request leaves the machine: anything not for our server is recorded and aborted.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    watch.external.push(url);
    return route.abort();
  });
  return { context, watch };
}

function watchPage(page: Page, watch: Watch): void {
  page.on('dialog', (d) => { watch.dialogs.push(d.message()); void d.dismiss(); });
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) watch.cspViolations.push(m.text()); });
}

// Structural accessibility checks run in the page: landmarks, one h1, no skipped heading
// levels, a label for every form control, alt on every image, a name for every link.
const A11Y_AUDIT = `(() => {
  const problems = [];
  for (const sel of ['header', 'nav', 'main', 'footer']) if (!document.querySelector(sel)) problems.push('no <' + sel + '>');
  if (document.querySelectorAll('h1').length !== 1) problems.push(document.querySelectorAll('h1').length + ' h1 elements');
  let last = 1;
  for (const h of document.querySelectorAll('main h1, main h2, main h3, main h4')) {
    const level = Number(h.tagName[1]);
    if (level > last + 1) problems.push('heading jumps to ' + h.tagName + ': ' + h.textContent.slice(0, 40));
    last = level;
  }
  for (const c of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    if (!(c.labels && c.labels.length) && !c.getAttribute('aria-label')) problems.push('unlabelled control #' + c.id);
  }
  for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push('img without alt');
  for (const a of document.querySelectorAll('a')) if (!a.textContent.trim() && !a.getAttribute('aria-label')) problems.push('link without text');
  if (!document.documentElement.lang) problems.push('no lang on <html>');
  return problems;
})()`;

async function assertAccessible(page: Page, where: string): Promise<void> {
  assert.deepEqual(await page.evaluate(A11Y_AUDIT), [], `${where}: accessibility problems`);
}

async function assertNothingRan(page: Page, watch: Watch, where: string): Promise<void> {
  assert.equal(await page.evaluate('window.__xss'), undefined, `${where}: window.__xss was set`);
  assert.deepEqual(watch.dialogs, [], `${where}: a dialog opened`);
  assert.deepEqual(watch.cspViolations, [], `${where}: content tried something the CSP blocked`);
}

/** Walks the app in Chromium; screenshots are named `<label>-N-page.png`. */
export async function browse(t: TestContext, data: E2eArchive, label: string): Promise<void> {
  const browser = await launchOrSkip(t);
  if (!browser) return;
  const srv = await startServer({ archive: data.archive, port: 0 });
  const { story, article, evilArticle, searchWord } = data.expect;
  const shot = (name: string): string => join(SCREENSHOTS, `${label}-${name}.png`);
  try {
    const { context, watch } = await openContext(browser, srv.url, { width: 1280, height: 900 });
    const page = await context.newPage();
    watchPage(page, watch);

    await page.goto(`${srv.url}/`);
    const hasStories = data.archive.listStories({}, undefined, 1).items.length > 0;
    assert.equal(await page.locator('h1').first().textContent(), hasStories ? 'Latest stories' : 'Latest articles');
    if (story) assert.ok(await page.locator('main h2', { hasText: story.section }).count() >= 1, 'section heading shown');
    await page.screenshot({ path: shot('1-front'), fullPage: true });
    // Keyboard: the first Tab reaches the skip link, Enter moves focus to the content.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Skip to content');
    await assertNothingRan(page, watch, 'front');
    await assertAccessible(page, 'front');

    if (story) {
      const storyLink = page.locator(`a.headline[href="/stories/${story.id}"]`);
      assert.equal(await storyLink.textContent(), story.title);
      await storyLink.click();
      await page.waitForURL(`**/stories/${story.id}`);
      assert.equal(await page.locator('h1').textContent(), story.title);
      assert.equal(await page.locator('ol.timeline > li').count(), story.articles);
      if (story.copies) assert.ok(await page.locator('.timeline .badge', { hasText: 'Copy A' }).count() >= 2, 'wire copies marked');
      await page.screenshot({ path: shot('2-story'), fullPage: true });
      await assertNothingRan(page, watch, 'story');
      await assertAccessible(page, 'story');
      await page.locator(`ol.timeline a.title[href="/articles/${article.id}"]`).click();
    } else {
      // No multi-article story to follow: go to the article from the front page, or by its URL.
      t.diagnostic(`${label}: no story with several articles; front page → article directly`);
      const link = page.locator(`a.headline[href="/articles/${article.id}"]`);
      if (await link.count()) await link.click();
      else await page.goto(`${srv.url}/articles/${article.id}`);
    }
    await page.waitForURL(`**/articles/${article.id}`);
    assert.equal(await page.locator('h1').textContent(), article.title);
    assert.match(await page.locator('main').innerText(), new RegExp(article.bodyWords));
    // The page script moved the time to the reader's zone (New York) and kept the original.
    const shown = await page.locator('article header time').textContent();
    assert.equal(shown, article.localTime);
    assert.match(await page.locator('.original-time').textContent() ?? '', new RegExp(article.originalTime.replace(/[+]/g, '\\+')));
    assert.ok(await page.locator('a', { hasText: 'Read the original' }).count() + await page.locator('.source-link a').count() >= 1);
    await page.screenshot({ path: shot('3-article'), fullPage: true });
    await assertNothingRan(page, watch, 'article');
    await assertAccessible(page, 'article');

    // Search from the header box, by keyboard.
    await page.locator('#quick-q').fill(searchWord);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search?q=*');
    assert.ok(await page.locator('ol.results > li').count() >= 1, 'results shown');
    assert.ok(await page.locator('.snippet mark').count() >= 1, 'matches highlighted');
    assert.equal(await page.locator('label[for="since"]').textContent(), 'Published from');
    await page.screenshot({ path: shot('4-search'), fullPage: true });
    await assertNothingRan(page, watch, 'search');
    await assertAccessible(page, 'search');

    // The article full of payloads, and payloads in the query string.
    await page.goto(`${srv.url}/articles/${evilArticle.id}`);
    assert.match(await page.locator('h1').textContent() ?? '', /<script>/, 'payload shown as text');
    await page.screenshot({ path: shot('5-xss-article'), fullPage: true });
    await assertNothingRan(page, watch, 'xss article');
    await page.goto(`${srv.url}/search?q=${encodeURIComponent('"><script>window.__xss=1</script><img src=x onerror=alert(1)>')}&site=${encodeURIComponent('<svg onload=alert(1)>')}`);
    assert.equal(await page.locator('[role=alert]').count(), 1, 'bad site shown as an error');
    await assertNothingRan(page, watch, 'xss query');

    await page.goto(`${srv.url}/sites/${article.site}`);
    assert.equal(await page.locator('dl.figures dt').first().textContent(), 'Articles');
    await page.screenshot({ path: shot('6-site'), fullPage: true });
    await assertAccessible(page, 'site');

    // Requests that tried to leave: only article images (https), never scripts, styles or fonts.
    for (const u of watch.external) assert.match(u, /^https:\/\//, u);
    await context.close();

    // Phone-sized viewport: the reader view still fits (no horizontal scrolling).
    const mobile = await openContext(browser, srv.url, { width: 375, height: 780 });
    const phone = await mobile.context.newPage();
    watchPage(phone, mobile.watch);
    await phone.goto(`${srv.url}/articles/${article.id}`);
    const overflow = await phone.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as number;
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px on a phone`);
    await phone.screenshot({ path: shot('7-article-phone'), fullPage: true });
    await phone.goto(`${srv.url}/`);
    await phone.screenshot({ path: shot('8-front-phone'), fullPage: false });
    await assertNothingRan(phone, mobile.watch, 'phone');
    await mobile.context.close();
  } finally {
    await browser.close();
    await srv.close();
  }
}
