// Keyset pagination shared by the connections: the cursor is the row's id, read back as the
// starting point of the next page in the same stable order.
import { ProvidersError } from './errors.js';
import { isUuid } from './validation.js';

export const PAGE_MAX = 100;

export interface Page<Row> {
  rows: Row[];
  hasNextPage: boolean;
}

export const emptyPage = <Row>(): Page<Row> => ({ rows: [], hasNextPage: false });

/** `first` clamped to 1..100 (GraphQL passes null when a client sends it explicitly). */
export const clampFirst = (first: number | null | undefined, fallback: number): number => Math.min(Math.max(Math.trunc(first ?? fallback), 1), PAGE_MAX);

export function cursorId(after: string | null | undefined): string | undefined {
  if (after === null || after === undefined || after === '') return undefined;
  if (!isUuid(after)) throw new ProvidersError('BAD_USER_INPUT', 'Cursor de paginação inválido.', { field: 'after' });
  return after;
}

/** Cuts a result fetched with one extra row into a page. */
export const pageOf = <Row>(rows: Row[], take: number): Page<Row> => ({ rows: rows.slice(0, take), hasNextPage: rows.length > take });

export function toConnection<Row extends { id: string }>(page: Page<Row>) {
  return {
    edges: page.rows.map((node) => ({ cursor: node.id, node })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.id ?? null },
  };
}
