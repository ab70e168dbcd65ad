// Procedure service: who sees which procedures of the catalog, and who may create or change them; the
// pure checks live in procedure-rules.ts and the rows in procedure-store.ts.
import { decodeCursor, emptyPage, notFound, pageSize, type Page } from '@medpay/runtime';
import type DataLoader from 'dataloader';
import type { ProcedureFilter } from './__generated__/resolvers-types.js';
import type { Viewer } from './access.js';
import type { Clinic, ClinicStore } from './clinic-store.js';
import { validateProcedureInput, validateProcedureUpdate, type ProcedureInput, type ProcedureUpdate } from './procedure-rules.js';
import type { ClinicCatalogKey, Procedure, ProcedureStore } from './procedure-store.js';
import { cleanText, fold, isUuid } from './validation.js';
import { ProvidersError } from './errors.js';
import { recordProcedureCreated, recordProcedureRepriced } from './outbox-store.js';

/** Catalogs are prepared during review and kept while active; suspended and rejected clinics get no new procedures. */
const ACCEPTS_NEW_PROCEDURES: ReadonlySet<Clinic['status']> = new Set(['PENDING_REVIEW', 'ACTIVE']);

export class Catalog {
  constructor(
    private readonly clinics: ClinicStore,
    private readonly procedures: ProcedureStore,
    /** tells the outbox relay there is something to publish */
    private readonly published: () => void = () => {},
  ) {}

  /**
   * Anyone sees the active procedures of active clinics; platform admins see everything, and a
   * clinic's own people (or partner keys) everything of that clinic when they filter by it.
   */
  async browse(viewer: Viewer, filter: ProcedureFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<Procedure>> {
    const take = pageSize(first, 20);
    const cursor = decodeCursor(after);
    if (filter.clinicId && !isUuid(filter.clinicId)) return emptyPage();
    const wholeCatalog = viewer.isPlatformAdmin || (filter.clinicId ? await viewer.canSeeWholeCatalog(filter.clinicId) : false);
    return this.procedures.search(
      {
        scope: wholeCatalog ? 'all' : 'public',
        clinicId: filter.clinicId ?? undefined,
        cityKey: filter.city?.trim() ? fold(filter.city) : undefined,
        category: filter.category?.trim() ? cleanText(filter.category) : undefined,
        search: filter.search?.trim() ? cleanText(filter.search).slice(0, 120) : undefined,
        minPriceCentavos: filter.minPriceCentavos ?? undefined,
        maxPriceCentavos: filter.maxPriceCentavos ?? undefined,
      },
      take,
      cursor,
    );
  }

  /**
   * One page of a clinic's catalog (inactive procedures only for those who see the whole catalog).
   * First pages go through the per-request loader, so a list of clinics costs one batch.
   */
  async clinicPage(
    viewer: Viewer,
    loader: DataLoader<ClinicCatalogKey, Page<Procedure>, string>,
    clinicId: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<Procedure>> {
    const take = pageSize(first, 50);
    const cursor = decodeCursor(after);
    const includeInactive = await viewer.canSeeWholeCatalog(clinicId);
    if (!cursor) return loader.load({ clinicId, first: take, includeInactive });
    return this.procedures.search({ scope: includeInactive ? 'all' : 'public', clinicId }, take, cursor);
  }

  async create(viewer: Viewer, clinicId: string, input: ProcedureInput): Promise<Procedure> {
    await viewer.assertCanEditCatalog(clinicId);
    const fields = validateProcedureInput(input);
    const clinic = await this.clinics.findById(clinicId);
    if (!clinic) throw notFound('Clínica');
    if (!ACCEPTS_NEW_PROCEDURES.has(clinic.status)) {
      throw new ProvidersError('CLINIC_NOT_ACTIVE', 'Esta clínica está suspensa ou foi recusada e não pode cadastrar procedimentos.', { field: 'clinicId' });
    }
    const created = await this.procedures.create(clinicId, fields, undefined, recordProcedureCreated);
    this.published();
    return created;
  }

  /** Only the procedure's own clinic (its admins or partner keys) may change it. */
  async update(viewer: Viewer, id: string, update: ProcedureUpdate): Promise<Procedure> {
    const procedure = await this.procedures.findById(id);
    if (!procedure) throw new ProvidersError('NOT_FOUND', 'Procedimento não encontrado.');
    await viewer.assertCanEditCatalog(procedure.clinicId);
    const changes = validateProcedureUpdate(update);
    if (Object.keys(changes).length === 0) return procedure;
    const updated = await this.procedures.update(id, changes, recordProcedureRepriced);
    this.published();
    return updated;
  }
}
