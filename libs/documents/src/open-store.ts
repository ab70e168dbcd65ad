import type { Collections } from './collections.js';
import type { DocumentStore } from './document-store.js';
import { openEmbeddedStore } from './embedded-store.js';
import { openMongoStore } from './mongo-store.js';

/** MongoDB when a URL is given, the embedded store in `embeddedDir` otherwise (`memory`: in memory only). */
export const openDocumentStore = <C extends string>(collections: Collections<C>, mongoUrl: string | undefined, embeddedDir: string): Promise<DocumentStore<C>> =>
  mongoUrl ? openMongoStore(collections, mongoUrl) : openEmbeddedStore(collections, embeddedDir === 'memory' ? null : embeddedDir);
