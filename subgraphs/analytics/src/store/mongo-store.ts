// Analytics on MongoDB (MONGODB_URL): the models' collections and indexes (the TTL ones included)
// are created at start; unique _id makes a redelivered event a no-op.
import mongoose from 'mongoose';
import { validated, type Doc, type DocumentStore, type Filter, type Pipeline } from './document-store.js';
import { analyticsModels, collectionNames, type CollectionName } from './models.js';

const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

export async function openMongoStore(url: string): Promise<DocumentStore> {
  const connection = await mongoose.createConnection(url, { autoIndex: false, bufferCommands: false, serverSelectionTimeoutMS: 10_000 }).asPromise();
  const models = analyticsModels(connection);
  await Promise.all(collectionNames.map((name) => models[name].createIndexes()));
  const collection = (name: CollectionName) => models[name].collection;

  const insertValid = async (name: CollectionName, doc: Doc) => {
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
    async aggregate<T>(name: CollectionName, pipeline: Pipeline) {
      return (await collection(name).aggregate(pipeline, { allowDiskUse: true }).toArray()) as T[];
    },
    async deleteMany(name: CollectionName, filter: Filter) {
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
