'use client';
// All of the patient's notifications (the bell shows the latest), and the way to their preferences.
import { NotificationsPage } from '@medpay/web/notifications-page';
import { RequireSession } from '@medpay/web/session';
import Link from 'next/link';

export default function NotificationsRoute() {
  return (
    <RequireSession>
      <NotificationsPage>
        <p><Link href="/notificacoes/preferencias">Escolher como receber avisos (e-mail, SMS, WhatsApp, navegador)</Link></p>
      </NotificationsPage>
    </RequireSession>
  );
}
