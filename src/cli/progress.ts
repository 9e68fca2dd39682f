// One-line progress bars on stderr (count, rate, ETA, errors) — only when stderr is a terminal,
// so logs and pipes never get control characters. `Progress` counts items against a known total
// (extract); `IngestProgress` follows an ingest summary whose total is bytes or queued URLs.
import type { IngestSummary } from '../ingest/index.js';
export interface ProgressOptions {
  total: number;
  label: string;
  /** Draw even if not a TTY (tests); default: stderr.isTTY. */
  enabled?: boolean;
  stream?: NodeJS.WriteStream;
}

export class Progress {
  private done = 0;
  private errors = 0;
  private readonly start = Date.now();
  private lastDraw = 0;
  private readonly enabled: boolean;
  private readonly stream: NodeJS.WriteStream;
  private drawn = false;

  constructor(private readonly opts: ProgressOptions) {
    this.stream = opts.stream ?? process.stderr;
    this.enabled = opts.enabled ?? Boolean(this.stream.isTTY);
  }

  tick(failed: boolean): void {
    this.done++;
    if (failed) this.errors++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw >= 100 || this.done === this.opts.total) { this.lastDraw = now; this.draw(); }
  }

  /** Erase the bar (before other output to the same terminal, and at the end). */
  clear(): void {
    if (this.enabled && this.drawn) { this.stream.write('\r\x1b[K'); this.drawn = false; }
  }

  private draw(): void {
    const { total, label } = this.opts;
    const secs = (Date.now() - this.start) / 1000;
    const rate = secs > 0 ? this.done / secs : 0;
    const left = total - this.done;
    const eta = rate > 0 ? formatDuration(left / rate) : '?';
    const cols = this.stream.columns || 80;
    const tail = ` ${this.done}/${total} ${rate.toFixed(1)}/s ETA ${eta}${this.errors ? ` ${this.errors} error${this.errors === 1 ? '' : 's'}` : ''}`;
    const width = Math.max(10, Math.min(40, cols - label.length - tail.length - 4));
    this.stream.write(`\r\x1b[K${label} ${bar(total ? this.done / total : 1, width)}${tail}`);
    this.drawn = true;
  }
}

/** Ingest progress: items by outcome, and a bar over the known work (bytes of local files or queued URLs). */
export class IngestProgress {
  private readonly started = Date.now();
  private last = 0;
  private drawn = false;
  /** Known amount of work and how much of it is done; the bar is shown once total > 0. */
  total = 0;
  done = 0;

  constructor(private readonly stream: NodeJS.WriteStream, private readonly enabled: boolean) {}

  update(s: IngestSummary, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 200) return;
    this.last = now;
    const n = s.new + s.updated + s.unchanged + s.skipped + s.failed;
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? n / secs : 0;
    const frac = this.total > 0 ? Math.min(1, this.done / this.total) : undefined;
    const head = frac === undefined ? '' : `${bar(frac, 24)} ${(frac * 100).toFixed(0).padStart(3)}% `;
    const eta = frac && frac > 0.01 ? formatDuration(secs / frac - secs) : '?';
    const line = `${head}${n} items  ${rate.toFixed(1)}/s  ETA ${eta}  new ${s.new}  upd ${s.updated}  same ${s.unchanged}  skip ${s.skipped}  err ${s.failed}`;
    this.stream.write(`\r\x1b[K${line.slice(0, (this.stream.columns || 120) - 1)}`);
    this.drawn = true;
  }

  finish(): void {
    if (this.enabled && this.drawn) { this.stream.write('\r\x1b[K'); this.drawn = false; }
  }
}

function bar(frac: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, frac)) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

export function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
