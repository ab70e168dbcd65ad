import { AppProviders } from '@medpay/web/apollo';
import '@medpay/web/styles.css';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ClientConfigProvider } from '../components/client-config';
import { Header } from '../components/header';
import '../components/admin.css';

// The router's public URL is read when the page is served, not baked into the build.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'MedPay Admin', template: '%s · MedPay Admin' },
  description: 'Administração da plataforma MedPay Saúde.',
  robots: { index: false },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const routerUrl = `${process.env.ROUTER_PUBLIC_URL ?? 'http://127.0.0.1:4000'}/graphql`;
  return (
    <html lang="pt-BR">
      <body>
        <a className="visually-hidden" href="#conteudo">Ir para o conteúdo</a>
        <ClientConfigProvider value={{ routerUrl }}>
          <AppProviders routerUrl={routerUrl}>
            <Header />
            <main id="conteudo" className="wide">{children}</main>
          </AppProviders>
        </ClientConfigProvider>
      </body>
    </html>
  );
}
