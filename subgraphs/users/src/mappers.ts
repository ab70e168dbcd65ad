// What each GraphQL object type of the users subgraph is built from (codegen's mappers, `<Type>Mapper`):
// resolvers receive these as parents, so a field resolver sees the store's row, not the SDL shape.
import type { AccountDeletionWithSteps } from './account-deletion-store.js';
import type { ConsentRecord } from './consent-store.js';
import type { ConsentStatus } from './consent.js';
import type { DataExportView } from './data-exports.js';
import type { AccountDeletionStep } from './generated/prisma/client.js';
import type { User } from './user-store.js';

export type UserMapper = User;
export type ConsentMapper = ConsentStatus;
export type ConsentRecordMapper = ConsentRecord;
export type DataExportMapper = DataExportView;
export type AccountDeletionMapper = AccountDeletionWithSteps;
export type AccountDeletionStepMapper = AccountDeletionStep;
