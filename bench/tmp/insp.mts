import { fixtureArchive } from '../../test/e2e/fixture-archive.js';
import { openArchive } from '../../src/store/index.js';
const { path } = await fixtureArchive();
const a = openArchive(path, { readonly: true });
for (const s of a.listStories({}).items) console.log(s.id, s.title, s.section, s.articles.map((x) => [x.id, x.site, x.duplicateGroup]));
for (const x of a.listArticles({}).items) console.log(x.id, x.site, x.storyId, x.duplicateGroup);
