'use client';
// How the patient wants to hear from MedPay: channels per purpose (payments always in the app;
// marketing only with consent) and Web Push on this device.
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '@medpay/web/graphql';
import { RequireSession } from '@medpay/web/session';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { NotificationPreferencesForm } from '../../../components/notification-preferences';
import { devicePushState, subscribeThisDevice, unsubscribeThisDevice, type DevicePushState } from '../../../components/web-push';

const NotificationPreferencesPage = graphql(`
  query NotificationPreferencesPage {
    myNotificationPreferences { channel purpose enabled }
  }
`);

const WebPushKey = graphql(`
  query WebPushKey {
    webPushPublicKey
  }
`);

const SaveNotificationPreferences = graphql(`
  mutation SaveNotificationPreferences($preferences: [ChannelPreferenceInput!]!) {
    setNotificationPreferences(preferences: $preferences) { channel purpose enabled }
  }
`);

const SubscribeWebPush = graphql(`
  mutation SubscribeWebPush($subscription: PushSubscriptionInput!) {
    subscribeWebPush(subscription: $subscription)
  }
`);

const UnsubscribeWebPush = graphql(`
  mutation UnsubscribeWebPush($endpoint: String!) {
    unsubscribeWebPush(endpoint: $endpoint)
  }
`);

const deviceStateText: Record<DevicePushState, string> = {
  unsupported: 'Este navegador não recebe notificações. No iPhone e no iPad, adicione o MedPay à tela de início (Compartilhar → Adicionar à Tela de Início) e abra o app por lá.',
  denied: 'As notificações estão bloqueadas para o MedPay neste navegador. Libere-as nas configurações do site e volte aqui.',
  'not-subscribed': 'Receba neste aparelho o aviso de pagamento confirmado e os lembretes de vencimento, mesmo com o app fechado.',
  subscribed: 'Este aparelho recebe as notificações do MedPay.',
};

function ThisDevice({ pushEnabled }: { pushEnabled: boolean }) {
  const key = useQuery(WebPushKey);
  const [subscribe] = useMutation(SubscribeWebPush);
  const [unsubscribe] = useMutation(UnsubscribeWebPush);
  const [state, setState] = useState<DevicePushState | null>(null);
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  useEffect(() => {
    void devicePushState().then(setState, () => setState('not-subscribed'));
  }, []);

  const run = async (task: () => Promise<unknown>) => {
    setWorking(true);
    setProblem(null);
    try {
      await task();
    } catch (error) {
      setProblem(error);
    } finally {
      setState(await devicePushState().catch(() => 'not-subscribed' as const));
      setWorking(false);
    }
  };
  const enable = () =>
    run(async () => {
      const publicKey = key.data?.webPushPublicKey;
      if (!publicKey) throw new Error('As notificações no navegador estão indisponíveis agora. Tente mais tarde.');
      await subscribe({ variables: { subscription: await subscribeThisDevice(publicKey) } });
    });
  const disable = () => run(() => unsubscribeThisDevice((endpoint) => unsubscribe({ variables: { endpoint } })));

  return (
    <section className="card" aria-labelledby="device-title">
      <h2 id="device-title">Notificações neste aparelho</h2>
      {state === null ? <Loading /> : <p data-testid="device-push-state" data-state={state}>{deviceStateText[state]}</p>}
      {state === 'subscribed' && !pushEnabled ? (
        <p className="notice notice-info">“Notificações no navegador” está desligado em Pagamentos e lembretes: ligue e salve para recebê-las aqui.</p>
      ) : null}
      {state === 'not-subscribed' ? (
        <button type="button" className="button" disabled={working || key.loading} onClick={() => void enable()}>{working ? 'Ativando…' : 'Ativar notificações neste aparelho'}</button>
      ) : null}
      {state === 'subscribed' ? (
        <button type="button" className="button secondary" disabled={working} onClick={() => void disable()}>{working ? 'Desativando…' : 'Desativar neste aparelho'}</button>
      ) : null}
      <ErrorNotice error={problem ?? key.error} />
    </section>
  );
}

function Preferences() {
  const { data, loading, error } = useQuery(NotificationPreferencesPage);
  const [save, saving] = useMutation(SaveNotificationPreferences);
  if (loading && !data) return <Loading />;
  const preferences = data?.myNotificationPreferences;
  const pushEnabled = preferences?.some((p) => p.channel === 'PUSH' && p.purpose === 'TRANSACTIONAL' && p.enabled) ?? false;
  return (
    <>
      <p className="muted"><Link href="/notificacoes">Notificações</Link></p>
      <h1>Preferências de notificação</h1>
      <ErrorNotice error={preferences ? null : error} />
      {preferences ? (
        <NotificationPreferencesForm
          preferences={preferences}
          saving={saving.loading}
          error={saving.error}
          onSave={(input) => save({ variables: { preferences: input } }).then(() => true, () => false)}
        />
      ) : null}
      <ThisDevice pushEnabled={pushEnabled} />
    </>
  );
}

export default function PreferencesRoute() {
  return (
    <RequireSession>
      <Preferences />
    </RequireSession>
  );
}
