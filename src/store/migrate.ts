// Versioned schema migrations, per module: the archive core, stories and enrichment each own
// a list of SQL steps and their own version counter, so a module can add tables without
// touching the others. A step runs once, inside a transaction, and is never edited after release.
import type Database from 'better-sqlite3';

export function migrate(db: Database.Database, module: string, steps: readonly string[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT PRIMARY KEY, version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_migrations WHERE module = ?').get(module) as { version: number } | undefined;
  const current = row?.version ?? 0;
  if (current > steps.length) {
    throw new Error(`database schema for '${module}' is version ${current}, newer than this Dateline (${steps.length}); upgrade Dateline`);
  }
  for (let v = current; v < steps.length; v++) {
    db.transaction(() => {
      db.exec(steps[v]!);
      db.prepare('INSERT INTO schema_migrations (module, version) VALUES (?, ?) ON CONFLICT(module) DO UPDATE SET version = excluded.version').run(module, v + 1);
    })();
  }
}
