import { describe, expect, it, jest } from '@jest/globals';
import type { WebhookDeliveryFieldsFragment } from '@medpay/web/types';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { responseCodesText } from './labels';
import { DeliveriesTable, EventTypeName, SecretOnce, WebhookGuide } from './webhooks';

const delivery = (id: string, overrides: Partial<WebhookDeliveryFieldsFragment> = {}): WebhookDeliveryFieldsFragment => ({
  __typename: 'WebhookDelivery',
  id,
  endpointId: 'e1',
  eventType: 'payment.status_changed',
  status: 'SUCCEEDED',
  attempts: 1,
  responseCodes: [200],
  createdAt: '2026-12-04T12:00:00.000Z',
  lastAttemptAt: '2026-12-04T12:00:01.000Z',
  nextAttemptAt: null,
  ...overrides,
});

describe('webhooks in the clinic dashboard', () => {
  it('shows a new secret once, says it will not be shown again, and offers to copy it', () => {
    const onDone = jest.fn();
    render(<SecretOnce shown={{ kind: 'created', endpointId: 'e1', url: 'https://erp.example/hook', secret: 'whsec_abc' }} onDone={onDone} />);
    const card = screen.getByRole('region', { name: 'Endpoint criado — copie o segredo agora' });
    expect(document.activeElement).toBe(card);
    expect(screen.getByTestId('webhook-secret').textContent).toBe('whsec_abc');
    expect(card.textContent).toContain('Ele não será mostrado novamente');
    expect(within(card).getByRole('button', { name: 'Copiar segredo' })).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Já guardei o segredo' }));
    expect(onDone).toHaveBeenCalled();
  });

  it('after a rotation, explains the old secret stays valid for 24 hours', () => {
    render(<SecretOnce shown={{ kind: 'rotated', endpointId: 'e1', url: 'https://erp.example/hook', secret: 'whsec_new' }} onDone={() => undefined} />);
    expect(screen.getByRole('region', { name: 'Novo segredo gerado — copie agora' }).textContent).toContain('O segredo anterior continua válido por 24 horas');
  });

  it('lists deliveries with their status in Portuguese, attempts, answers and "Reenviar"', () => {
    const onRedeliver = jest.fn();
    render(
      <DeliveriesTable
        deliveries={[
          delivery('msg_2', { status: 'PENDING', attempts: 2, responseCodes: [500, 0], nextAttemptAt: '2026-12-04T12:10:00.000Z' }),
          delivery('msg_1'),
          delivery('msg_0', { status: 'FAILED', attempts: 8, responseCodes: [404] }),
        ]}
        redelivering={null}
        onRedeliver={onRedeliver}
      />,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelector('[data-delivery-status]')?.textContent)).toEqual(['Pendente', 'Entregue', 'Falhou']);
    expect(rows[0]!.textContent).toContain('nova tentativa em 04/12/2026 às 09:10');
    expect(rows[0]!.textContent).toContain('500, sem resposta');
    fireEvent.click(within(rows[2]!).getByRole('button', { name: /^Reenviar/ }));
    expect(onRedeliver).toHaveBeenCalledWith('msg_0');
  });

  it('says when nothing was delivered yet', () => {
    render(<DeliveriesTable deliveries={[]} redelivering={null} onRedeliver={() => undefined} />);
    expect(screen.getByText('Nenhuma entrega ainda.')).toBeTruthy();
  });

  it('names event types in words, with the type partners see', () => {
    render(<ul><li><EventTypeName type="payment.status_changed" /></li><li><EventTypeName type="something.new" /></li></ul>);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Mudança de status de um pagamento payment.status_changed', 'something.new']);
    expect(responseCodesText([])).toBe('—');
  });

  it('explains the three Standard Webhooks headers and shows verification with standardwebhooks', () => {
    render(<WebhookGuide />);
    for (const header of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) expect(screen.getByText(header, { selector: 'dt code' })).toBeTruthy();
    const example = screen.getByLabelText(/Exemplo de verificação/).textContent!;
    expect(example).toContain("import { Webhook } from 'standardwebhooks'");
    expect(example).toContain('webhook.verify(req.body');
  });
});
