// A one-line progress bar on stderr (count, rate, ETA, errors) — only when stderr is a terminal,
// so logs and pipes never get control characters.
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
    const filled = total ? Math.round((this.done / total) * width) : width;
    this.stream.write(`\r\x1b[K${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${tail}`);
    this.drawn = true;
  }
}

export function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
