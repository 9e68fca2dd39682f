// Public API of the stories stage: duplicate groups and story clustering, in memory or in SQLite.
export { StoryEngine, prepareArticle } from './engine.js';
export type { ArticleRecord, DuplicateGroup, EngineOptions, PlaceResult, PreparedArticle, StoryPersistence } from './engine.js';
export { StoryClusterer, DEFAULT_CLUSTER_OPTIONS } from './cluster.js';
export type { ClusterOptions, StoryState } from './cluster.js';
export { DuplicateIndex, exactHash, signature, estimateJaccard, estimateContainment } from './duplicates.js';
export { articleFeatures } from './features.js';
export type { ArticleFeatures, StoryInput } from './features.js';
export { openStories, migrateStories, STORIES_MIGRATIONS } from './sqlite.js';
export type { StoriesHandle, StoriesOptions } from './sqlite.js';
export { listStories, getStory } from './read.js';
export { updateStories, reclusterArchive, toStoryInput } from './archive.js';
export type { ArchiveSource, StoriesUpdate } from './archive.js';
export { scoreClustering, mergedConfusables } from './score.js';
export type { ClusterScores } from './score.js';
