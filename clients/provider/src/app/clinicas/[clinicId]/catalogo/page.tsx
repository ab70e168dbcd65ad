'use client';
// The clinic's catalog: create and edit procedures (price, duration, card installments the clinic
// absorbs), with what the clinic receives per way of paying shown before saving.
import { useMutation, useQuery } from '@apollo/client/react';
import { formatBRL } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { centavosToInput, MoneyInput, parseAmount } from '@medpay/web/money-input';
import { ErrorNotice, Loading, LoadMore, TableScroll } from '@medpay/web/ui';
import { useDeferredValue, useState, type FormEvent } from 'react';
import { useClinic } from '../../../../components/clinic-context';

const ClinicCatalog = graphql(`
  query ClinicCatalog($clinicId: ID!, $after: String) {
    clinic(id: $clinicId) {
      id
      procedures(first: 50, after: $after) {
        edges { node { id name description category priceCentavos durationMinutes interestFreeInstallments active } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

const PlanNetsQuery = graphql(`
  query PlanNets($priceCentavos: Int!, $interestFreeInstallments: Int!) {
    planNets(priceCentavos: $priceCentavos, interestFreeInstallments: $interestFreeInstallments) {
      planId kind installmentCount interestFree patientTotalCentavos grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos
    }
  }
`);

const CreateProcedure = graphql(`
  mutation CreateProcedure($clinicId: ID!, $input: ProcedureInput!) {
    createProcedure(clinicId: $clinicId, input: $input) { id name description category priceCentavos durationMinutes interestFreeInstallments active }
  }
`);

const UpdateProcedure = graphql(`
  mutation UpdateProcedure($id: ID!, $input: ProcedureUpdate!) {
    updateProcedure(id: $id, input: $input) { id name description category priceCentavos durationMinutes interestFreeInstallments active }
  }
`);

interface Draft {
  id: string | null;
  name: string;
  description: string;
  category: string;
  price: string;
  durationMinutes: string;
  interestFreeInstallments: number;
  active: boolean;
}

const EMPTY: Draft = { id: null, name: '', description: '', category: '', price: '', durationMinutes: '60', interestFreeInstallments: 1, active: true };

const planLabel = (planId: string, installments: number, interestFree: boolean) => {
  if (planId === 'PIX') return 'PIX à vista';
  if (planId === 'BOLETO') return 'Boleto à vista';
  if (planId === 'CREDIARIO') return 'Crediário MedPay (2 a 24×)';
  return installments === 1 ? 'Cartão à vista' : `Cartão ${installments}× ${interestFree ? 'sem juros' : 'com juros (pagos pelo paciente)'}`;
};

function NetPreview({ priceCentavos, interestFreeInstallments }: { priceCentavos: number | null; interestFreeInstallments: number }) {
  const price = useDeferredValue(priceCentavos);
  const valid = price !== null && price >= 100 && price <= 100_000_000;
  const { data, error, loading } = useQuery(PlanNetsQuery, { variables: { priceCentavos: price ?? 0, interestFreeInstallments }, skip: !valid });
  if (!valid) return <p className="hint">Informe o preço para ver quanto a clínica recebe em cada forma de pagamento.</p>;
  if (loading && !data) return <Loading label="Calculando…" />;
  const nets = data?.planNets ?? [];
  return (
    <section aria-labelledby="net-title" aria-live="polite">
      <h3 id="net-title">Quanto a clínica recebe</h3>
      <ErrorNotice error={error} />
      <TableScroll label="Quanto a clínica recebe">
        <table className="nets">
          <thead><tr><th>Forma de pagamento</th><th className="num">Taxa MedPay</th><th className="num">Custo de processamento</th><th className="num">Líquido da clínica</th></tr></thead>
          <tbody>
            {nets.map((net) => (
              <tr key={net.planId} data-plan={net.planId}>
                <td>{planLabel(net.planId, net.installmentCount, net.interestFree)}</td>
                <td className="num money">{formatBRL(net.platformFeeCentavos)}</td>
                <td className="num money">{formatBRL(net.processingCostCentavos)}</td>
                <td className="num money"><strong>{formatBRL(net.clinicNetCentavos)}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="hint">No cartão parcelado sem juros a clínica arca com a taxa da maquininha e a antecipação; acima desse limite, os juros ficam com o paciente.</p>
    </section>
  );
}

function ProcedureForm({ draft, onDone, clinicId }: { draft: Draft; onDone: (message: string) => void; clinicId: string }) {
  const [form, setForm] = useState(draft);
  const [create, creating] = useMutation(CreateProcedure, { refetchQueries: [ClinicCatalog] });
  const [update, updating] = useMutation(UpdateProcedure);
  const priceCentavos = parseAmount(form.price);
  const priceError = form.price && priceCentavos === null ? 'Valor inválido.' : null;
  const error = creating.error ?? updating.error;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (priceCentavos === null) return;
    const input = {
      name: form.name.trim(),
      description: form.description.trim(),
      category: form.category.trim(),
      priceCentavos,
      durationMinutes: Number(form.durationMinutes),
      interestFreeInstallments: form.interestFreeInstallments,
    };
    try {
      if (form.id) await update({ variables: { id: form.id, input: { ...input, active: form.active } } });
      else await create({ variables: { clinicId, input } });
      onDone(form.id ? 'Procedimento atualizado.' : 'Procedimento criado.');
    } catch {
      // shown below
    }
  };

  return (
    <form className="card" onSubmit={save} aria-labelledby="procedure-form-title">
      <h2 id="procedure-form-title">{form.id ? `Editar ${draft.name}` : 'Novo procedimento'}</h2>
      <div className="form-grid">
        <div>
          <label htmlFor="p-name">Nome</label>
          <input id="p-name" required maxLength={120} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </div>
        <div>
          <label htmlFor="p-category">Categoria</label>
          <input id="p-category" required maxLength={120} value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })} />
        </div>
        <div>
          <MoneyInput id="p-price" label="Preço" value={form.price} onChange={(price) => setForm({ ...form, price })} error={priceError} />
        </div>
        <div>
          <label htmlFor="p-duration">Duração (minutos)</label>
          <input id="p-duration" type="number" min={5} max={1440} required value={form.durationMinutes} onChange={(e) => setForm({ ...form, durationMinutes: e.target.value })} />
        </div>
        <div>
          <label htmlFor="p-installments">Parcelas sem juros no cartão (a clínica absorve)</label>
          <select id="p-installments" value={form.interestFreeInstallments} onChange={(e) => setForm({ ...form, interestFreeInstallments: Number(e.target.value) })}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n === 1 ? 'Somente à vista' : `Até ${n}×`}</option>)}
          </select>
        </div>
        {form.id ? (
          <div className="checkbox">
            <input id="p-active" type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
            <label htmlFor="p-active">Disponível para pagamento</label>
          </div>
        ) : null}
      </div>
      <label htmlFor="p-description">Descrição</label>
      <textarea id="p-description" rows={3} maxLength={2000} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
      <NetPreview priceCentavos={priceCentavos} interestFreeInstallments={form.interestFreeInstallments} />
      <ErrorNotice error={error} />
      <div className="row">
        <button type="submit" className="button" disabled={creating.loading || updating.loading || priceCentavos === null}>{creating.loading || updating.loading ? 'Salvando…' : 'Salvar'}</button>
        <button type="button" className="button secondary" onClick={() => onDone('')}>Cancelar</button>
      </div>
    </form>
  );
}

export default function CatalogPage() {
  const clinic = useClinic();
  const { data, loading, error, fetchMore } = useQuery(ClinicCatalog, { variables: { clinicId: clinic.id } });
  const pageInfo = data?.clinic?.procedures.pageInfo;
  const [editing, setEditing] = useState<Draft | null>(null);
  const [message, setMessage] = useState('');
  const canEdit = clinic.role === 'ADMIN';
  const procedures = data?.clinic?.procedures.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <div className="spread">
        <h1>Catálogo</h1>
        {canEdit && !editing ? <button type="button" className="button" onClick={() => { setMessage(''); setEditing(EMPTY); }}>Novo procedimento</button> : null}
      </div>
      {!canEdit ? <p className="hint">Somente administradores da clínica alteram o catálogo.</p> : null}
      {message ? <p className="notice notice-ok" role="status">{message}</p> : null}
      {editing ? (
        <ProcedureForm
          key={editing.id ?? 'new'}
          draft={editing}
          clinicId={clinic.id}
          onDone={(text) => {
            setEditing(null);
            setMessage(text);
          }}
        />
      ) : null}
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : null}
      <div className="table-scroll">
        <table>
          <thead><tr><th>Procedimento</th><th>Categoria</th><th className="num">Preço</th><th className="num">Duração</th><th>Sem juros</th><th>Situação</th>{canEdit ? <th><span className="visually-hidden">Ações</span></th> : null}</tr></thead>
          <tbody>
            {procedures.map((procedure) => (
              <tr key={procedure.id}>
                <td>{procedure.name}</td>
                <td>{procedure.category}</td>
                <td className="num money">{formatBRL(procedure.priceCentavos)}</td>
                <td className="num">{procedure.durationMinutes} min</td>
                <td>{procedure.interestFreeInstallments === 1 ? 'À vista' : `Até ${procedure.interestFreeInstallments}×`}</td>
                <td>{procedure.active ? 'Disponível' : 'Inativo'}</td>
                {canEdit ? (
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setMessage('');
                        setEditing({ ...procedure, price: centavosToInput(procedure.priceCentavos), durationMinutes: String(procedure.durationMinutes) });
                      }}
                    >
                      Editar<span className="visually-hidden"> {procedure.name}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore pageInfo={pageInfo} onMore={(after) => void fetchMore({ variables: { after } })} />
    </>
  );
}
