import { clusterBenchStories } from '../serve-build.js';
clusterBenchStories('/tmp/dateline-bench-serve/archive-100000.db', (m) => process.stderr.write(m + '\n'));
