// The one interface of a service's document storage (analytics' facts, ai's conversations): MongoDB
// through mongoose in production (mongo-store.ts), the embedded store otherwise (embedded-store.ts).
// Both validate every document with the same mongoose models before writing it and run the same
// aggregation pipeline objects.
import { collectionNames, declaredIndexes, type Collections, type Models } from './collections.js';

export type Doc = { _id: string } & Record<string, unknown>;
export type Pipeline = Record<string, unknown>[];
export type Filter = Record<string, unknown>;

export interface DocumentStore<C extends string = string> {
  readonly kind: 'mongodb' | 'embedded';
  /** Inserts unless a document with this _id exists: true when inserted (a redelivery is a no-op). */
  insertOnce(collection: C, doc: Doc): Promise<boolean>;
  findById(collection: C, id: string): Promise<Doc | null>;
  /**
   * Writes `doc` (whose `version` is `expected + 1`) when the stored one still has version `expected`
   * (0: when none is stored); false when another writer got there first.
   */
  replaceVersioned(collection: C, doc: Doc & { version: number }, expected: number): Promise<boolean>;
  /** Inserts or replaces by _id (documents nobody else writes, e.g. a reader's cursor). */
  put(collection: C, doc: Doc): Promise<void>;
  aggregate<T = Doc>(collection: C, pipeline: Pipeline): Promise<T[]>;
  deleteMany(collection: C, filter: Filter): Promise<number>;
  /** Empties the derived collections (a backfill rebuilds them). */
  clear(collections: C[]): Promise<void>;
  close(): Promise<void>;
}

/** The document as the collection's model casts and validates it; ValidationError when it is off the schema. */
export async function validated<C extends string>(models: Models<C>, collection: C, doc: Doc): Promise<Doc> {
  const document = new models[collection](doc);
  await document.validate();
  return document.toObject({ depopulate: true, flattenMaps: true }) as Doc;
}

/**
 * Read, merge, write with the version it was read at; on a concurrent write, read again. `merge`
 * must be a pure function of the stored document (null: none yet).
 */
export async function mergeVersioned<T extends { _id: string; version: number }, C extends string = string>(
  store: DocumentStore<C>,
  collection: C,
  id: string,
  merge: (current: T | null) => Omit<T, 'version'>,
): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const current = (await store.findById(collection, id)) as unknown as T | null;
    const expected = current?.version ?? 0;
    if (await store.replaceVersioned(collection, { ...merge(current), version: expected + 1 } as unknown as Doc & { version: number }, expected)) return;
  }
  throw new Error(`could not merge ${collection}/${id}: too many concurrent writers`);
}

/**
 * Applies the collections' TTL indexes (`expireAfterSeconds`) by hand: MongoDB expires documents
 * itself, the embedded store only when swept (harmless on MongoDB). Services sweep at start and hourly.
 */
export async function sweepExpired<C extends string>(store: DocumentStore<C>, collections: Collections<C>, now = Date.now()): Promise<void> {
  for (const name of collectionNames(collections)) {
    for (const [fields, { expireAfterSeconds }] of declaredIndexes(collections, name)) {
      if (expireAfterSeconds !== undefined) await store.deleteMany(name, { [Object.keys(fields)[0]!]: { $lt: new Date(now - expireAfterSeconds * 1000) } });
    }
  }
}
