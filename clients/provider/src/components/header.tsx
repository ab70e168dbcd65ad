'use client';
import { useSession } from '@medpay/web/session';
import Link from 'next/link';
import { useRouter } from 'next/navigation';

export function Header() {
  const { user, logout } = useSession();
  const router = useRouter();
  return (
    <header className="topbar">
      <Link href="/" className="brand">MedPay Clínicas</Link>
      <nav aria-label="Conta">
        {user ? (
          <>
            <span>{user.name}</span>
            <button
              type="button"
              className="link"
              onClick={async () => {
                await logout();
                router.push('/entrar');
              }}
            >
              Sair
            </button>
          </>
        ) : null}
      </nav>
    </header>
  );
}
