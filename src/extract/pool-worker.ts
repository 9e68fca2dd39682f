// Worker-thread entry of the extraction pool (pool.ts): receives page bytes, returns the Article.
// Runs from dist/ (compiled) or, under tsx, from src/ — see pool.ts.
import { extract } from './index.js';
import { serveTasks, type ExtractJob } from './pool.js';

serveTasks((job: ExtractJob) => extract(job.bytes, job.options));
