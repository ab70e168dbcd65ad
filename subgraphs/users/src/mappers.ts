// What each GraphQL object type of the users subgraph is built from (codegen's mappers, `<Type>Mapper`):
// resolvers receive these as parents, so a field resolver sees the store's row, not the SDL shape.
import type { DataExportView } from './data-exports.js';
import type { User } from './user-store.js';

export type UserMapper = User;
export type DataExportMapper = DataExportView;
