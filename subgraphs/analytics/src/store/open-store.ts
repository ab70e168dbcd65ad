import type { DocumentStore } from './document-store.js';
import { openEmbeddedStore } from './embedded-store.js';
import { openMongoStore } from './mongo-store.js';

/** MongoDB when a URL is given, the embedded store otherwise (`memory`: in memory only). */
export const openDocumentStore = (mongoUrl: string | undefined, embeddedDir: string): Promise<DocumentStore> =>
  mongoUrl ? openMongoStore(mongoUrl) : openEmbeddedStore(embeddedDir === 'memory' ? null : embeddedDir);
