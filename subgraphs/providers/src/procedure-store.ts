// Data access for procedures: searches, the first page of many clinics' catalogs at once, writes.
import { emptyPage, literalFragment, pageOf, type Metrics, type Page } from '@medpay/runtime';
import DataLoader from 'dataloader';
import { Prisma, type PrismaClient, type Procedure } from './generated/prisma/client.js';
import type { ProcedureChanges, ProcedureInput } from './procedure-rules.js';
import { isUuid } from './validation.js';

export type { Procedure };

export interface ProcedureSearch {
  clinicId?: string;
  cityKey?: string;
  category?: string;
  /** fragment of the name or description */
  search?: string;
  minPriceCentavos?: number;
  maxPriceCentavos?: number;
  /** 'public': active procedures of active clinics; 'all': every procedure */
  scope: 'public' | 'all';
}

const ORDER: Prisma.ProcedureOrderByWithRelationInput[] = [{ name: 'asc' }, { id: 'asc' }];

export class ProcedureStore {
  constructor(private readonly prisma: PrismaClient) {}

  findMany(ids: readonly string[]): Promise<Procedure[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.prisma.procedure.findMany({ where: { id: { in: valid } } }) : Promise.resolve([]);
  }

  async findById(id: string): Promise<Procedure | null> {
    return isUuid(id) ? this.prisma.procedure.findUnique({ where: { id } }) : null;
  }

  /** Ordered by name then id; `after` is the id of the last procedure of the previous page. */
  async search(filter: ProcedureSearch, take: number, after?: string): Promise<Page<Procedure>> {
    const clinic: Prisma.ClinicWhereInput = {
      ...(filter.scope === 'public' ? { status: 'ACTIVE' } : {}),
      ...(filter.cityKey ? { cityKey: filter.cityKey } : {}),
    };
    const price: Prisma.IntFilter = {
      ...(filter.minPriceCentavos !== undefined ? { gte: filter.minPriceCentavos } : {}),
      ...(filter.maxPriceCentavos !== undefined ? { lte: filter.maxPriceCentavos } : {}),
    };
    const where: Prisma.ProcedureWhereInput = {
      ...(filter.scope === 'public' ? { active: true } : {}),
      ...(filter.clinicId ? { clinicId: filter.clinicId } : {}),
      ...(Object.keys(clinic).length ? { clinic: { is: clinic } } : {}),
      ...(filter.category ? { category: { equals: filter.category, mode: 'insensitive' } } : {}),
      ...(Object.keys(price).length ? { priceCentavos: price } : {}),
      ...(filter.search
        ? { OR: [{ name: { contains: literalFragment(filter.search), mode: 'insensitive' } }, { description: { contains: literalFragment(filter.search), mode: 'insensitive' } }] }
        : {}),
    };
    const rows = await this.prisma.procedure.findMany({ where, orderBy: ORDER, take: take + 1, ...(after ? { cursor: { id: after }, skip: 1 } : {}) });
    return pageOf(rows, take);
  }

  /**
   * The first `limit` procedures of each clinic (in catalog order) in two statements whatever the
   * number of clinics: the ids ranked per clinic, then the rows.
   */
  async firstOfEachClinic(clinicIds: readonly string[], limit: number, includeInactive: boolean): Promise<Procedure[]> {
    const ranked = await this.prisma.$queryRaw<Array<{ id: string }>>`
      SELECT id::text AS id FROM (
        SELECT id, row_number() OVER (PARTITION BY clinic_id ORDER BY name, id) AS position
        FROM procedures
        WHERE clinic_id = ANY(${[...clinicIds]}::uuid[]) AND (active OR ${includeInactive}::boolean)
      ) AS numbered
      WHERE position <= ${limit}::int`;
    if (ranked.length === 0) return [];
    return this.prisma.procedure.findMany({ where: { id: { in: ranked.map((row) => row.id) } }, orderBy: ORDER });
  }

  /** `andThen` runs in the same transaction (the outbox event of the creation). */
  create(clinicId: string, fields: ProcedureInput, id?: string, andThen?: (tx: Prisma.TransactionClient, created: Procedure) => Promise<void>): Promise<Procedure> {
    if (!andThen) return this.prisma.procedure.create({ data: { ...fields, id, clinicId } });
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.procedure.create({ data: { ...fields, id, clinicId } });
      await andThen(tx, created);
      return created;
    });
  }

  /** `andThen` sees the row before and after, in the same transaction (the outbox event of a repricing). */
  update(id: string, changes: ProcedureChanges, andThen?: (tx: Prisma.TransactionClient, before: Procedure, after: Procedure) => Promise<void>): Promise<Procedure> {
    if (!andThen) return this.prisma.procedure.update({ where: { id }, data: changes });
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.procedure.findUniqueOrThrow({ where: { id } });
      const after = await tx.procedure.update({ where: { id }, data: changes });
      await andThen(tx, before, after);
      return after;
    });
  }
}

export interface ClinicCatalogKey {
  clinicId: string;
  first: number;
  includeInactive: boolean;
}

const catalogCacheKey = (key: ClinicCatalogKey) => `${key.clinicId}:${key.first}:${key.includeInactive}`;

/**
 * Per-request loader of the first page of a clinic's catalog, so that a list of clinics with their
 * procedures costs one batch (`dataloader_batches_total_clinic_procedures`) instead of one query per clinic.
 */
export function createClinicCatalogLoader(store: ProcedureStore, metrics: Metrics) {
  return new DataLoader<ClinicCatalogKey, Page<Procedure>, string>(
    async (keys) => {
      metrics.increment('dataloader_batches_total_clinic_procedures');
      // Keys of one request usually share `first` and visibility: one query per distinct pair.
      const groups = new Map<string, ClinicCatalogKey[]>();
      for (const key of keys) {
        const group = `${key.first}:${key.includeInactive}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const pages = new Map<string, Page<Procedure>>();
      for (const group of groups.values()) {
        const { first, includeInactive } = group[0]!;
        const rows = await store.firstOfEachClinic(group.map((key) => key.clinicId), first + 1, includeInactive);
        for (const key of group) pages.set(catalogCacheKey(key), pageOf(rows.filter((row) => row.clinicId === key.clinicId), first));
      }
      return keys.map((key) => pages.get(catalogCacheKey(key)) ?? emptyPage<Procedure>());
    },
    { cacheKeyFn: catalogCacheKey },
  );
}
