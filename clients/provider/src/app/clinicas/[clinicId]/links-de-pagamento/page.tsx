'use client';
// "Links de pagamento": make a link for a patient to pay one procedure of the catalog (sent by the clinic
// however it likes: e-mail, WhatsApp), follow each link until it is paid, and cancel one not used yet.
import { useMutation, useQuery } from '@apollo/client/react';
import { formatBRL, maskCpfInput } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { PaymentLinkFieldsFragment, PaymentLinkStatus } from '@medpay/web/types';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import { useState, type FormEvent } from 'react';
import { useClinic } from '../../../../components/clinic-context';
import { CreatedLink, EXPIRY_CHOICES, expiresAtIn, PaymentLinksTable } from '../../../../components/payment-links';

const ClinicPaymentLinks = graphql(`
  query ClinicPaymentLinks($clinicId: ID!, $status: PaymentLinkStatus) {
    clinic(id: $clinicId) { id paymentLinks(status: $status, first: 50) { ...PaymentLinkFields } }
  }
`);

const PaymentLinkProcedures = graphql(`
  query PaymentLinkProcedures($clinicId: ID!) {
    clinic(id: $clinicId) { id procedures(first: 50) { edges { node { id name priceCentavos active } } } }
  }
`);

const CreatePaymentLink = graphql(`
  mutation CreatePaymentLink($input: CreatePaymentLinkInput!) {
    createPaymentLink(input: $input) { ...PaymentLinkFields }
  }
`);

const CancelPaymentLink = graphql(`
  mutation CancelPaymentLink($id: ID!) {
    cancelPaymentLink(id: $id) { ...PaymentLinkFields }
  }
`);

const FILTERS: { value: PaymentLinkStatus | ''; label: string }[] = [
  { value: '', label: 'Todos' },
  { value: 'ACTIVE', label: 'Ativos' },
  { value: 'USED', label: 'Pagos' },
  { value: 'CANCELED', label: 'Cancelados' },
  { value: 'EXPIRED', label: 'Expirados' },
];

const EMPTY = { procedureId: '', name: '', email: '', phone: '', cpf: '', hours: 7 * 24 };

function NewLinkForm({ clinicId, onCreated }: { clinicId: string; onCreated(link: PaymentLinkFieldsFragment): void }) {
  const procedures = useQuery(PaymentLinkProcedures, { variables: { clinicId } });
  const [create, creating] = useMutation(CreatePaymentLink, { refetchQueries: [ClinicPaymentLinks] });
  const [form, setForm] = useState(EMPTY);
  const [cpfError, setCpfError] = useState<string | null>(null);
  const active = (procedures.data?.clinic?.procedures.edges ?? []).map((edge) => edge.node).filter((procedure) => procedure.active);
  const set = (key: keyof typeof EMPTY) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const cpfDigits = form.cpf.replace(/\D/g, '');
    if (cpfDigits && cpfDigits.length !== 11) return setCpfError('O CPF tem 11 dígitos (ou deixe em branco).');
    setCpfError(null);
    const result = await create({
      variables: {
        input: {
          clinicId,
          procedureId: form.procedureId,
          patient: { name: form.name.trim(), email: form.email.trim(), phone: form.phone.trim() || null, cpf: cpfDigits || null },
          expiresAt: expiresAtIn(Number(form.hours)),
        },
      },
    }).catch(() => null);
    const link = result?.data?.createPaymentLink;
    if (link) {
      setForm(EMPTY);
      onCreated(link);
    }
  };

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="new-link-title">
      <h2 id="new-link-title">Novo link de pagamento</h2>
      <div className="form-grid">
        <div>
          <label htmlFor="l-procedure">Procedimento</label>
          <select id="l-procedure" required value={form.procedureId} onChange={set('procedureId')}>
            <option value="">Escolha no catálogo</option>
            {active.map((procedure) => <option key={procedure.id} value={procedure.id}>{procedure.name} — {formatBRL(procedure.priceCentavos)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="l-name">Nome do paciente</label>
          <input id="l-name" required autoComplete="off" minLength={3} value={form.name} onChange={set('name')} />
        </div>
        <div>
          <label htmlFor="l-email">E-mail do paciente</label>
          <input id="l-email" type="email" required autoComplete="off" value={form.email} onChange={set('email')} />
        </div>
        <div>
          <label htmlFor="l-phone">Celular (opcional)</label>
          <input id="l-phone" type="tel" autoComplete="off" placeholder="(11) 91234-5678" value={form.phone} onChange={set('phone')} />
        </div>
        <div>
          <label htmlFor="l-cpf">CPF do paciente (opcional)</label>
          <input
            id="l-cpf"
            inputMode="numeric"
            autoComplete="off"
            placeholder="000.000.000-00"
            value={form.cpf}
            onChange={(event) => setForm({ ...form, cpf: maskCpfInput(event.target.value) })}
            aria-describedby="l-cpf-hint"
            aria-invalid={cpfError ? true : undefined}
          />
          <p id="l-cpf-hint" className="hint">Com o CPF, só o paciente com esse CPF consegue pagar pelo link.</p>
          {cpfError ? <p className="field-error" role="alert">{cpfError}</p> : null}
        </div>
        <div>
          <label htmlFor="l-expiry">Validade do link</label>
          <select id="l-expiry" value={form.hours} onChange={(event) => setForm({ ...form, hours: Number(event.target.value) })}>
            {EXPIRY_CHOICES.map((choice) => <option key={choice.hours} value={choice.hours}>{choice.label}</option>)}
          </select>
        </div>
      </div>
      <ErrorNotice error={creating.error ?? procedures.error} />
      <p><button type="submit" className="button" disabled={creating.loading || !form.procedureId}>{creating.loading ? 'Criando…' : 'Criar link'}</button></p>
    </form>
  );
}

export default function PaymentLinksPage() {
  const clinic = useClinic();
  const [status, setStatus] = useState<PaymentLinkStatus | ''>('');
  const { data, loading, error } = useQuery(ClinicPaymentLinks, { variables: { clinicId: clinic.id, status: status || null }, fetchPolicy: 'cache-and-network' });
  const [cancel, canceling] = useMutation(CancelPaymentLink, { refetchQueries: [ClinicPaymentLinks] });
  const [created, setCreated] = useState<PaymentLinkFieldsFragment | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const links = data?.clinic?.paymentLinks ?? [];
  return (
    <>
      <h1>Links de pagamento</h1>
      <p>Envie ao paciente um link para pagar um procedimento do catálogo, por e-mail ou WhatsApp. Ele escolhe como pagar (à vista, cartão ou crediário) e o valor fica em garantia na MedPay, como qualquer pagamento. Cada link vale para um pagamento.</p>
      {created ? <CreatedLink link={created} onDone={() => setCreated(null)} /> : null}
      <NewLinkForm clinicId={clinic.id} onCreated={setCreated} />
      <section aria-labelledby="links-title">
        <div className="spread">
          <h2 id="links-title">Links enviados</h2>
          <div className="row">
            <label htmlFor="l-status" style={{ margin: 0 }}>Situação</label>
            <select id="l-status" style={{ width: 'auto' }} value={status} onChange={(event) => setStatus(event.target.value as PaymentLinkStatus | '')}>
              {FILTERS.map((filter) => <option key={filter.value} value={filter.value}>{filter.label}</option>)}
            </select>
          </div>
        </div>
        <ErrorNotice error={error ?? canceling.error} />
        {loading && !data ? <Loading /> : null}
        {data ? (
          <PaymentLinksTable
            clinicId={clinic.id}
            links={links}
            confirming={confirming}
            canceling={canceling.loading}
            onConfirm={setConfirming}
            onCancel={(id) => void cancel({ variables: { id } }).then(() => setConfirming(null), () => undefined)}
          />
        ) : null}
      </section>
    </>
  );
}
