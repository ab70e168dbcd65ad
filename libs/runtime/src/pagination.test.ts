import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor, pageOf, pageSize, PAGE_MAX, toConnection } from './pagination.js';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'no error';
};

describe('pagination', () => {
  it('takes the default page size when none is given, and refuses 0, negatives, fractions and more than the maximum', () => {
    expect(pageSize(null, 20)).toBe(20);
    expect(pageSize(undefined, 20)).toBe(20);
    expect(pageSize(PAGE_MAX, 20)).toBe(PAGE_MAX);
    for (const first of [0, -1, 2.5, PAGE_MAX + 1]) expect(codeOf(() => pageSize(first, 20))).toBe('BAD_USER_INPUT');
  });

  it('issues opaque cursors that read back to the row id, and refuses garbage', () => {
    const id = randomUUID();
    const cursor = encodeCursor(id);
    expect(cursor).not.toContain(id);
    expect(decodeCursor(cursor)).toBe(id);
    expect(decodeCursor(null)).toBeUndefined();
    expect(decodeCursor('')).toBeUndefined();
    for (const garbage of ['not-a-cursor', id, encodeCursor('not-a-uuid'), `${cursor}x`]) expect(codeOf(() => decodeCursor(garbage))).toBe('BAD_USER_INPUT');
  });

  it('cuts a page fetched with one extra row and builds the connection from it', () => {
    const rows = [{ id: randomUUID() }, { id: randomUUID() }, { id: randomUUID() }];
    const page = pageOf(rows, 2);
    expect(page).toEqual({ rows: rows.slice(0, 2), hasNextPage: true });
    const connection = toConnection(page);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(rows[1]!.id) });
    expect(decodeCursor(connection.edges[0]!.cursor)).toBe(rows[0]!.id);
    expect(toConnection(pageOf([], 2)).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
