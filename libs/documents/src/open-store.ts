import { traced } from '@medpay/runtime';
import type { Collections } from './collections.js';
import type { DocumentStore } from './document-store.js';
import { openEmbeddedStore } from './embedded-store.js';
import { openMongoStore } from './mongo-store.js';

/** MongoDB when a URL is given, the embedded store in `embeddedDir` otherwise (`memory`: in memory only). */
export const openDocumentStore = async <C extends string>(collections: Collections<C>, mongoUrl: string | undefined, embeddedDir: string): Promise<DocumentStore<C>> =>
  traceCalls(await (mongoUrl ? openMongoStore(collections, mongoUrl) : openEmbeddedStore(collections, embeddedDir === 'memory' ? null : embeddedDir)));

/** Each read and write of the store is a span of the request's trace (tracing.ts in the kit), named after its collection. */
function traceCalls<C extends string>(store: DocumentStore<C>): DocumentStore<C> {
  const system = store.kind === 'mongodb' ? 'mongodb' : 'embedded';
  const span = <T>(operation: string, collection: string, work: () => Promise<T>) => traced(`${system} ${operation} ${collection}`, { 'db.system': system, 'db.collection.name': collection }, work);
  return {
    kind: store.kind,
    insertOnce: (collection, doc) => span('insertOnce', collection, () => store.insertOnce(collection, doc)),
    findById: (collection, id) => span('findById', collection, () => store.findById(collection, id)),
    replaceVersioned: (collection, doc, expected) => span('replaceVersioned', collection, () => store.replaceVersioned(collection, doc, expected)),
    put: (collection, doc) => span('put', collection, () => store.put(collection, doc)),
    aggregate: (collection, pipeline) => span('aggregate', collection, () => store.aggregate(collection, pipeline)),
    deleteMany: (collection, filter) => span('deleteMany', collection, () => store.deleteMany(collection, filter)),
    clear: (collections) => span('clear', collections.join(','), () => store.clear(collections)),
    close: () => store.close(),
  };
}
