// The embedded default (no MONGODB_URL): a worker thread holds the documents in nedb datastores under
// .data/ and runs the pipelines with mingo (embedded-worker.ts); documents are validated here with
// the same mongoose models as on MongoDB, before they cross to the worker.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { validated, type Doc, type DocumentStore, type Filter, type Pipeline } from './document-store.js';
import { collectionNames, declaredIndexes, modelsOf, type Collections } from './collections.js';

export interface EmbeddedSetup {
  /** null: in memory only (tests) */
  dir: string | null;
  /** the fields each collection indexes (the first field of each declared index) */
  indexedFields: Record<string, string[]>;
}

export type EmbeddedRequest<C extends string = string> =
  | { op: 'insertOnce'; collection: C; doc: Doc }
  | { op: 'findById'; collection: C; id: string }
  | { op: 'replaceVersioned'; collection: C; doc: Doc; expected: number }
  | { op: 'put'; collection: C; doc: Doc }
  | { op: 'aggregate'; collection: C; pipeline: Pipeline }
  | { op: 'deleteMany'; collection: C; filter: Filter }
  | { op: 'clear'; collections: C[] }
  | { op: 'close' };

type Reply = { id: number; result?: unknown; error?: string };

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * One process at a time on a directory (two writers would corrupt nedb's files): a lock file with the
 * owner's pid, taken over when that process is gone. Returns its release.
 */
function lockDirectory(dir: string): () => void {
  const lock = join(dir, 'LOCK');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lock, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) throw new Error(`the document store in ${dir} is in use by process ${owner}; stop it first`);
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}

export async function openEmbeddedStore<C extends string>(collections: Collections<C>, dir: string | null): Promise<DocumentStore<C>> {
  if (dir) mkdirSync(dir, { recursive: true });
  const unlock = dir ? lockDirectory(dir) : () => undefined;
  const models = modelsOf(collections);
  const indexedFields = Object.fromEntries(collectionNames(collections).map((name) => [name, [...new Set(declaredIndexes(collections, name).map(([fields]) => Object.keys(fields)[0]!))]]));
  const worker = new Worker(new URL('./embedded-worker-boot.mjs', import.meta.url), { workerData: { dir, indexedFields } satisfies EmbeddedSetup });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;
  worker.on('message', ({ id, result, error }: Reply) => {
    const call = waiting.get(id);
    waiting.delete(id);
    if (error === undefined) call?.resolve(result);
    else call?.reject(new Error(`embedded ${collections.prefix} store: ${error}`));
  });
  worker.on('error', (error) => {
    failure = error;
    for (const call of waiting.values()) call.reject(error);
    waiting.clear();
  });

  const send = <T>(request: EmbeddedRequest<C>): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = (nextId += 1);
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, request });
    });
  };

  return {
    kind: 'embedded',
    async insertOnce(collection, doc) {
      return send<boolean>({ op: 'insertOnce', collection, doc: await validated(models, collection, doc) });
    },
    findById: (collection, id) => send<Doc | null>({ op: 'findById', collection, id }),
    async replaceVersioned(collection, doc, expected) {
      return send<boolean>({ op: 'replaceVersioned', collection, doc: await validated(models, collection, doc), expected });
    },
    async put(collection, doc) {
      await send({ op: 'put', collection, doc: await validated(models, collection, doc) });
    },
    aggregate: <T>(collection: C, pipeline: Pipeline) => send<T[]>({ op: 'aggregate', collection, pipeline }),
    deleteMany: (collection, filter) => send<number>({ op: 'deleteMany', collection, filter }),
    clear: (collections) => send<void>({ op: 'clear', collections }),
    async close() {
      await send({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
      unlock();
    },
  };
}
