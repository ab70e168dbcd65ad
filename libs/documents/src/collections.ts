// A service's collections: one mongoose schema each, which validates (and casts) every document before
// it is written, on MongoDB and on the embedded store alike, and declares the indexes both create.
import mongoose, { type Connection, type Model, type Schema } from 'mongoose';

export interface Collections<C extends string> {
  /** the service's prefix of its MongoDB collections (`analytics` → analytics_payments…) */
  readonly prefix: string;
  readonly schemas: Record<C, Schema>;
}

export const defineCollections = <C extends string>(prefix: string, schemas: Record<C, Schema>): Collections<C> => ({ prefix, schemas });

export const collectionNames = <C extends string>(collections: Collections<C>) => Object.keys(collections.schemas) as C[];

/** The MongoDB collection behind a name. */
export const mongoCollection = <C extends string>(collections: Collections<C>, name: C) => `${collections.prefix}_${name}`;

export type Models<C extends string> = Record<C, Model<Record<string, unknown>>>;

/** The models on a connection (MongoDB) or on mongoose's default instance (validation only, embedded). */
export function modelsOf<C extends string>(collections: Collections<C>, connection: Connection | typeof mongoose = mongoose): Models<C> {
  return Object.fromEntries(
    collectionNames(collections).map((name) => {
      const modelName = `${collections.prefix}_${name}`;
      const existing = connection.models[modelName] as Model<Record<string, unknown>> | undefined;
      return [name, existing ?? connection.model(modelName, collections.schemas[name], mongoCollection(collections, name)) as unknown as Model<Record<string, unknown>>];
    }),
  ) as Models<C>;
}

/** The indexes a collection declares, as [fields, options] pairs. */
export const declaredIndexes = <C extends string>(collections: Collections<C>, name: C) =>
  collections.schemas[name].indexes() as Array<[Record<string, 1 | -1>, { expireAfterSeconds?: number; unique?: boolean }]>;
