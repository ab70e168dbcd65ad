export { collectionNames, declaredIndexes, defineCollections, modelsOf, mongoCollection, type Collections, type Models } from './collections.js';
export { mergeVersioned, sweepExpired, type Doc, type DocumentStore, type Filter, type Pipeline } from './document-store.js';
export { openEmbeddedStore } from './embedded-store.js';
export { openMongoStore } from './mongo-store.js';
export { openDocumentStore } from './open-store.js';
