// The embedded store's thread: nedb datastores (append-only files with indexes, compacted in the
// background) hold the documents, and mingo runs the aggregation pipelines over them — synchronously,
// which is why all of it runs here and not on the service's event loop.
import { aggregate } from 'mingo';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Doc, Filter, Pipeline } from './document-store.js';
import type { EmbeddedRequest, EmbeddedSetup } from './embedded-store.js';

/** What this thread uses of a nedb datastore (nedb is CommonJS; its typings do not fit NodeNext's import). */
interface Datastore<T> {
  loadDatabaseAsync(): Promise<void>;
  ensureIndexAsync(options: { fieldName: string }): Promise<void>;
  setAutocompactionInterval(ms: number): void;
  stopAutocompaction(): void;
  compactDatafileAsync(): Promise<void>;
  getAllData(): T[];
  insertAsync(doc: T): Promise<T>;
  findOneAsync(query: Filter): Promise<T | null>;
  updateAsync(query: Filter, update: T, options: { upsert?: boolean }): Promise<{ numAffected: number }>;
  removeAsync(query: Filter, options: { multi: boolean }): Promise<number>;
}
const Datastore = createRequire(import.meta.url)('@seald-io/nedb') as new <T>(options: { filename: string } | { inMemoryOnly: true }) => Datastore<T>;

const COMPACT_EVERY_MS = 10 * 60_000;
const setup = workerData as EmbeddedSetup;

const stores = new Map<string, Datastore<Doc>>();
const ready = Promise.all(
  Object.entries(setup.indexedFields).map(async ([name, fields]) => {
    const store = new Datastore<Doc>(setup.dir ? { filename: join(setup.dir, `${name}.db`) } : { inMemoryOnly: true });
    await store.loadDatabaseAsync();
    for (const fieldName of fields) await store.ensureIndexAsync({ fieldName });
    if (setup.dir) store.setAutocompactionInterval(COMPACT_EVERY_MS);
    stores.set(name, store);
  }),
);

const storeOf = (name: string) => stores.get(name)!;
const isUniqueViolation = (error: unknown) => (error as { errorType?: string } | null)?.errorType === 'uniqueViolated';

/**
 * The documents a pipeline can match: when it starts with an equality on an indexed field, the
 * index's candidates (the pipeline's own $match still runs over them), otherwise all.
 */
function candidates(store: Datastore<Doc>, pipeline: Pipeline): Doc[] {
  const match = pipeline[0]?.$match as Filter | undefined;
  const indexes = (store as unknown as { indexes: Record<string, { getMatching(value: unknown): Doc[] }> }).indexes;
  for (const [field, value] of Object.entries(match ?? {})) {
    if (typeof value === 'string' && field !== '_id' && indexes[field]) return indexes[field].getMatching(value);
  }
  return store.getAllData();
}

async function insertOnce(name: string, doc: Doc) {
  try {
    await storeOf(name).insertAsync(doc);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

async function run(request: EmbeddedRequest): Promise<unknown> {
  await ready;
  switch (request.op) {
    case 'insertOnce':
      return insertOnce(request.collection, request.doc);
    case 'findById':
      return storeOf(request.collection).findOneAsync({ _id: request.id });
    case 'replaceVersioned':
      if (request.expected === 0) return insertOnce(request.collection, request.doc);
      return (await storeOf(request.collection).updateAsync({ _id: request.doc._id, version: request.expected }, request.doc, {})).numAffected === 1;
    case 'put':
      await storeOf(request.collection).updateAsync({ _id: request.doc._id }, request.doc, { upsert: true });
      return null;
    case 'aggregate':
      return aggregate(candidates(storeOf(request.collection), request.pipeline), request.pipeline);
    case 'deleteMany':
      return storeOf(request.collection).removeAsync(request.filter, { multi: true });
    case 'clear':
      for (const name of request.collections) {
        await storeOf(name).removeAsync({}, { multi: true });
        await storeOf(name).compactDatafileAsync();
      }
      return null;
    case 'close':
      for (const store of stores.values()) {
        store.stopAutocompaction();
        await store.compactDatafileAsync();
      }
      return null;
  }
}

// One request at a time, in arrival order: a read sees every write sent before it.
let queue: Promise<unknown> = Promise.resolve();
parentPort!.on('message', ({ id, request }: { id: number; request: EmbeddedRequest }) => {
  queue = queue.then(() =>
    run(request).then(
      (result) => parentPort!.postMessage({ id, result }),
      (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
    ),
  );
});
