// Summarise a V8 .cpuprofile (from `node --cpu-prof`): top functions by self time, and by file.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-extract.ts
//   node --import tsx bench/cpuprofile-top.ts /tmp/prof [N]
// With --import tsx the loader worker writes its own profile; the one with the most busy (non-idle)
// samples is the run's. A file path may be given instead of a folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
interface Profile { nodes: ProfileNode[]; samples: number[] }

const dir = process.argv[2] ?? '.';
const top = Number(process.argv[3] ?? 40);
const files = statSync(dir).isFile() ? [dir] : readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
if (!files.length) { console.error(`no .cpuprofile in ${dir}`); process.exit(2); }
function busySamples(p: Profile): number {
  const idle = new Set(p.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  return p.samples.filter((id) => !idle.has(id)).length;
}
const [file, profile] = files
  .map((f) => [f, JSON.parse(readFileSync(f, 'utf8')) as Profile] as const)
  .sort((a, b) => busySamples(b[1]) - busySamples(a[1]))[0]!;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfByFn = new Map<string, number>();
const selfByFile = new Map<string, number>();
for (const id of profile.samples) {
  const cf = byId.get(id)!.callFrame;
  const where = cf.url.split('/').slice(-2).join('/');
  const fn = `${cf.functionName || '(anonymous)'} ${where}`;
  selfByFn.set(fn, (selfByFn.get(fn) ?? 0) + 1);
  selfByFile.set(where || cf.functionName, (selfByFile.get(where || cf.functionName) ?? 0) + 1);
}
const total = profile.samples.length;
const show = (title: string, m: Map<string, number>, n: number): void => {
  console.log(`--- ${title}`);
  for (const [k, c] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${(100 * c / total).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(file);
show('self time by function', selfByFn, top);
show('self time by file', selfByFile, 25);
