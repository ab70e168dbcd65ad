import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { NotificationBellView, NotificationList, type NotificationBellViewProps } from './notification-bell';
import type { NotificationView } from './notifications';

const now = new Date('2026-12-04T12:00:00.000Z');
const notifications: NotificationView[] = [
  { __typename: 'Notification', id: 'n3', kind: 'payment.confirmed', title: 'Pagamento confirmado', body: 'Recebemos R$ 1.200,00 de Clareamento dental.', link: '/pagamentos/p1', createdAt: '2026-12-04T11:58:00.000Z', readAt: null },
  { __typename: 'Notification', id: 'n2', kind: 'account.notice', title: 'Aviso da conta', body: 'Sem link: lê-se aqui mesmo.', link: null, createdAt: '2026-12-04T10:00:00.000Z', readAt: null },
  { __typename: 'Notification', id: 'n1', kind: 'installment.reminder', title: 'Parcela vence amanhã', body: 'Parcela 2/6.', link: 'javascript:alert(1)', createdAt: '2026-12-01T12:00:00.000Z', readAt: '2026-12-02T12:00:00.000Z' },
];

function renderBell(overrides: Partial<NotificationBellViewProps> = {}) {
  const props = {
    unreadCount: 2,
    notifications,
    announcement: '2 notificações não lidas',
    onOpenChange: jest.fn<(open: boolean) => void>(),
    onOpenNotification: jest.fn<(notification: NotificationView) => void>(),
    onMarkAll: jest.fn<() => void>(),
    now,
    ...overrides,
  };
  render(
    <>
      <NotificationBellView {...props} />
      <button type="button">Fora</button>
    </>,
  );
  return props;
}

const bell = () => screen.getByRole('button', { name: /^Notificações/ });

describe('the notification bell', () => {
  it('shows the unread count as a badge, in its name, and in a live region', () => {
    renderBell();
    expect(bell().textContent).toContain('Notificações (2 não lidas)');
    expect(screen.getByTestId('notification-count').textContent).toBe('2');
    expect(screen.getByTestId('notification-count').getAttribute('aria-hidden')).toBe('true');
    const live = screen.getByRole('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('2 notificações não lidas');
    expect(bell().getAttribute('aria-expanded')).toBe('false');
  });

  it('has no badge when nothing is unread', () => {
    renderBell({ unreadCount: 0, announcement: 'Nenhuma notificação não lida' });
    expect(screen.queryByTestId('notification-count')).toBeNull();
    expect(screen.getByRole('button', { name: 'Notificações' })).toBeTruthy();
  });

  it('opens a panel of the latest notifications, newest first, the unread ones marked', () => {
    const props = renderBell();
    fireEvent.click(bell());
    expect(props.onOpenChange).toHaveBeenCalledWith(true);
    expect(bell().getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('dialog', { name: 'Notificações' });
    expect(bell().getAttribute('aria-controls')).toBe(panel.id);
    expect(document.activeElement).toBe(panel);
    const items = within(panel).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-unread'))).toEqual(['true', 'true', 'false']);
    // An unread one says so in words; one with a link opens it, one without is a button, an unsafe link opens nothing.
    expect(within(panel).getByRole('link', { name: /^Não lida: Pagamento confirmado/ }).getAttribute('href')).toBe('/pagamentos/p1');
    expect(within(panel).getByRole('button', { name: /^Não lida: Aviso da conta/ })).toBeTruthy();
    expect(within(items[2]!).queryByRole('link')).toBeNull();
    expect(items[0]!.textContent).toContain('há 2 minutos');
    expect(within(panel).getByRole('link', { name: 'Ver todas as notificações' }).getAttribute('href')).toBe('/notificacoes');
  });

  it('marks a notification read when it is opened, and closes', () => {
    const props = renderBell();
    fireEvent.click(bell());
    fireEvent.click(screen.getByRole('link', { name: /Pagamento confirmado/ }));
    expect(props.onOpenNotification).toHaveBeenCalledWith(notifications[0]!);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('"Marcar todas como lidas" only while something is unread', () => {
    const props = renderBell();
    fireEvent.click(bell());
    fireEvent.click(screen.getByRole('button', { name: 'Marcar todas como lidas' }));
    expect(props.onMarkAll).toHaveBeenCalled();
  });

  it('works from the keyboard: arrow down opens on the first notification, arrows move, Escape closes back on the bell', () => {
    renderBell();
    bell().focus();
    fireEvent.keyDown(bell(), { key: 'ArrowDown' });
    const panel = screen.getByRole('dialog', { name: 'Notificações' });
    const first = within(panel).getByRole('link', { name: /Pagamento confirmado/ });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(within(panel).getByRole('button', { name: /Aviso da conta/ }));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement?.textContent).toBe('Ver todas as notificações');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Marcar todas como lidas');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement?.textContent).toBe('Ver todas as notificações');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(bell());
  });

  it('closes on a click elsewhere or when the focus leaves it', () => {
    const props = renderBell();
    fireEvent.click(bell());
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Fora' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(bell());
    fireEvent.blur(screen.getByRole('dialog'), { relatedTarget: screen.getByRole('button', { name: 'Fora' }) });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(props.onOpenChange).toHaveBeenLastCalledWith(false);
  });

  it('says so while loading', () => {
    renderBell({ notifications: null });
    fireEvent.click(bell());
    expect(screen.getByText('Carregando…')).toBeTruthy();
  });

  it('says so when there is nothing yet', () => {
    renderBell({ notifications: [], unreadCount: 0 });
    fireEvent.click(bell());
    expect(screen.getByText('Nenhuma notificação por enquanto.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Marcar todas como lidas' })).toBeNull();
  });
});

describe('the notification list', () => {
  it('renders a read notification without a link as plain text', () => {
    render(<NotificationList notifications={[{ ...notifications[1]!, readAt: '2026-12-04T11:00:00.000Z' }]} onOpen={() => undefined} now={now} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('listitem').textContent).toBe('Aviso da contaSem link: lê-se aqui mesmo.há 2 horas');
  });
});
