// Worker-thread entry for `dateline extract --jobs N`: receives page bytes, returns the Article.
// Runs from dist/ (compiled) or, under tsx, from src/ — see extract-pool.ts.
import { parentPort } from 'node:worker_threads';
import { extract } from '../extract/index.js';
import type { ExtractJob, ExtractReply } from './extract-pool.js';

if (!parentPort) throw new Error('extract-worker must run in a worker thread');
const port = parentPort;

port.on('message', (job: ExtractJob) => {
  let reply: ExtractReply;
  try {
    reply = { id: job.id, ok: true, article: extract(job.bytes, job.options) };
  } catch (e) {
    reply = { id: job.id, ok: false, code: 'EEXTRACT', message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
