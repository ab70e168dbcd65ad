// What each GraphQL object type of the providers subgraph is built from (codegen's mappers, `<Type>Mapper`):
// resolvers receive these as parents, so a field resolver sees the store's row, not the SDL shape.
import type { ApiKey } from './api-key-store.js';
import type { Clinic, ClinicMember } from './clinic-store.js';
import type { Procedure } from './procedure-store.js';
import type { PracticeConnection } from './generated/prisma/client.js';

export type ApiKeyMapper = ApiKey;
export type ClinicMapper = Clinic;
export type ClinicMemberMapper = ClinicMember;
export type ProcedureMapper = Procedure;
export type PracticeConnectionMapper = PracticeConnection;
/** A user other subgraphs own: providers only knows its id (an entity reference). */
export interface UserMapper {
  id: string;
}
