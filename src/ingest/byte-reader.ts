// Pull-style reading of a byte stream: lines and exact lengths, as record formats (WARC) need.
// Keeps only the unread part of the current chunk in memory.

export class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private readonly it: AsyncIterator<Buffer | Uint8Array | string>;
  private done = false;
  /** Bytes consumed so far (for offsets in failure messages). */
  offset = 0;

  constructor(source: AsyncIterable<Buffer | Uint8Array | string>) {
    this.it = source[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const r = await this.it.next();
    if (r.done) { this.done = true; return false; }
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    return true;
  }

  /** The next line without its CRLF/LF, or undefined at the end of the stream. */
  async readLine(maxLength = 1 << 20): Promise<string | undefined> {
    let from = 0;
    for (;;) {
      const nl = this.buf.indexOf(10, from);
      if (nl >= 0) {
        const end = nl > 0 && this.buf[nl - 1] === 13 ? nl - 1 : nl;
        const line = this.buf.subarray(0, end).toString('utf8');
        this.consume(nl + 1);
        return line;
      }
      if (this.buf.length > maxLength) throw new Error(`line longer than ${maxLength} bytes`);
      from = this.buf.length;
      if (!(await this.fill())) {
        if (!this.buf.length) return undefined;
        const line = this.buf.toString('utf8');
        this.consume(this.buf.length);
        return line;
      }
    }
  }

  /** Exactly `n` bytes, or fewer when the stream ends first (a truncated record). */
  async read(n: number): Promise<Buffer> {
    while (this.buf.length < n) {
      if (!(await this.fill())) break;
    }
    const out = Buffer.from(this.buf.subarray(0, Math.min(n, this.buf.length)));
    this.consume(out.length);
    return out;
  }

  private consume(n: number): void {
    this.buf = this.buf.subarray(n);
    this.offset += n;
  }
}
