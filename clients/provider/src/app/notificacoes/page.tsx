'use client';
// All of the staff member's notifications, across their clinics (the bell shows the latest).
import { NotificationsPage } from '@medpay/web/notifications-page';
import { RequireSession } from '@medpay/web/session';

export default function NotificationsRoute() {
  return (
    <RequireSession>
      <NotificationsPage />
    </RequireSession>
  );
}
