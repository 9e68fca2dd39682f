// Worker-thread entry of ingest's extraction pool (see extract-task.ts and src/extract/pool.ts).
import { serveTasks } from '../extract/pool.js';
import { resultBuffers, runIngestJob } from './extract-task.js';

serveTasks(runIngestJob, resultBuffers);
