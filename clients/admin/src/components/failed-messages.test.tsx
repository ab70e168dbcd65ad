import { describe, expect, it, jest } from '@jest/globals';
import type { FailedMessageFieldsFragment } from '@medpay/web/types';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FailedMessagesTable } from './failed-messages';

const failed: FailedMessageFieldsFragment = { __typename: 'OutboundMessage',
  id: 'm1',
  kind: 'payment.confirmed',
  channel: 'WHATSAPP',
  recipientId: 'u1',
  status: 'FAILED',
  attempts: 5,
  lastError: '470: fora da janela de 24 horas',
  scheduledFor: '2026-12-04T12:00:00.000Z',
  sentAt: null,
};

describe('failed messages', () => {
  it('lists each with kind, channel, recipient, attempts, last error and time, and "Reenviar"', () => {
    const onRetry = jest.fn();
    render(<FailedMessagesTable messages={[failed, { ...failed, id: 'm2', channel: 'EMAIL', status: 'PENDING', lastError: null }]} retrying={null} onRetry={onRetry} />);
    const [first, second] = screen.getAllByRole('row').slice(1);
    expect([...first!.children].slice(0, 7).map((cell) => cell.textContent)).toEqual(['04/12/2026 às 09:00', 'payment.confirmed', 'WhatsApp', 'u1', '5', '470: fora da janela de 24 horas', 'Falhou']);
    expect(within(first!).getByRole('link', { name: 'u1' }).getAttribute('href')).toBe('/usuarios/u1');
    fireEvent.click(within(first!).getByRole('button', { name: /^Reenviar/ }));
    expect(onRetry).toHaveBeenCalledWith('m1');
    // Sent again: queued, nothing more to do here.
    expect(second!.textContent).toContain('Na fila');
    expect(within(second!).queryByRole('button')).toBeNull();
  });

  it('says when there is none', () => {
    render(<FailedMessagesTable messages={[]} retrying={null} onRetry={() => undefined} />);
    expect(screen.getByText('Nenhuma mensagem com falha.')).toBeTruthy();
  });
});
