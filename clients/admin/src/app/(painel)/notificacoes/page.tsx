'use client';
// All of the admin's notifications (the bell shows the latest); the panel's layout asks for the session.
import { NotificationsPage } from '@medpay/web/notifications-page';

export default function NotificationsRoute() {
  return <NotificationsPage />;
}
