// The sensitive-data access log as the back office and the person read it: a person's entries,
// newest first, keyset-paged by (time, id) with the kit's cursors.
import { decodeCursor, pageOf, type Page } from '@medpay/runtime';
import type { AnalyticsStore } from './store/models.js';

export interface DataAccessView {
  id: string;
  readerId: string;
  readerKind: 'user' | 'partner';
  readerRoles: string[];
  readerClinicId: string | null;
  subjectId: string;
  field: string;
  operation: string;
  purpose: 'CLINIC_SERVICE' | 'CLINIC_INTEGRATION' | 'BACK_OFFICE_SUPPORT' | 'DISPUTE_DECISION';
  at: Date;
}

type AccessDoc = Omit<DataAccessView, 'id'> & { _id: string };

export class AccessLogReader {
  constructor(private readonly store: AnalyticsStore) {}

  /** The reads of `subjectId`'s data, newest first (`take` checked by the caller). */
  async ofSubject(subjectId: string, take: number, after: string | null | undefined): Promise<Page<DataAccessView>> {
    const cursorId = decodeCursor(after);
    const match: Record<string, unknown> = { subjectId };
    if (cursorId) {
      const cursor = await this.store.findById('accesses', cursorId);
      // A cursor from another person's log pages nothing here.
      if (!cursor || cursor.subjectId !== subjectId) return { rows: [], hasNextPage: false };
      match.$or = [{ at: { $lt: cursor.at } }, { at: cursor.at, _id: { $lt: cursorId } }];
    }
    const rows = await this.store.aggregate<AccessDoc>('accesses', [{ $match: match }, { $sort: { at: -1, _id: -1 } }, { $limit: take + 1 }]);
    return pageOf(rows.map(({ _id, ...rest }) => ({ id: _id, ...rest, at: new Date(rest.at) })), take);
  }
}
