// Cursor pagination, one rule for every connection of every subgraph: `first` is 1..PAGE_MAX (else
// BAD_USER_INPUT), `after` is an opaque cursor this module issued (garbage is BAD_USER_INPUT), and
// pages are keyset pages fetched with one extra row to know whether another follows.
import { AppError } from './errors.js';
import { isUuid } from './ids.js';

export const PAGE_MAX = 100;

export interface Page<Row> {
  rows: Row[];
  hasNextPage: boolean;
}

export const emptyPage = <Row>(): Page<Row> => ({ rows: [], hasNextPage: false });

/** Cuts a result fetched with `take + 1` rows into a page. */
export const pageOf = <Row>(rows: Row[], take: number): Page<Row> => ({ rows: rows.slice(0, take), hasNextPage: rows.length > take });

/** The page size asked for: the schema's default when absent (GraphQL passes null for an explicit null). */
export function pageSize(first: number | null | undefined, fallback: number, max = PAGE_MAX): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw new AppError('BAD_USER_INPUT', `Informe de 1 a ${max} itens por página.`, { field: 'first' });
  }
  return size;
}

/** Cursors are opaque to clients: the row's id, encoded so nobody builds on its shape. */
export const encodeCursor = (id: string): string => Buffer.from(`id:${id}`).toString('base64url');

/** The row id an `after` cursor points at; undefined for the first page. */
export function decodeCursor(after: string | null | undefined): string | undefined {
  if (after === null || after === undefined || after === '') return undefined;
  const decoded = Buffer.from(after, 'base64url').toString('utf8');
  const id = decoded.startsWith('id:') ? decoded.slice(3) : '';
  if (!isUuid(id) || encodeCursor(id) !== after) throw new AppError('BAD_USER_INPUT', 'Cursor de paginação inválido.', { field: 'after' });
  return id;
}

export function toConnection<Row extends { id: string }>(page: Page<Row>) {
  return {
    edges: page.rows.map((node) => ({ cursor: encodeCursor(node.id), node })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.length ? encodeCursor(page.rows.at(-1)!.id) : null },
  };
}
