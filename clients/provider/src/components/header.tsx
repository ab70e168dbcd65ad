'use client';
import { NotificationBell } from '@medpay/web/notification-bell';
import { LogoutButton, useSession } from '@medpay/web/session';
import Link from 'next/link';

export function Header() {
  const { user } = useSession();
  return (
    <header className="topbar">
      <Link href="/" className="brand">MedPay Clínicas</Link>
      <nav aria-label="Conta">
        {user ? (
          <>
            <NotificationBell />
            <span>{user.name}</span>
            <LogoutButton then="/entrar" />
          </>
        ) : null}
      </nav>
    </header>
  );
}
