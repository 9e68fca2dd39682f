import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { ingest } from '../../src/ingest/index.js';
import { SqliteArchive } from '../../src/store/index.js';
import { tempDir } from '../store/helpers.js';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url).pathname;
const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;

const page = (title: string, body: string, extra = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${extra}</head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1><p>${body}</p><p>${body} A second paragraph follows with more detail for readers.</p></article></body></html>`;

function withArchive(fn: (archive: SqliteArchive, dir: string, dbPath: string) => Promise<void>) {
  return async () => {
    const { dir, cleanup } = tempDir();
    const dbPath = join(dir, 'a.db');
    const archive = new SqliteArchive(dbPath);
    try { await fn(archive, dir, dbPath); } finally { archive.close(); cleanup(); }
  };
}

test('files, folders, globs and .gz pages, with a manifest giving addresses', withArchive(async (archive, dir) => {
  const pages = join(dir, 'pages');
  mkdirSync(join(pages, 'sub'), { recursive: true });
  writeFileSync(join(pages, 'one.html'), page('Council approves budget', 'The city council approved the budget on Monday after a long debate.'));
  writeFileSync(join(pages, 'sub', 'two.html.gz'), gzipSync(page('Floods close schools', 'Schools across the region closed on Tuesday because of floods.')));
  writeFileSync(join(pages, 'three.txt'), 'Rail strike called off\n\nThe rail union called off its strike on Wednesday after talks with the operator went well.\n');
  writeFileSync(join(pages, 'ignored.css'), 'body{}');
  writeFileSync(join(dir, 'manifest.jsonl'), `${JSON.stringify({ file: 'pages/one.html', url: 'https://city.example.com/budget', published: '2025-03-03' })}\n`);
  const s = await ingest(archive, [pages, join(dir, 'nope', '*.html')], { jobs: 0, manifest: join(dir, 'manifest.jsonl') });
  assert.equal(s.new, 3);
  assert.equal(s.failed, 1, 'the glob matching nothing is a failure');
  assert.equal(s.failedReasons['not-found'], 1);
  const a = archive.getArticleByUrl('https://city.example.com/budget')!;
  assert.equal(a.site, 'city.example.com');
  assert.equal(a.published, '2025-03-03');
  assert.match(a.text, /approved the budget/);
  // Rerun: nothing new, nothing duplicated.
  const again = await ingest(archive, [join(pages, '**', '*.html*'), join(pages, '*.txt')], { jobs: 0, manifest: join(dir, 'manifest.jsonl') });
  assert.equal(again.new, 0);
  assert.equal(again.unchanged, 3);
  assert.equal(archive.stats().articles, 3);
}));

test('WARC (multi-member gzip, chunked, non-HTML, 404), WET, truncated and garbage files', withArchive(async (archive) => {
  const s = await ingest(archive, [join(FIXTURES, 'sample.warc.gz'), join(FIXTURES, 'sample.warc.wet.gz'), join(FIXTURES, 'truncated.warc.gz'), join(FIXTURES, 'garbage.warc')], { jobs: 0 });
  assert.equal(s.new, 4, JSON.stringify(s));
  assert.equal(s.skippedReasons['not-html'], 1);
  assert.equal(s.failedReasons['http-404'], 1);
  assert.equal(s.failedReasons['bad-gzip'], 1, 'truncated gzip is reported');
  assert.equal(s.failedReasons['malformed-warc'], 1);
  const port = archive.getArticleByUrl('https://other.example.org/port-strike')!;
  assert.match(port.text, /wage deal/, 'chunked body decoded; utm parameter dropped from the key');
  assert.equal(port.fetchedAt, '2025-10-16T08:00:00.000Z');
  const wet = archive.getArticleByUrl('https://wire.example.net/markets/rates')!;
  assert.match(wet.text, /interest rate unchanged/);
  assert.equal(archive.search('"wage deal"', {}).items.length, 1);
  // The uncompressed WARC holds the same two pages: nothing new.
  const again = await ingest(archive, [join(FIXTURES, 'sample.warc')], { jobs: 0 });
  assert.equal(again.new, 0);
  assert.equal(again.unchanged, 2);
}));

test('JSONL records: html or text, optional date, malformed lines are failures', withArchive(async (archive, dir) => {
  const file = join(dir, 'records.jsonl');
  writeFileSync(file, [
    JSON.stringify({ url: 'https://a.example/1', html: page('Mayor resigns', 'The mayor resigned on Friday amid an inquiry into contracts.'), published: '2025-05-02T09:00:00Z' }),
    JSON.stringify({ url: 'https://b.example/2', text: 'Mayor quits amid inquiry\nThe mayor quit on Friday as an inquiry into city contracts widened, officials said.\n', site: 'b.example' }),
    '{"url": "https://c.example/3", "text": ',
    JSON.stringify({ html: '<p>no url</p>' }),
    JSON.stringify({ url: 'https://d.example/4' }),
    '',
  ].join('\n'));
  const s = await ingest(archive, [file], { jobs: 0 });
  assert.equal(s.new, 2);
  assert.equal(s.failedReasons['malformed-jsonl'], 3);
  assert.equal(archive.getArticleByUrl('https://a.example/1')!.published, '2025-05-02T09:00:00Z');
  assert.equal(archive.getArticleByUrl('https://b.example/2')!.site, 'b.example');
  const fails = archive.listFailures();
  assert.ok(fails.some((f) => /records\.jsonl:3$/.test(f.source)), 'failure names the line');
}));

test('export → ingest round-trips an archive (CLI)', withArchive(async (archive, dir, dbPath) => {
  await ingest(archive, [join(FIXTURES, 'sample.warc.gz'), join(FIXTURES, 'sample.warc.wet.gz')], { jobs: 0 });
  archive.close();
  const exp = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'export', '--db', dbPath], { encoding: 'utf8' });
  assert.equal(exp.status, 0, exp.stderr);
  const lines = exp.stdout.trim().split('\n');
  assert.equal(lines.length, 4);
  const exported = join(dir, 'export.jsonl');
  writeFileSync(exported, exp.stdout);
  const db2 = join(dir, 'b.db');
  const ing = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'ingest', '--json', '--jobs', '0', '--db', db2, exported], { encoding: 'utf8' });
  assert.equal(ing.status, 0, ing.stderr);
  assert.equal(JSON.parse(ing.stdout).new, 4);
  const b = new SqliteArchive(db2);
  try {
    const orig = JSON.parse(lines.find((l) => l.includes('harbour-bridge'))!) as Record<string, unknown>;
    const copy = b.getArticleByUrl('https://news.example.com/2025/10/15/harbour-bridge')!;
    assert.equal(copy.title, orig.title);
    assert.equal(copy.published, orig.published);
    assert.equal(copy.language, orig.language);
    const csv = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'export', '--db', db2, '--format', 'csv'], { encoding: 'utf8' });
    assert.match(csv.stdout, /^id,url,site,title/);
  } finally {
    b.close();
  }
}));
