// A one-line progress display on stderr (TTY only): items, rate, ETA, errors.
import type { IngestSummary } from './pipeline.js';

function clock(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '--:--';
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m % 60)}:${pad(Math.floor(s % 60))}` : `${pad(m)}:${pad(Math.floor(s % 60))}`;
}

export class Progress {
  private readonly started = Date.now();
  private last = 0;
  /** Known amount of work (bytes of local files, or queued URLs) and how much is done. */
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
    const width = 24;
    const bar = frac === undefined ? '' : `[${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] ${(frac * 100).toFixed(0).padStart(3)}% `;
    const eta = frac && frac > 0.01 ? clock(secs / frac - secs) : '--:--';
    const line = `${bar}${n} items  ${rate.toFixed(1)}/s  ETA ${eta}  new ${s.new}  upd ${s.updated}  same ${s.unchanged}  skip ${s.skipped}  err ${s.failed}`;
    this.stream.write(`\r\x1b[2K${line.slice(0, (this.stream.columns || 120) - 1)}`);
  }

  finish(): void {
    if (this.enabled) this.stream.write('\r\x1b[2K');
  }
}
