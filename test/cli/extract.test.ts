// `dateline extract` on local inputs: formats, gzip, stdin, manifests, folders, errors, exit codes, ordering.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { runCli, jsonLines } from '../helpers/run-cli.js';

const FIX = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));
const ARTICLE = join(FIX, 'article.html');
const SECOND = join(FIX, 'second.html');
const CRAWL = join(FIX, 'crawl.txt');
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'));
  writeFileSync(join(dir, 'article.html.gz'), gzipSync(readFileSync(ARTICLE)));
  writeFileSync(join(dir, 'compressed-no-suffix.html'), gzipSync(readFileSync(SECOND)));
  mkdirSync(join(dir, 'pages', 'nested'), { recursive: true });
  copyFileSync(ARTICLE, join(dir, 'pages', 'a.html'));
  copyFileSync(SECOND, join(dir, 'pages', 'nested', 'b.htm'));
  copyFileSync(CRAWL, join(dir, 'pages', 'c.txt'));
  writeFileSync(join(dir, 'pages', 'notes.md'), 'not a page');
  writeFileSync(join(dir, 'manifest.jsonl'), [
    JSON.stringify({ file: 'pages/a.html', url: 'https://news.example.com/2025/10/15/harbour' }),
    '',
    JSON.stringify({ file: 'article.html.gz', url: 'https://news.example.com/b', published: '2025-10-01' }),
    JSON.stringify({ file: 'pages/missing.html', url: 'https://news.example.com/c' }),
  ].join('\n'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('one file gives one pretty JSON record with the Article fields', async () => {
  const r = await runCli(['extract', ARTICLE]);
  assert.equal(r.code, 0, r.stderr);
  const rec = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.equal(rec.file, ARTICLE);
  assert.match(String(rec.title), /Harbour reopens after storm/);
  assert.match(String(rec.text), /^The city harbour reopened/);
  assert.ok(!String(rec.text).includes('Copyright'));
  assert.ok(Array.isArray(rec.warnings));
  assert.ok(r.stdout.startsWith('{\n  "file"'), 'pretty-printed');
  assert.equal(r.stderr, '');
});

test('gzip is detected by magic bytes, with or without .gz', async () => {
  const r = await runCli(['extract', '-f', 'jsonl', join(dir, 'article.html.gz'), join(dir, 'compressed-no-suffix.html')]);
  assert.equal(r.code, 0, r.stderr);
  const [a, b] = jsonLines(r.stdout);
  assert.match(String(a?.text), /harbour reopened/);
  assert.match(String(b?.text), /neue Brücke/);
});

test('stdin with --url; --url gives the article its address', async () => {
  const r = await runCli(['extract', '--url', 'https://news.example.com/harbour', '-'], { stdin: readFileSync(ARTICLE) });
  assert.equal(r.code, 0, r.stderr);
  const rec = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.equal(rec.file, '-');
  assert.equal(rec.url, 'https://news.example.com/harbour');
  assert.match(String(rec.text), /ferries would run/);
});

test('manifest: paths relative to its folder, url and published passed on, missing file is an error line', async () => {
  const r = await runCli(['extract', '--manifest', join(dir, 'manifest.jsonl')], { cwd: tmpdir() });
  assert.equal(r.code, 1);
  const lines = jsonLines(r.stdout);
  assert.equal(lines.length, 3, 'jsonl by default for a manifest');
  assert.equal(lines[0]?.file, 'pages/a.html');
  assert.equal(lines[0]?.url, 'https://news.example.com/2025/10/15/harbour');
  assert.equal(lines[1]?.url, 'https://news.example.com/b');
  assert.ok(lines[1]?.published, 'published present (from the page or the manifest)');
  assert.deepEqual(Object.keys(lines[2] ?? {}), ['file', 'error']);
  assert.equal((lines[2]?.error as { code: string }).code, 'ENOENT');
  assert.match(r.stderr, /1 of 3 inputs failed/);
});

test('manifest published is used when the page states no date', async () => {
  writeFileSync(join(dir, 'm2.jsonl'), JSON.stringify({ file: 'pages/nested/b.htm', url: 'https://x.example/b', published: '2024-05-06' }));
  const r = await runCli(['extract', '--manifest', join(dir, 'm2.jsonl')]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(jsonLines(r.stdout)[0]?.published, '2024-05-06');
});

test('a missing file among good ones: error record, the batch goes on, exit 1', async () => {
  const missing = join(dir, 'nope.html');
  const r = await runCli(['extract', '-q', ARTICLE, missing, SECOND]);
  assert.equal(r.code, 1);
  const lines = jsonLines(r.stdout);
  assert.equal(lines.length, 3);
  assert.deepEqual(lines[1], { file: missing, error: { code: 'ENOENT', message: `${missing}: no such file` } });
  assert.match(String(lines[2]?.title), /Brücke/);
  assert.equal(r.stderr, '', '--quiet: nothing on stderr');
});

test('usage errors exit 2 and say what to do', async () => {
  const [bad, none, fmt, two, tz, jobs, help] = await Promise.all([
    runCli(['extract', '--frobnicate', ARTICLE]),
    runCli(['extract']),
    runCli(['extract', '-f', 'yaml', ARTICLE]),
    runCli(['extract', '--url', 'https://a.example/', ARTICLE, SECOND]),
    runCli(['extract', '--timezone', 'Mars/Olympus', ARTICLE]),
    runCli(['extract', '-j', '0', ARTICLE]),
    runCli(['extract', '--help']),
  ]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /frobnicate/);
  assert.match(bad.stderr, /dateline extract --help/);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no input given/);
  assert.equal(fmt.code, 2);
  assert.match(fmt.stderr, /--format must be one of json, jsonl, text, markdown, html/);
  assert.equal(two.code, 2);
  assert.match(two.stderr, /--manifest/);
  assert.equal(tz.code, 2);
  assert.match(tz.stderr, /unknown time zone/);
  assert.equal(jobs.code, 2);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--manifest FILE/);
});

test('formats: text, markdown, html, json array for several', async () => {
  const [text, md, html, several, arr, textErr] = await Promise.all([
    runCli(['extract', '-f', 'text', ARTICLE]),
    runCli(['extract', '--format', 'markdown', ARTICLE]),
    runCli(['extract', '--format', 'html', ARTICLE]),
    runCli(['extract', '-f', 'text', ARTICLE, SECOND]),
    runCli(['extract', '-f', 'json', ARTICLE, join(dir, 'nope.html'), SECOND]),
    runCli(['extract', '-f', 'text', join(dir, 'nope.html')]),
  ]);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^The city harbour reopened[\s\S]*\n\nPort officials/);
  assert.match(md.stdout, /^# Harbour reopens after storm/);
  assert.match(html.stdout, /<p>The city harbour reopened/);
  assert.ok(!/<script|<nav/.test(html.stdout));
  assert.match(several.stdout, /^==> .*article\.html <==\n/);
  assert.match(several.stdout, /\n==> .*second\.html <==\n/);
  assert.equal(arr.code, 1);
  const parsed = JSON.parse(arr.stdout) as Array<Record<string, unknown>>;
  assert.equal(parsed.length, 3);
  assert.ok(parsed[1]?.error);
  assert.equal(textErr.code, 1);
  assert.match(textErr.stderr, /nope\.html: no such file \(ENOENT\)/);
});

test('folders are searched recursively for page files, in path order', async () => {
  const r = await runCli(['extract', join(dir, 'pages')]);
  assert.equal(r.code, 0, r.stderr);
  const files = jsonLines(r.stdout).map((l) => l.file);
  assert.deepEqual(files, [join(dir, 'pages', 'a.html'), join(dir, 'pages', 'c.txt'), join(dir, 'pages', 'nested', 'b.htm')]);
});

test('--kind text forces crawl-text handling; crawl text is detected anyway', async () => {
  const r = await runCli(['extract', '-f', 'jsonl', CRAWL, '--kind', 'text']);
  assert.equal(r.code, 0, r.stderr);
  const rec = jsonLines(r.stdout)[0];
  assert.match(String(rec?.text), /ten thousand saplings/);
  const forcedHtml = await runCli(['extract', '--kind', 'html', '-f', 'text', CRAWL]);
  assert.equal(forcedHtml.code, 0);
});

test('--jobs 2 keeps input order over many inputs, same output as --jobs 1', async () => {
  const inputs: string[] = [];
  for (let i = 0; i < 14; i++) inputs.push(i % 3 === 0 ? SECOND : i % 3 === 1 ? ARTICLE : CRAWL);
  inputs.splice(5, 0, join(dir, 'nope.html'));
  const two = await runCli(['extract', '-j', '2', ...inputs]);
  const one = await runCli(['extract', '-j', '1', ...inputs]);
  assert.equal(two.code, 1);
  assert.deepEqual(jsonLines(two.stdout).map((l) => l.file), inputs);
  assert.equal(two.stdout, one.stdout);
});

test('binary and empty inputs give an Article with a warning, not a crash', async () => {
  writeFileSync(join(dir, 'empty.html'), '');
  writeFileSync(join(dir, 'image.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(join(dir, 'garbage.html.gz'), Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5]));
  const r = await runCli(['extract', join(dir, 'empty.html'), join(dir, 'image.html'), join(dir, 'garbage.html.gz')]);
  const [empty, image, garbage] = jsonLines(r.stdout);
  assert.ok((empty?.warnings as Array<{ code: string }>).some((w) => w.code === 'empty-input'));
  assert.ok((image?.warnings as Array<{ code: string }>).some((w) => w.code === 'binary-input'));
  assert.equal((garbage?.error as { code: string }).code, 'EGZIP');
  assert.equal(r.code, 1);
});

test('pages over --max-bytes are truncated with a warning, gzip bombs too; a cut gzip keeps its start', async () => {
  const page = readFileSync(ARTICLE, 'utf8');
  const big = page.replace('</article>', `<p>${'filler words '.repeat(20_000)}</p></article>`);
  writeFileSync(join(dir, 'big.html'), big);
  writeFileSync(join(dir, 'bomb.html.gz'), gzipSync(Buffer.alloc(20_000_000, 0x20)));
  const gz = gzipSync(readFileSync(ARTICLE));
  writeFileSync(join(dir, 'cut.html.gz'), gz.subarray(0, Math.floor(gz.length * 0.8)));
  const r = await runCli(['extract', '--max-bytes', '64k', join(dir, 'big.html'), join(dir, 'bomb.html.gz'), join(dir, 'cut.html.gz')]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const codes = jsonLines(r.stdout).map((l) => (l.warnings as Array<{ code: string }>).map((w) => w.code));
  assert.ok(codes[0]?.includes('input-truncated'));
  assert.ok(codes[1]?.includes('input-truncated'));
  assert.ok(codes[2]?.includes('input-truncated'));
  assert.match(String(jsonLines(r.stdout)[0]?.text), /^The city harbour reopened/);
});
