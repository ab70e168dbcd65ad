import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ConnectForm, ConnectionSummary, credentialsFor, ImportedAppointments, MappingTable, SyncLog, SyncSettings, type Connection } from './practice-systems';

const connection = (overrides: Partial<Connection> = {}): Connection => ({
  __typename: 'PracticeConnection',
  id: 'conn-1',
  kind: 'NINSAUDE',
  status: 'ACTIVE',
  accountName: 'Clínica Sorriso Paulista',
  connectedAt: '2026-12-13T13:00:00.000Z',
  lastSyncedAt: null,
  lastError: null,
  syncAppointments: true,
  writeBack: false,
  procedures: [
    { __typename: 'PracticeProcedure', code: 'ODT-CLAR', name: 'Clareamento Dental a Laser', priceCentavos: 120000, procedure: null },
    { __typename: 'PracticeProcedure', code: 'ODT-AVAL', name: 'Consulta de Avaliação', priceCentavos: null, procedure: { __typename: 'Procedure', id: 'p2', name: 'Avaliação' } },
  ],
  syncLog: [],
  appointments: [],
  ...overrides,
});

describe('the clinic systems connected to MedPay', () => {
  it('sends only the chosen system\'s credentials, and clears them once connected', async () => {
    expect(credentialsFor('HELENA', { apiToken: ' hl_1 ', account: 'x' })).toEqual({ apiToken: 'hl_1', webhookSecret: null });
    expect(credentialsFor('NINSAUDE', { account: 'sorrisopaulista', username: 'u', password: 'p', accountUnit: '1', apiToken: 'x' })).toEqual({ account: 'sorrisopaulista', username: 'u', password: 'p', accountUnit: 1 });

    const onConnect = jest.fn(async (_kind: string, _credentials: unknown) => true);
    render(<ConnectForm busy={false} onConnect={onConnect} />);
    fireEvent.change(screen.getByLabelText('Conta'), { target: { value: 'sorrisopaulista' } });
    fireEvent.change(screen.getByLabelText('Usuário'), { target: { value: 'integracao.medpay' } });
    fireEvent.change(screen.getByLabelText('Senha'), { target: { value: 'segredo' } });
    expect((screen.getByLabelText('Senha') as HTMLInputElement).type).toBe('password');
    fireEvent.submit(screen.getByRole('button', { name: 'Conectar NinSaúde' }));
    expect(onConnect).toHaveBeenCalledWith('NINSAUDE', { account: 'sorrisopaulista', username: 'integracao.medpay', password: 'segredo', accountUnit: 1 });
    await waitFor(() => expect((screen.getByLabelText('Senha') as HTMLInputElement).value).toBe(''));

    fireEvent.click(screen.getByRole('radio', { name: 'Helena' }));
    expect((screen.getByLabelText('Token de API') as HTMLInputElement).type).toBe('password');
    expect(screen.queryByLabelText('Conta')).toBeNull();
  });

  it('maps each system procedure to one of the catalog, or to none', () => {
    const onMap = jest.fn();
    render(<MappingTable connection={connection()} catalog={[{ id: 'p1', name: 'Clareamento dental' }, { id: 'p2', name: 'Avaliação' }]} disabled={false} saving={null} onMap={onMap} />);
    const clareamento = screen.getByLabelText('Procedimento na MedPay para Clareamento Dental a Laser') as HTMLSelectElement;
    expect(clareamento.value).toBe('');
    fireEvent.change(clareamento, { target: { value: 'p1' } });
    expect(onMap).toHaveBeenCalledWith('ODT-CLAR', 'p1');
    fireEvent.change(screen.getByLabelText('Procedimento na MedPay para Consulta de Avaliação'), { target: { value: '' } });
    expect(onMap).toHaveBeenCalledWith('ODT-AVAL', null);
    expect(screen.getByRole('row', { name: /ODT-CLAR/ }).textContent).toMatch(/R\$\s1\.200,00/);
  });

  it('switches what is synced', () => {
    const onChange = jest.fn();
    render(<SyncSettings connection={connection()} disabled={false} onChange={onChange} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Registrar pagamentos no sistema/ }));
    expect(onChange).toHaveBeenCalledWith({ syncAppointments: true, writeBack: true });
  });

  it('shows the state, the last error, the sync log and the imported appointments with their links', () => {
    render(
      <>
        <ConnectionSummary connection={connection({ lastSyncedAt: '2026-12-13T14:00:00.000Z', lastError: 'O NinSaúde recusou as credenciais.' })} />
        <SyncLog runs={[{ __typename: 'PracticeSyncRun', startedAt: '2026-12-13T14:00:00.000Z', finishedAt: '2026-12-13T14:00:02.000Z', imported: 6, linked: 1, writtenBack: 0, errors: ['Paciente sem e-mail: agendamento 7'] }]} />
        <ImportedAppointments
          appointments={[
            { __typename: 'PracticeAppointment', externalId: '1', startsAt: '2026-12-16T13:00:00.000Z', status: 'CONFIRMED', patientName: 'Paula Paciente', paymentLinkToken: 'tok1', writtenBackStatus: null, procedure: { __typename: 'Procedure', id: 'p1', name: 'Clareamento dental' } },
            { __typename: 'PracticeAppointment', externalId: '2', startsAt: '2026-12-23T13:00:00.000Z', status: 'SCHEDULED', patientName: 'Roberto Almeida', paymentLinkToken: null, writtenBackStatus: null, procedure: null },
          ]}
          links={new Map([['tok1', { url: 'http://127.0.0.1:3000/pagar/tok1', status: 'ACTIVE' as const }]])}
        />
      </>,
    );
    expect(screen.getByTestId('last-synced').textContent).toBe('13/12/2026 às 11:00');
    expect(screen.getByTestId('last-error').textContent).toBe('Último erro: O NinSaúde recusou as credenciais.');
    expect(screen.getByRole('region', { name: 'Últimas sincronizações' }).textContent).toContain('Paciente sem e-mail: agendamento 7');
    const appointments = within(screen.getByRole('region', { name: 'Agendamentos importados' })).getAllByRole('row').slice(1);
    expect(appointments[0]!.textContent).toContain('Confirmado');
    expect(within(appointments[0]!).getByRole('link', { name: /link de pagamento de Paula Paciente/ }).getAttribute('href')).toBe('http://127.0.0.1:3000/pagar/tok1');
    expect(appointments[1]!.textContent).toContain('Sem procedimento mapeado');
  });
});
