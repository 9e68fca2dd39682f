// The load side of `npm run bench:serve`: autocannon against a running server, run in its own
// process (not the server's), one scenario at a time. Prints one JSON line per scenario.
//   node --import tsx bench/serve-load.ts URL SCENARIO_FILE
// SCENARIO_FILE: JSON {name, paths: string[], connections, duration}
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Scenario { name: string; paths: string[]; connections: number; duration: number }

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
interface AutocannonRequest { path?: string }
interface AutocannonOptions {
  url: string; connections: number; duration: number; timeout?: number;
  requests: { setupRequest: (req: AutocannonRequest) => AutocannonRequest }[];
}
type Autocannon = (opts: AutocannonOptions) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const [url, file] = process.argv.slice(2);
if (!url || !file) {
  process.stderr.write('usage: serve-load.ts URL SCENARIO_FILE\n');
  process.exit(2);
}
const scenario = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
let i = 0;
const result = await autocannon({
  url,
  connections: scenario.connections,
  duration: scenario.duration,
  timeout: 10,
  // Each request takes the next path of the scenario: different articles, stories and queries,
  // so the figures are not those of one cached page.
  requests: [{ setupRequest: (req) => { req.path = scenario.paths[i++ % scenario.paths.length]; return req; } }],
});
process.stdout.write(`${JSON.stringify({
  name: scenario.name,
  requestsPerSec: Math.round(result.requests.average),
  total: result.requests.total,
  p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max,
  non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts,
})}\n`);
