'use client';
import { RequireSession } from '@medpay/web/session';
import Link from 'next/link';
import { useParams, usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { AgreementNotice } from '../../../components/clinic-documents';
import { ClinicGate, useClinic } from '../../../components/clinic-context';
import { clinicStatusLabel } from '../../../components/labels';

function ClinicNav() {
  const clinic = useClinic();
  const pathname = usePathname();
  const base = `/clinicas/${clinic.id}`;
  const links = [
    [base, 'Visão geral'],
    [`${base}/pagamentos`, 'Pagamentos'],
    [`${base}/links-de-pagamento`, 'Links de pagamento'],
    [`${base}/extrato`, 'Extrato'],
    [`${base}/repasse`, 'Repasse'],
    [`${base}/analises`, 'Análises'],
    [`${base}/catalogo`, 'Catálogo'],
    [`${base}/equipe`, 'Equipe'],
    [`${base}/atendimento`, 'Atendimento'],
    [`${base}/integracoes`, 'Integrações'],
    ...(clinic.role === 'ADMIN' ? [[`${base}/integracao`, 'Integração (API)']] : []),
  ] as const;
  return (
    <>
      <div className="spread clinic-title">
        <p className="eyebrow">{clinic.tradeName}</p>
        {clinic.status !== 'ACTIVE' ? <span className="badge badge-wait">{clinicStatusLabel[clinic.status]}</span> : null}
      </div>
      {clinic.status === 'SUSPENDED' || clinic.status === 'REJECTED' ? (
        <p className="notice notice-error">
          {clinic.status === 'SUSPENDED' ? 'A clínica está suspensa: não aparece na busca e não recebe novos pagamentos.' : 'O cadastro da clínica foi recusado.'}
          {clinic.statusReason ? ` Motivo: ${clinic.statusReason}` : ''}
        </p>
      ) : clinic.status === 'PENDING_REVIEW' ? (
        <p className="notice notice-info">O cadastro está em análise pela MedPay. Enquanto isso, monte o catálogo e a equipe.</p>
      ) : clinic.status === 'AWAITING_AGREEMENT' ? (
        <AgreementNotice clinicId={clinic.id} />
      ) : null}
      <nav aria-label="Seções da clínica" className="tabs">
        {links.map(([href, label]) => {
          const current = href === base ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <Link key={href} href={href} aria-current={current ? 'page' : undefined}>{label}</Link>
          );
        })}
      </nav>
    </>
  );
}

export default function ClinicLayout({ children }: { children: ReactNode }) {
  const { clinicId } = useParams<{ clinicId: string }>();
  return (
    <RequireSession>
      <ClinicGate clinicId={clinicId}>
        <ClinicNav />
        {children}
      </ClinicGate>
    </RequireSession>
  );
}
