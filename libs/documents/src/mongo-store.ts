// A service's documents on MongoDB (MONGODB_URL): the models' collections and indexes (the TTL ones
// included) are created at start; unique _id makes a redelivered write a no-op.
import mongoose from 'mongoose';
import { validated, type Doc, type DocumentStore, type Filter, type Pipeline } from './document-store.js';
import { collectionNames, modelsOf, type Collections } from './collections.js';

const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

export async function openMongoStore<C extends string>(collections: Collections<C>, url: string): Promise<DocumentStore<C>> {
  const connection = await mongoose.createConnection(url, { autoIndex: false, bufferCommands: false, serverSelectionTimeoutMS: 10_000 }).asPromise();
  const models = modelsOf(collections, connection);
  await Promise.all(collectionNames(collections).map((name) => models[name].createIndexes()));
  const collection = (name: C) => models[name].collection;

  const insertValid = async (name: C, doc: Doc) => {
    try {
      await collection(name).insertOne(doc as never);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  };

  return {
    kind: 'mongodb',
    async insertOnce(name, doc) {
      return insertValid(name, await validated(models, name, doc));
    },
    async findById(name, id) {
      return (await collection(name).findOne({ _id: id as never })) as Doc | null;
    },
    async replaceVersioned(name, doc, expected) {
      const valid = await validated(models, name, doc);
      if (expected === 0) return insertValid(name, valid);
      const result = await collection(name).replaceOne({ _id: doc._id as never, version: expected }, valid);
      return result.modifiedCount === 1;
    },
    async put(name, doc) {
      await collection(name).replaceOne({ _id: doc._id as never }, await validated(models, name, doc), { upsert: true });
    },
    async aggregate<T>(name: C, pipeline: Pipeline) {
      return (await collection(name).aggregate(pipeline, { allowDiskUse: true }).toArray()) as T[];
    },
    async deleteMany(name: C, filter: Filter) {
      return (await collection(name).deleteMany(filter)).deletedCount;
    },
    async clear(names) {
      await Promise.all(names.map((name) => collection(name).deleteMany({})));
    },
    async close() {
      await connection.close();
    },
  };
}
