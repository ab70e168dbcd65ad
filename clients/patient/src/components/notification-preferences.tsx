'use client';
// The patient's choice of channels per purpose: payments and reminders (the app's bell always on), and
// news and offers, which need consent under the LGPD and start off. Drawn from myNotificationPreferences;
// saved whole with setNotificationPreferences.
import { channelLabel } from '@medpay/web/notifications';
import type { ChannelPreferenceInput, NotificationChannel, NotificationPurpose } from '@medpay/web/types';
import { ErrorNotice } from '@medpay/web/ui';
import { useState, type FormEvent, type ReactNode } from 'react';

export const CHANNELS: NotificationChannel[] = ['IN_APP', 'EMAIL', 'SMS', 'WHATSAPP', 'PUSH'];

export const purposeLabel: Record<NotificationPurpose, string> = {
  TRANSACTIONAL: 'Pagamentos e lembretes',
  MARKETING: 'Novidades e ofertas',
};

const channelHint: Partial<Record<NotificationChannel, string>> = {
  SMS: 'no celular do seu cadastro',
  WHATSAPP: 'no celular do seu cadastro',
  PUSH: 'nos aparelhos em que você ativar abaixo',
};

type Choice = Pick<ChannelPreferenceInput, 'channel' | 'purpose' | 'enabled'>;
const key = (channel: NotificationChannel, purpose: NotificationPurpose) => `${channel}:${purpose}`;

/** The bell in the app is how payments reach the patient at all: it cannot be turned off. */
export const isLocked = (channel: NotificationChannel, purpose: NotificationPurpose) => channel === 'IN_APP' && purpose === 'TRANSACTIONAL';

/** Without an answer for a pair, what it starts as: payments by app and e-mail; never marketing. */
const fallback = (channel: NotificationChannel, purpose: NotificationPurpose) => purpose === 'TRANSACTIONAL' && (channel === 'IN_APP' || channel === 'EMAIL');

/** Every pair of channel and purpose, the graph's answer first, the fallback otherwise. */
export function choicesFrom(preferences: readonly Choice[]): Map<string, boolean> {
  const known = new Map(preferences.map((p) => [key(p.channel, p.purpose), p.enabled]));
  const choices = new Map<string, boolean>();
  for (const purpose of Object.keys(purposeLabel) as NotificationPurpose[]) {
    for (const channel of CHANNELS) choices.set(key(channel, purpose), isLocked(channel, purpose) || (known.get(key(channel, purpose)) ?? fallback(channel, purpose)));
  }
  return choices;
}

/** What setNotificationPreferences is sent: every pair the patient may change. */
export function toInput(choices: Map<string, boolean>): ChannelPreferenceInput[] {
  const input: ChannelPreferenceInput[] = [];
  for (const purpose of Object.keys(purposeLabel) as NotificationPurpose[]) {
    for (const channel of CHANNELS) if (!isLocked(channel, purpose)) input.push({ channel, purpose, enabled: choices.get(key(channel, purpose)) ?? false });
  }
  return input;
}

function PurposeFieldset({ purpose, choices, onToggle, children }: { purpose: NotificationPurpose; choices: Map<string, boolean>; onToggle(channel: NotificationChannel, enabled: boolean): void; children?: ReactNode }) {
  const descriptionId = `purpose-${purpose.toLowerCase()}`;
  return (
    <fieldset className="card preferences" aria-describedby={descriptionId}>
      <legend>{purposeLabel[purpose]}</legend>
      <div id={descriptionId}>{children}</div>
      <ul className="plain switches">
        {CHANNELS.map((channel) => {
          const id = `pref-${channel}-${purpose}`.toLowerCase();
          const locked = isLocked(channel, purpose);
          const hint = locked ? 'sempre ativo' : purpose === 'TRANSACTIONAL' ? channelHint[channel] : undefined;
          return (
            <li key={channel} className="switch-row">
              <label htmlFor={id}>
                {channelLabel[channel]}
                {hint ? <span className="hint"> — {hint}</span> : null}
              </label>
              <input
                id={id}
                type="checkbox"
                role="switch"
                className="switch"
                checked={choices.get(key(channel, purpose)) ?? false}
                disabled={locked}
                onChange={(event) => onToggle(channel, event.target.checked)}
              />
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function NotificationPreferencesForm({ preferences, saving, error, onSave }: { preferences: readonly Choice[]; saving: boolean; error?: unknown; onSave(input: ChannelPreferenceInput[]): Promise<boolean> }) {
  const [choices, setChoices] = useState(() => choicesFrom(preferences));
  const [saved, setSaved] = useState(false);
  const toggle = (purpose: NotificationPurpose) => (channel: NotificationChannel, enabled: boolean) => {
    setSaved(false);
    setChoices((current) => new Map(current).set(key(channel, purpose), enabled));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(await onSave(toInput(choices)));
  };
  return (
    <form onSubmit={submit} aria-label="Preferências de notificação">
      <PurposeFieldset purpose="TRANSACTIONAL" choices={choices} onToggle={toggle('TRANSACTIONAL')}>
        <p className="hint">Pagamento confirmado, PIX e boletos a vencer, parcelas do crediário, reembolsos. No aplicativo eles sempre aparecem; escolha por onde mais quer recebê-los.</p>
      </PurposeFieldset>
      <PurposeFieldset purpose="MARKETING" choices={choices} onToggle={toggle('MARKETING')}>
        <p className="hint">
          Campanhas, descontos de clínicas parceiras e novidades da MedPay. Pela Lei Geral de Proteção de Dados (LGPD), só enviamos esse tipo de
          mensagem com o seu consentimento: ao ativar um canal você autoriza o envio por ele, e pode retirar a autorização quando quiser,
          desativando aqui. Isso não muda os avisos de pagamentos.
        </p>
      </PurposeFieldset>
      <ErrorNotice error={error} />
      <div className="row">
        <button type="submit" className="button" disabled={saving}>{saving ? 'Salvando…' : 'Salvar preferências'}</button>
        <span role="status" className="muted">{saved ? 'Preferências salvas.' : ''}</span>
      </div>
    </form>
  );
}
