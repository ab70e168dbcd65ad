'use client';
// Home: search procedures by what, where and specialty; the first results come with the page (page.tsx).
import { useQuery } from '@apollo/client/react';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { formatBRL } from '@medpay/web/format';
import { ErrorNotice, Loading, LoadMore } from '@medpay/web/ui';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { SearchProcedures, searchVariables } from './search-query';

const CITIES = ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Porto Alegre', 'Recife'];
const SPECIALTIES = ['Dermatologia', 'Estética', 'Fisioterapia', 'Ginecologia', 'Obstetrícia', 'Odontologia', 'Oftalmologia', 'Ortopedia'];

export function Search({ initial }: { initial: ResultOf<typeof SearchProcedures> | null }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [text, setText] = useState(params.get('q') ?? '');
  const [city, setCity] = useState(params.get('cidade') ?? '');
  const [specialty, setSpecialty] = useState(params.get('especialidade') ?? '');
  const { data: fetched, loading, error, fetchMore } = useQuery(SearchProcedures, { variables: searchVariables(params) });
  // what the server found until the browser's own answer arrives
  const data = fetched ?? initial ?? undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = new URLSearchParams(Object.entries({ q: text.trim(), cidade: city, especialidade: specialty }).filter(([, value]) => value));
    router.push(`${pathname}?${query}`);
  };
  const results = data?.procedures.edges ?? [];
  return (
    <>
      <h1>Encontre seu procedimento</h1>
      <form className="card" role="search" onSubmit={submit}>
        <label htmlFor="q">O que você procura?</label>
        <input id="q" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Ex.: clareamento, catarata, ultrassom" />
        <div className="row">
          <div style={{ flex: 1, minWidth: 150 }}>
            <label htmlFor="cidade">Cidade</label>
            <select id="cidade" value={city} onChange={(e) => setCity(e.target.value)}>
              <option value="">Todas</option>
              {CITIES.map((c) => <option key={c}>{c}</option>)}
            </select>
          </div>
          <div style={{ flex: 1, minWidth: 150 }}>
            <label htmlFor="especialidade">Especialidade</label>
            <select id="especialidade" value={specialty} onChange={(e) => setSpecialty(e.target.value)}>
              <option value="">Todas</option>
              {SPECIALTIES.map((s) => <option key={s}>{s}</option>)}
            </select>
          </div>
        </div>
        <p><button className="button" type="submit">Buscar</button></p>
      </form>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading label="Buscando…" /> : null}
      {data?.clinics.edges.length ? (
        <section aria-labelledby="clinicas">
          <h2 id="clinicas">Clínicas</h2>
          <ul className="chips">
            {data.clinics.edges.map(({ node }) => (
              <li key={node.id}>
                <Link href={`/clinicas/${node.id}`}>{node.tradeName}</Link> <span className="muted">{node.address.city}/{node.address.state} · {node.specialties.join(', ')}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>Procedimentos</h2>
      {data && results.length === 0 ? <p className="notice notice-info">Nenhum procedimento encontrado. Tente outra cidade ou palavra.</p> : null}
      <ul className="grid results">
        {results.map(({ node }) => (
          <li key={node.id} className="card">
            <Link href={`/procedimentos/${node.id}`}><strong>{node.name}</strong></Link>
            <p className="muted">
              {node.category} · <Link href={`/clinicas/${node.clinic.id}`}>{node.clinic.tradeName}</Link> · {node.clinic.address.city}/{node.clinic.address.state}
            </p>
            <p>
              <span className="big money">{formatBRL(node.priceCentavos)}</span>
              {node.interestFreeInstallments > 1 ? <span className="hint">ou {node.interestFreeInstallments}× sem juros no cartão</span> : null}
            </p>
          </li>
        ))}
      </ul>
      <LoadMore pageInfo={data?.procedures.pageInfo} onMore={(after) => void fetchMore({ variables: { after } })} />
    </>
  );
}
