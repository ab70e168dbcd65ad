import { describe, expect, it, jest } from '@jest/globals';
import type { ChannelPreferenceInput } from '@medpay/web/types';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { choicesFrom, NotificationPreferencesForm, toInput } from './notification-preferences';

// What the graph answers for a new patient: payments by app and e-mail, no marketing.
const defaults: ChannelPreferenceInput[] = [
  { channel: 'IN_APP', purpose: 'TRANSACTIONAL', enabled: true },
  { channel: 'EMAIL', purpose: 'TRANSACTIONAL', enabled: true },
  { channel: 'SMS', purpose: 'TRANSACTIONAL', enabled: false },
  { channel: 'WHATSAPP', purpose: 'TRANSACTIONAL', enabled: true },
  { channel: 'PUSH', purpose: 'TRANSACTIONAL', enabled: false },
  { channel: 'IN_APP', purpose: 'MARKETING', enabled: false },
  { channel: 'EMAIL', purpose: 'MARKETING', enabled: false },
  { channel: 'SMS', purpose: 'MARKETING', enabled: false },
  { channel: 'WHATSAPP', purpose: 'MARKETING', enabled: false },
  { channel: 'PUSH', purpose: 'MARKETING', enabled: false },
];

const group = (name: string) => screen.getByRole('group', { name });
const toggle = (groupName: string, channel: string) => within(group(groupName)).getByRole<HTMLInputElement>('switch', { name: new RegExp(`^${channel}`) });

describe('notification preferences', () => {
  it('shows one switch per channel for each purpose, the app always on for payments', () => {
    render(<NotificationPreferencesForm preferences={defaults} saving={false} onSave={async () => true} />);
    const payments = group('Pagamentos e lembretes');
    expect(within(payments).getAllByRole('switch').map((s) => s.getAttribute('id'))).toEqual(['pref-in_app-transactional', 'pref-email-transactional', 'pref-sms-transactional', 'pref-whatsapp-transactional', 'pref-push-transactional']);
    expect(toggle('Pagamentos e lembretes', 'Aplicativo').checked).toBe(true);
    expect(toggle('Pagamentos e lembretes', 'Aplicativo').disabled).toBe(true);
    expect(toggle('Pagamentos e lembretes', 'WhatsApp').checked).toBe(true);
    expect(toggle('Pagamentos e lembretes', 'Notificações no navegador').checked).toBe(false);
    // Marketing: off, every channel changeable, and why consent is asked.
    for (const channel of ['Aplicativo', 'E-mail', 'SMS', 'WhatsApp', 'Notificações no navegador']) {
      expect(toggle('Novidades e ofertas', channel).checked).toBe(false);
      expect(toggle('Novidades e ofertas', channel).disabled).toBe(false);
    }
    expect(group('Novidades e ofertas').textContent).toContain('LGPD');
    expect(group('Novidades e ofertas').getAttribute('aria-describedby')).toBe('purpose-marketing');
  });

  it('saves every pair the patient may change, and says it was saved', async () => {
    const onSave = jest.fn(async (_input: ChannelPreferenceInput[]) => true);
    render(<NotificationPreferencesForm preferences={defaults} saving={false} onSave={onSave} />);
    fireEvent.click(toggle('Pagamentos e lembretes', 'SMS'));
    fireEvent.click(toggle('Novidades e ofertas', 'E-mail'));
    fireEvent.click(screen.getByRole('button', { name: 'Salvar preferências' }));
    expect(await screen.findByText('Preferências salvas.')).toBeTruthy();
    const sent = onSave.mock.calls[0]![0];
    expect(sent).toHaveLength(9);
    expect(sent.find((p) => p.channel === 'IN_APP' && p.purpose === 'TRANSACTIONAL')).toBeUndefined();
    expect(sent.filter((p) => p.enabled)).toEqual([
      { channel: 'EMAIL', purpose: 'TRANSACTIONAL', enabled: true },
      { channel: 'SMS', purpose: 'TRANSACTIONAL', enabled: true },
      { channel: 'WHATSAPP', purpose: 'TRANSACTIONAL', enabled: true },
      { channel: 'EMAIL', purpose: 'MARKETING', enabled: true },
    ]);
  });

  it('never takes marketing as consented when the graph says nothing of it', () => {
    const choices = choicesFrom([{ channel: 'IN_APP', purpose: 'TRANSACTIONAL', enabled: false }]);
    expect(choices.get('IN_APP:TRANSACTIONAL')).toBe(true);
    expect(toInput(choices).filter((p) => p.purpose === 'MARKETING' && p.enabled)).toEqual([]);
  });
});
