import { describe, expect, it } from '@jest/globals';
import { parse, type OperationDefinitionNode } from 'graphql';
import { AccessLog, accessPurpose, clientOperationName, type DataAccessEntry } from './access-log.js';
import type { Claims } from './claims.js';
import { createLogger } from './logger.js';
import { Metrics } from './metrics.js';

const info = (document: string) => ({ operation: parse(document).definitions[0] as OperationDefinitionNode });
const claims = (sub: string, roles: Claims['roles'], kind: Claims['kind'] = 'user', clinicId?: string): Claims => ({ sub, kind, roles, scopes: [], exp: 0, ...(clinicId ? { clinicId } : {}) });
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function logWith(write: (entries: DataAccessEntry[]) => Promise<void>) {
  const metrics = new Metrics();
  const log = new AccessLog(write, createLogger('test', 'silent'), metrics);
  log.start();
  return { log, metrics };
}

describe('access log', () => {
  it('names the client operation, not the router\'s fetch', () => {
    expect(clientOperationName(info('query ClinicPayment__payments__1 { a }'))).toBe('ClinicPayment');
    expect(clientOperationName(info('query AdminUser { a }'))).toBe('AdminUser');
    expect(clientOperationName(info('{ a }'))).toBe('');
  });

  it('says why from who read and what they ran', () => {
    expect(accessPurpose(claims('a', ['PLATFORM_ADMIN']), 'AdminResolveDispute')).toBe('DISPUTE_DECISION');
    expect(accessPurpose(claims('a', ['PLATFORM_ADMIN']), 'AdminUser')).toBe('BACK_OFFICE_SUPPORT');
    expect(accessPurpose(claims('k', [], 'partner', 'c1'), 'Sync')).toBe('CLINIC_INTEGRATION');
    expect(accessPurpose(claims('s', ['CLINIC_STAFF']), 'Payments')).toBe('CLINIC_SERVICE');
  });

  it('batches a request\'s reads once per subject and field, leaving out the person\'s own and anonymous reads', async () => {
    const written: DataAccessEntry[][] = [];
    const { log } = logWith(async (entries) => void written.push(entries));
    const staff = log.forRequest(claims('staff-1', ['CLINIC_STAFF']));
    const operation = info('query ClinicPayments__payments__0 { a }');
    staff.read(operation, 'patient-1', 'Payment.procedure', 'clinic-1');
    staff.read(operation, 'patient-1', 'Payment.procedure', 'clinic-1');
    staff.read(operation, 'patient-2', 'Payment.procedure', 'clinic-1');
    log.forRequest(claims('patient-1', ['PATIENT'])).read(operation, 'patient-1', 'User.cpf');
    log.forRequest(null).read(operation, 'patient-1', 'User.name');
    await settle();
    await log.loop.idle();
    expect(written.flat()).toEqual([
      expect.objectContaining({ readerId: 'staff-1', readerKind: 'user', readerClinicId: 'clinic-1', subjectId: 'patient-1', field: 'Payment.procedure', operation: 'ClinicPayments', purpose: 'CLINIC_SERVICE' }),
      expect.objectContaining({ subjectId: 'patient-2' }),
    ]);
    expect(written).toHaveLength(1);
    await log.stop();
  });

  it('holds reads while stopped and writes them when started again', async () => {
    const written: DataAccessEntry[] = [];
    const { log } = logWith(async (entries) => void written.push(...entries));
    await log.stop();
    log.forRequest(claims('staff-1', ['CLINIC_STAFF'])).read(info('query P { a }'), 'patient-1', 'User.name');
    await settle();
    expect(written).toEqual([]);
    log.start();
    await settle();
    await log.loop.idle();
    expect(written).toHaveLength(1);
    await log.stop();
  });

  it('keeps a batch it could not write and writes it on a later pass', async () => {
    let failing = true;
    const written: DataAccessEntry[] = [];
    const { log, metrics } = logWith(async (entries) => {
      if (failing) throw new Error('database down');
      written.push(...entries);
    });
    log.forRequest(claims('admin-1', ['PLATFORM_ADMIN'])).read(info('query AdminUser { a }'), 'patient-1', 'User.cpf');
    await settle();
    await log.loop.idle();
    expect(written).toEqual([]);
    expect(metrics.get('access_log_write_failures_total')).toBe(1);
    failing = false;
    await log.stop();
    expect(written).toEqual([expect.objectContaining({ readerId: 'admin-1', readerClinicId: null, field: 'User.cpf', purpose: 'BACK_OFFICE_SUPPORT' })]);
    expect(metrics.get('access_log_entries_written_total')).toBe(1);
  });
});
