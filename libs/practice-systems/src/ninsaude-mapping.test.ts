// NinSaúde's mapping as pure functions: local times, statuses, the write-back body, and the sync cursor
// when several changes share one timestamp.
import { describe, expect, it } from '@jest/globals';
import { advanceCursor, alreadyDelivered, decodeCursor, encodeCursor, receivableBody, toAppointment, type NinSaudeAppointment } from './ninsaude-mapping.js';

const change = (id: number, at: string, status = 1): NinSaudeAppointment => ({ id, paciente: 7, servico: 3, profissionalNome: ' Dr. X ', data: '2031-01-05', horaInicial: '08:30', status, dataAlteracao: at });
const T1 = '2031-01-01T10:00:00.000Z';
const T2 = '2031-01-01T10:00:05.000Z';

describe('NinSaúde appointments', () => {
  it('reads the clinic local time as UTC−3 and maps statuses, the service code and the patient', () => {
    const patient = { id: 7, nome: 'Ana', cpf: '529.982.247-25', email: ' ', foneCelular: '(21) 3456-7890', dataNascimento: '01/02/1990' };
    const services = new Map([[3, { id: 3, codigo: 'ODT-CLAR', descricao: 'Clareamento', valor: 1200, ativo: 1 }]]);
    expect(toAppointment(change(1, T1), patient, services)).toEqual({
      externalId: '1',
      updatedAt: new Date(T1),
      status: 'SCHEDULED',
      startsAt: new Date('2031-01-05T11:30:00.000Z'),
      procedureCode: 'ODT-CLAR',
      professional: 'Dr. X',
      patient: { externalId: '7', name: 'Ana', cpf: '52998224725', phone: '+552134567890' },
    });
    expect([2, 3, 4, 5].map((status) => toAppointment(change(1, T1, status), patient, services).status)).toEqual(['CONFIRMED', 'DONE', 'CANCELLED', 'CANCELLED']);
    expect(toAppointment({ ...change(1, T1), servico: 99 }, patient, services).procedureCode).toBe('99');
  });

  it('writes reais, the situation and our reference as the external id', () => {
    expect(receivableBody({ reference: 'p:REFUNDED', status: 'REFUNDED', amountCentavos: 123_45, at: new Date(T1), method: 'CARD' })).toEqual({
      idExterno: 'p:REFUNDED', situacao: 'ESTORNADO', valor: 123.45, dataMovimento: T1, descricao: 'Pagamento estornado ao paciente pela MedPay', formaPagamento: 'CARTAO_CREDITO',
    });
  });
});

describe('NinSaúde sync cursor', () => {
  it('remembers the ids delivered at its timestamp, so only those are skipped next time', () => {
    const first = advanceCursor(null, [change(1, T1), change(2, T1)])!;
    expect(first).toEqual({ since: T1, seen: ['1', '2'] });
    // Another change at the same instant, and one of the delivered appointments changed again later.
    expect(alreadyDelivered(first, change(2, T1))).toBe(true);
    expect(alreadyDelivered(first, change(3, T1))).toBe(false);
    expect(alreadyDelivered(first, change(2, T2))).toBe(false);
    expect(advanceCursor(first, [change(3, T1)])).toEqual({ since: T1, seen: ['1', '2', '3'] });
    expect(advanceCursor(first, [change(3, T1), change(2, T2)])).toEqual({ since: T2, seen: ['2'] });
    expect(advanceCursor(first, [])).toBe(first);
  });

  it('round-trips as an opaque string and refuses strings that are not cursors', () => {
    const cursor = { since: T2, seen: ['9'] };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(null)).toBeNull();
    expect(decodeCursor('garbage')).toBeUndefined();
    expect(decodeCursor(Buffer.from('{"since":"yesterday","seen":[]}').toString('base64url'))).toBeUndefined();
  });
});
