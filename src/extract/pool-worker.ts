// Worker-thread entry of the extraction pool (pool.ts): receives page bytes, returns the Article.
// Runs from dist/ (compiled) or, under tsx, from src/ — see pool.ts.
import { parentPort } from 'node:worker_threads';
import { extract } from './index.js';
import type { ExtractJob, ExtractReply } from './pool.js';

if (!parentPort) throw new Error('pool-worker must run in a worker thread');
const port = parentPort;

port.on('message', (job: ExtractJob) => {
  let reply: ExtractReply;
  try {
    const t = performance.now();
    const article = extract(job.bytes, job.options);
    reply = { id: job.id, ok: true, article, ms: performance.now() - t };
  } catch (e) {
    reply = { id: job.id, ok: false, code: 'EEXTRACT', message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
