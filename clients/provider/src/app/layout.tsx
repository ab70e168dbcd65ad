import { AppProviders } from '@medpay/web/apollo';
import { name, version } from '../../package.json';
import { clientConfigFromEnv } from '@medpay/web/server';
import '@medpay/web/styles.css';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Header } from '../components/header';
import '../components/provider.css';

// The router's public URL is read when the page is served, not baked into the build.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'MedPay Clínicas', template: '%s · MedPay Clínicas' },
  description: 'Painel das clínicas na MedPay Saúde: pagamentos, garantia, repasses, catálogo e equipe.',
  robots: { index: false },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="pt-BR">
      <body>
        <a className="visually-hidden skip-link" href="#conteudo">Ir para o conteúdo</a>
        <AppProviders config={clientConfigFromEnv()} app={{ name: name.replace(/^@medpay\//, ''), version }}>
          <Header />
          <main id="conteudo" className="wide" tabIndex={-1}>{children}</main>
        </AppProviders>
      </body>
    </html>
  );
}
