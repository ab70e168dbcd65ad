'use client';
// The books' health: Σ debits = Σ credits, each balance equal to its entries, cash at the gateway as
// the books and the gateway's own charges and transfers have it, with any discrepancy listed.
import { useQuery } from '@apollo/client/react';
import { formatBRL } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice, Loading } from '@medpay/web/ui';

const LedgerHealthQuery = graphql(`
  query LedgerHealth {
    ledgerHealth { balanced debitsCentavos creditsCentavos discrepancies gatewayCashCentavos }
  }
`);

export default function LedgerHealthPage() {
  const { data, loading, error, refetch } = useQuery(LedgerHealthQuery, { fetchPolicy: 'network-only' });
  const health = data?.ledgerHealth;
  return (
    <>
      <div className="spread">
        <h1>Saúde do livro-razão</h1>
        <button type="button" className="button secondary" onClick={() => void refetch()} disabled={loading}>{loading ? 'Conferindo…' : 'Conferir de novo'}</button>
      </div>
      <p className="hint">A conferência reconcilia as cobranças em aberto com o gateway antes de somar (e corrige webhooks perdidos).</p>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading label="Conferindo os livros…" /> : null}
      {health ? (
        <>
          <p className={`notice ${health.balanced && health.discrepancies.length === 0 ? 'notice-ok' : 'notice-error'}`} role="status" data-testid="ledger-status">
            {health.balanced && health.discrepancies.length === 0 ? 'Livros em ordem: débitos e créditos batem, e o caixa confere com o gateway.' : 'Há divergências nos livros: veja abaixo.'}
          </p>
          <section className="tiles">
            <div className="card tile"><p className="muted">Σ débitos</p><p className="big money">{formatBRL(health.debitsCentavos)}</p></div>
            <div className="card tile"><p className="muted">Σ créditos</p><p className="big money">{formatBRL(health.creditsCentavos)}</p></div>
            <div className="card tile"><p className="muted">Diferença</p><p className="big money">{formatBRL(health.debitsCentavos - health.creditsCentavos)}</p></div>
            <div className="card tile"><p className="muted">Caixa no gateway (pelos livros)</p><p className="big money">{formatBRL(health.gatewayCashCentavos)}</p></div>
          </section>
          <section className="card">
            <h2>Divergências</h2>
            {health.discrepancies.length === 0 ? <p>Nenhuma.</p> : <ul>{health.discrepancies.map((item) => <li key={item} className="mono">{item}</li>)}</ul>}
          </section>
        </>
      ) : null}
    </>
  );
}
