'use client';
// What the back office reviews a clinic by: beside what the clinic typed, the Receita Federal's record
// of its CNPJ (situação cadastral, names, main CNAE, address, when it answered), with differences
// called out; and, once approved, where its service agreement stands.
import { agreementStatusLabel, cnpjStatusLabel, formatDateTime } from '@medpay/web/format';
import type { AgreementStatus, CnpjStatus } from '@medpay/web/types';

export interface ReceitaRecord {
  status: CnpjStatus;
  legalName: string;
  tradeName?: string | null;
  mainCnaeCode: string;
  mainCnaeDescription: string;
  address: string;
  checkedAt: string;
}

export interface AgreementView {
  status: AgreementStatus;
  sentAt: string;
  expiresAt: string;
  signedAt?: string | null;
  documentUrl?: string | null;
}

/** Text as the Receita keeps it: no accents, no case, single spaces, no punctuation. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toUpperCase();

export const sameName = (a: string, b: string) => fold(a) === fold(b);

/** Whether the Receita's one-line address names the city the clinic typed. */
export const namesCity = (address: string, city: string) => fold(address).includes(fold(city));

export function ReceitaFederalRecord({ record, typedLegalName, typedCity, checking, onCheck }: { record: ReceitaRecord | null | undefined; typedLegalName: string; typedCity?: string; checking: boolean; onCheck(): void }) {
  return (
    <div className="receita-record">
      {record ? (
        <dl className="facts">
          <dt>Situação cadastral</dt>
          <dd><span className={`badge badge-${record.status === 'ATIVA' ? 'ok' : 'off'}`} data-cnpj-status={record.status}>{cnpjStatusLabel[record.status]}</span></dd>
          <dt>Razão social</dt>
          <dd>
            {record.legalName}
            {sameName(record.legalName, typedLegalName) ? null : <><br /><span className="badge badge-wait">Difere do informado</span></>}
          </dd>
          <dt>Nome fantasia</dt>
          <dd>{record.tradeName || '—'}</dd>
          <dt>CNAE principal</dt>
          <dd>{record.mainCnaeCode} — {record.mainCnaeDescription}</dd>
          <dt>Endereço</dt>
          <dd>
            {record.address}
            {typedCity && !namesCity(record.address, typedCity) ? <><br /><span className="badge badge-wait">Cidade difere da informada</span></> : null}
          </dd>
          <dt>Consultado em</dt>
          <dd>{formatDateTime(record.checkedAt)}</dd>
        </dl>
      ) : (
        <p className="muted">A Receita Federal ainda não respondeu a consulta deste CNPJ.</p>
      )}
      <p>
        <button type="button" className="button secondary" disabled={checking} onClick={onCheck}>
          {checking ? 'Consultando…' : 'Consultar de novo'}
        </button>
      </p>
    </div>
  );
}

export function AgreementStatusView({ agreement }: { agreement: AgreementView | null | undefined }) {
  if (!agreement) return <p className="muted">Contrato sendo preparado.</p>;
  return (
    <dl className="facts">
      <dt>Contrato</dt>
      <dd><span className={`badge badge-${agreement.status === 'SIGNED' ? 'ok' : agreement.status === 'SENT' || agreement.status === 'PENDING' ? 'wait' : 'off'}`} data-agreement-status={agreement.status}>{agreementStatusLabel[agreement.status]}</span></dd>
      <dt>Enviado em</dt>
      <dd>{formatDateTime(agreement.sentAt)}</dd>
      {agreement.signedAt ? (
        <>
          <dt>Assinado em</dt>
          <dd>{formatDateTime(agreement.signedAt)}</dd>
        </>
      ) : (
        <>
          <dt>Prazo</dt>
          <dd>{formatDateTime(agreement.expiresAt)}</dd>
        </>
      )}
      {agreement.documentUrl ? (
        <>
          <dt>Documento</dt>
          <dd><a href={agreement.documentUrl} target="_blank" rel="noopener noreferrer">Ver contrato (PDF)</a></dd>
        </>
      ) : null}
    </dl>
  );
}
