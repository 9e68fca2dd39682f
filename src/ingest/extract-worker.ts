// Worker thread body for the extraction pool: one page in, one Article (or an error) out.
import { parentPort } from 'node:worker_threads';
import { extract } from '../extract/index.js';
import type { ExtractOptions } from '../types.js';

interface Job { id: number; body: Uint8Array; options: ExtractOptions }

parentPort?.on('message', (job: Job) => {
  try {
    const t = performance.now();
    const article = extract(job.body, job.options);
    parentPort!.postMessage({ id: job.id, article, ms: performance.now() - t });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});
