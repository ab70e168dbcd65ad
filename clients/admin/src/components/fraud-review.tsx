'use client';
// A payment's anti-fraud assessment for the back office: the score, the reasons, the features it was
// scored on and the model version; while the checkout is held, the decision (once, with a note).
import { useMutation } from '@apollo/client/react';
import { formatDateTime } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice } from '@medpay/web/ui';
import { useState } from 'react';
import { fraudDecisionLabel, fraudFeatureLabel } from './labels';

const DecideFraudReview = graphql(`
  mutation DecideFraudReview($id: ID!, $decision: FraudReviewDecision!, $note: String) {
    decideFraudReview(paymentId: $id, decision: $decision, note: $note) { id status hold history { from to reason at } }
  }
`);

export interface FraudAssessmentView {
  score?: number | null;
  decision: 'APPROVE' | 'REVIEW' | 'DECLINE';
  source: string;
  modelVersion: string;
  assessedAt: string;
  reasons: { code: string; text: string }[];
  features: { name: string; value: number }[];
  review?: { decision: 'APPROVE' | 'DECLINE'; note?: string | null; decidedAt: string } | null;
}

const formatFeature = (value: number) => (Number.isInteger(value) ? String(value) : value.toLocaleString('pt-BR', { maximumFractionDigits: 2 }));

export function FraudReview({ paymentId, held, assessment, onDone }: { paymentId: string; held: boolean; assessment: FraudAssessmentView; onDone: (message: string) => void }) {
  const [decide, deciding] = useMutation(DecideFraudReview);
  const [choice, setChoice] = useState<'APPROVE' | 'DECLINE' | null>(null);
  const [note, setNote] = useState('');
  const confirm = () =>
    void decide({ variables: { id: paymentId, decision: choice!, note: note.trim() || null } }).then(
      () => {
        onDone(choice === 'APPROVE' ? 'Pagamento aprovado: a cobrança foi emitida ao paciente.' : 'Pagamento recusado.');
        setChoice(null);
      },
      () => undefined,
    );
  return (
    <section className="card" aria-labelledby="fraud-title">
      <h2 id="fraud-title">Análise antifraude</h2>
      <dl className="facts">
        <dt>Decisão</dt><dd data-testid="fraud-decision">{fraudDecisionLabel[assessment.decision]}{assessment.source === 'RULES' ? ' (regras de pagamentos: o serviço de IA não respondeu a tempo ou está desligado)' : ''}</dd>
        <dt>Pontuação</dt><dd data-testid="fraud-score">{assessment.score ?? '—'} / 1000</dd>
        <dt>Modelo</dt><dd>{assessment.source === 'MODEL' ? `versão ${assessment.modelVersion}` : 'nenhum'}</dd>
        <dt>Analisado em</dt><dd>{formatDateTime(assessment.assessedAt)}</dd>
      </dl>
      {assessment.reasons.length ? (
        <>
          <h3>Motivos</h3>
          <ul data-testid="fraud-reasons">
            {assessment.reasons.map((reason) => <li key={reason.code}>{reason.text} <span className="mono muted">{reason.code}</span></li>)}
          </ul>
        </>
      ) : null}
      {assessment.features.length ? (
        <details>
          <summary>Sinais usados na pontuação</summary>
          <table>
            <thead><tr><th>Sinal</th><th className="num">Valor</th></tr></thead>
            <tbody>{assessment.features.map((feature) => <tr key={feature.name}><td>{fraudFeatureLabel[feature.name] ?? feature.name}</td><td className="num">{formatFeature(feature.value)}</td></tr>)}</tbody>
          </table>
        </details>
      ) : null}
      {assessment.review ? (
        <p className="notice notice-info" data-testid="fraud-review">
          Revisado em {formatDateTime(assessment.review.decidedAt)}: {assessment.review.decision === 'APPROVE' ? 'aprovado' : 'recusado'}{assessment.review.note ? ` — ${assessment.review.note}` : ''}
        </p>
      ) : null}
      {held ? (
        <div className="confirm-box">
          <p>O pagamento está retido em análise: nenhuma cobrança foi emitida ao paciente.</p>
          <label htmlFor="fraud-note">Observação (opcional)</label>
          <textarea id="fraud-note" rows={2} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
          {choice ? (
            <>
              <p>{choice === 'APPROVE' ? 'Aprovar e emitir a cobrança ao paciente?' : 'Recusar o pagamento?'} Não é possível desfazer.</p>
              <ErrorNotice error={deciding.error} />
              <div className="row">
                <button type="button" className="button" disabled={deciding.loading} onClick={confirm}>Confirmar</button>
                <button type="button" className="button secondary" onClick={() => setChoice(null)}>Voltar</button>
              </div>
            </>
          ) : (
            <div className="row">
              <button type="button" className="button" onClick={() => setChoice('APPROVE')}>Aprovar pagamento</button>
              <button type="button" className="button danger" onClick={() => setChoice('DECLINE')}>Recusar pagamento</button>
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}
