import Database from 'better-sqlite3';
const db = new Database('/tmp/dateline-bench-serve/archive-100000.db');
console.log(db.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all());
console.log(db.prepare("SELECT * FROM schema_migrations").all());
db.exec("DROP TABLE IF EXISTS story_articles; DROP TABLE IF EXISTS stories; DROP TABLE IF EXISTS duplicate_groups; DELETE FROM schema_migrations WHERE module = 'stories';");
db.close();
