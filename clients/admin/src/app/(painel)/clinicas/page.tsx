'use client';
// Clinics by status: the review queue (beside what the clinic typed, the Receita Federal's record of
// its CNPJ; approve, or reject with a reason the clinic will read), the clinics approved and waiting
// for their service agreement's signature (its status, "Reenviar contrato"), and suspending (with a
// reason) or reactivating. A suspended clinic leaves patient search and takes no new payments.
import { useMutation, useQuery } from '@apollo/client/react';
import { clinicStatusLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { ClinicStatus } from '@medpay/web/types';
import { errorCode, ErrorNotice, Loading, LoadMore } from '@medpay/web/ui';
import Link from 'next/link';
import { useState } from 'react';
import { AgreementStatusView, ReceitaFederalRecord } from '../../../components/clinic-review';

const AdminClinics = graphql(`
  query AdminClinics($status: ClinicStatus!, $search: String, $after: String) {
    clinics(filter: { status: $status, search: $search }, first: 50, after: $after) {
      edges {
        node {
          id tradeName legalName cnpj status statusReason specialties address { street city state postalCode }
          receitaFederal { status legalName tradeName mainCnaeCode mainCnaeDescription address checkedAt }
          agreement { status sentAt expiresAt signedAt documentUrl }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const SetClinicStatus = graphql(`
  mutation SetClinicStatus($id: ID!, $status: ClinicStatus!, $reason: String) {
    setClinicStatus(id: $id, status: $status, reason: $reason) { id status statusReason }
  }
`);

const CheckClinicCnpj = graphql(`
  mutation CheckClinicCnpj($id: ID!) {
    checkClinicCnpj(id: $id) { id receitaFederal { status legalName tradeName mainCnaeCode mainCnaeDescription address checkedAt } }
  }
`);

const SendClinicAgreement = graphql(`
  mutation SendClinicAgreement($id: ID!) {
    sendClinicAgreement(id: $id) { id status agreement { status sentAt expiresAt signedAt documentUrl } }
  }
`);

const TABS: { status: ClinicStatus; label: string }[] = [
  { status: 'PENDING_REVIEW', label: 'Fila de análise' },
  { status: 'AWAITING_AGREEMENT', label: 'Aguardando contrato' },
  { status: 'ACTIVE', label: 'Ativas' },
  { status: 'SUSPENDED', label: 'Suspensas' },
  { status: 'REJECTED', label: 'Recusadas' },
];

type Action = { clinicId: string; target: ClinicStatus; needsReason: boolean; verb: string };

export default function ClinicsPage() {
  const [status, setStatus] = useState<ClinicStatus>('PENDING_REVIEW');
  const [search, setSearch] = useState('');
  const { data, loading, error, fetchMore } = useQuery(AdminClinics, { variables: { status, search: search.trim() || null } });
  const [setClinicStatus, changing] = useMutation(SetClinicStatus, { refetchQueries: [AdminClinics] });
  const [checkCnpj, checking] = useMutation(CheckClinicCnpj);
  const [sendAgreement, sending] = useMutation(SendClinicAgreement);
  const [busyId, setBusyId] = useState<string | null>(null);
  const reviewing = status === 'PENDING_REVIEW' || status === 'AWAITING_AGREEMENT';
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const clinics = data?.clinics.edges.map((edge) => edge.node) ?? [];
  const choose = (next: ClinicStatus) => {
    setStatus(next);
    setAction(null);
    setMessage('');
  };

  const run = async () => {
    if (!action) return;
    try {
      const result = await setClinicStatus({ variables: { id: action.clinicId, status: action.target, reason: action.needsReason ? reason.trim() : null } });
      const name = clinics.find((c) => c.id === action.clinicId)?.tradeName ?? 'A clínica';
      const reached = result.data!.setClinicStatus!.status;
      setMessage(
        reached === 'AWAITING_AGREEMENT'
          ? `${name}: aprovada, aguardando a assinatura do contrato de serviços (enviado ao administrador da clínica).`
          : `${name}: ${clinicStatusLabel[reached].toLowerCase()}.`,
      );
      setAction(null);
      setReason('');
    } catch {
      // shown in the dialog
    }
  };

  const actionsFor = (clinic: (typeof clinics)[number]): Action[] => {
    const base = { clinicId: clinic.id };
    if (clinic.status === 'PENDING_REVIEW') return [{ ...base, target: 'ACTIVE', needsReason: false, verb: 'Aprovar' }, { ...base, target: 'REJECTED', needsReason: true, verb: 'Recusar' }];
    if (clinic.status === 'AWAITING_AGREEMENT') return [{ ...base, target: 'REJECTED', needsReason: true, verb: 'Recusar' }];
    if (clinic.status === 'ACTIVE') return [{ ...base, target: 'SUSPENDED', needsReason: true, verb: 'Suspender' }];
    if (clinic.status === 'SUSPENDED') return [{ ...base, target: 'ACTIVE', needsReason: false, verb: 'Reativar' }];
    return [];
  };

  /** "Consultar de novo" and "Reenviar contrato": one clinic at a time, the answer said in the status line. */
  const sideAction = async (clinicId: string, run: () => Promise<unknown>, done: string) => {
    setBusyId(clinicId);
    setMessage('');
    try {
      await run();
      setMessage(done);
    } catch {
      // shown below the table
    } finally {
      setBusyId(null);
    }
  };
  const approvalHint = (error: unknown) =>
    errorCode(error) === 'CNPJ_NOT_ACTIVE' ? <p className="hint">Confira a situação cadastral ao lado; a clínica só pode ser aprovada com o CNPJ ativo.</p>
    : errorCode(error) === 'RECEITA_UNAVAILABLE' ? <p className="hint">A aprovação depende da consulta do CNPJ. Tente de novo em alguns minutos.</p>
    : null;

  return (
    <>
      <h1>Clínicas</h1>
      <div
        className="tabs"
        role="tablist"
        aria-label="Situação"
        onKeyDown={(event) => {
          // Arrow keys move between tabs, as the ARIA tabs pattern expects.
          if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
          const index = TABS.findIndex((tab) => tab.status === status);
          const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
          choose(next.status);
          document.getElementById(`tab-${next.status}`)?.focus();
        }}
      >
        {TABS.map((tab) => (
          <button
            key={tab.status}
            id={`tab-${tab.status}`}
            type="button"
            role="tab"
            aria-selected={status === tab.status}
            aria-controls="clinics-panel"
            tabIndex={status === tab.status ? 0 : -1}
            className={status === tab.status ? 'tab active' : 'tab'}
            onClick={() => choose(tab.status)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="row search-row">
        <label htmlFor="c-search" className="visually-hidden">Buscar clínica pelo nome</label>
        <input id="c-search" type="search" placeholder="Buscar pelo nome" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {message ? <p className="notice notice-ok" role="status">{message}</p> : null}
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : null}
      <div role="tabpanel" id="clinics-panel" aria-labelledby={`tab-${status}`}>
        <table>
          <thead>
            <tr>
              <th>Clínica{reviewing ? ' (informado)' : ''}</th><th>CNPJ</th><th>{reviewing ? 'Endereço' : 'Cidade'}</th><th>Especialidades</th>
              {reviewing ? <th>Receita Federal</th> : null}
              {status === 'AWAITING_AGREEMENT' ? <th>Contrato de serviços</th> : null}
              {status === 'SUSPENDED' || status === 'REJECTED' ? <th>Motivo</th> : null}
              <th><span className="visually-hidden">Ações</span></th>
            </tr>
          </thead>
          <tbody>
            {clinics.map((clinic) => (
              <tr key={clinic.id} data-clinic={clinic.tradeName}>
                <td><strong>{clinic.tradeName}</strong><br /><span className="muted">{clinic.legalName}</span><br /><Link href={`/pagamentos?clinica=${clinic.id}`}>Pagamentos</Link></td>
                <td className="mono cnpj">{clinic.cnpj}</td>
                <td>{reviewing ? <>{clinic.address.street}<br />{clinic.address.city}/{clinic.address.state} — {clinic.address.postalCode}</> : `${clinic.address.city}/${clinic.address.state}`}</td>
                <td>{clinic.specialties.join(', ')}</td>
                {reviewing ? (
                  <td>
                    <ReceitaFederalRecord
                      record={clinic.receitaFederal}
                      typedLegalName={clinic.legalName}
                      typedCity={clinic.address.city}
                      checking={checking.loading && busyId === clinic.id}
                      onCheck={() => void sideAction(clinic.id, () => checkCnpj({ variables: { id: clinic.id } }), `${clinic.tradeName}: CNPJ consultado na Receita Federal.`)}
                    />
                  </td>
                ) : null}
                {status === 'AWAITING_AGREEMENT' ? (
                  <td>
                    <AgreementStatusView agreement={clinic.agreement} />
                    <p>
                      <button type="button" className="button secondary" disabled={sending.loading && busyId === clinic.id} onClick={() => void sideAction(clinic.id, () => sendAgreement({ variables: { id: clinic.id } }), `${clinic.tradeName}: contrato de serviços enviado para assinatura.`)}>
                        Reenviar contrato<span className="visually-hidden"> a {clinic.tradeName}</span>
                      </button>
                    </p>
                  </td>
                ) : null}
                {status === 'SUSPENDED' || status === 'REJECTED' ? <td>{clinic.statusReason}</td> : null}
                <td>
                  {action?.clinicId === clinic.id ? (
                    <div className="confirm-box" role="group" aria-label={`${action.verb} ${clinic.tradeName}`}>
                      <p><strong>{action.verb} {clinic.tradeName}?</strong></p>
                      {action.target === 'SUSPENDED' ? <p className="hint">A clínica some da busca e não recebe novos pagamentos; o que já está em garantia segue as regras.</p> : null}
                      {action.needsReason ? (
                        <>
                          <label htmlFor={`reason-${clinic.id}`}>Motivo (a clínica verá este texto)</label>
                          <textarea id={`reason-${clinic.id}`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required />
                        </>
                      ) : null}
                      <ErrorNotice error={changing.error}>{approvalHint(changing.error)}</ErrorNotice>
                      <div className="row">
                        <button type="button" className={action.target === 'ACTIVE' ? 'button' : 'button danger'} disabled={changing.loading || (action.needsReason && reason.trim().length < 3)} onClick={() => void run()}>
                          {changing.loading ? 'Salvando…' : `Sim, ${action.verb.toLowerCase()}`}
                        </button>
                        <button type="button" className="button secondary" onClick={() => setAction(null)}>Cancelar</button>
                      </div>
                    </div>
                  ) : (
                    <div className="row">
                      {actionsFor(clinic).map((candidate) => (
                        <button key={candidate.target} type="button" className={candidate.target === 'ACTIVE' ? 'button' : 'button secondary'} onClick={() => { setReason(''); setAction(candidate); }}>
                          {candidate.verb}<span className="visually-hidden"> {clinic.tradeName}</span>
                        </button>
                      ))}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ErrorNotice error={checking.error ?? sending.error} />
        {data && clinics.length === 0 ? <p className="notice notice-info">{status === 'PENDING_REVIEW' ? 'Nenhuma clínica aguardando análise.' : status === 'AWAITING_AGREEMENT' ? 'Nenhuma clínica aguardando a assinatura do contrato.' : 'Nenhuma clínica nesta situação.'}</p> : null}
        <LoadMore pageInfo={data?.clinics.pageInfo} onMore={(after) => void fetchMore({ variables: { after } })} />
      </div>
    </>
  );
}
