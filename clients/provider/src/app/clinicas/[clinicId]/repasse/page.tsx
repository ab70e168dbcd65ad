'use client';
// Where the clinic's payouts go: by PIX to its CNPJ key, or by TED to a bank account in its name
// (the same business day before 17:00, the next one after). Its admins change it; the whole team is
// told of every change.
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '@medpay/web/graphql';
import type { BankAccountType, PayoutMethod } from '@medpay/web/types';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import { useState, type FormEvent } from 'react';
import { useClinic } from '../../../../components/clinic-context';

const ClinicPayout = graphql(`
  query ClinicPayout($clinicId: ID!) {
    clinic(id: $clinicId) { id payoutAccount { method pixKey bankAccount { ispb bankName branch account accountType } } }
    banks { ispb name }
  }
`);

const SetPayout = graphql(`
  mutation SetClinicPayoutAccount($clinicId: ID!, $method: PayoutMethod!, $bankAccount: BankAccountInput) {
    setClinicPayoutAccount(clinicId: $clinicId, method: $method, bankAccount: $bankAccount) {
      id payoutAccount { method pixKey bankAccount { ispb bankName branch account accountType } }
    }
  }
`);

const accountTypeLabel: Record<BankAccountType, string> = { CHECKING: 'Conta corrente', SAVINGS: 'Conta poupança', PAYMENT: 'Conta de pagamento' };

export default function PayoutPage() {
  const clinic = useClinic();
  const { data, loading, error } = useQuery(ClinicPayout, { variables: { clinicId: clinic.id } });
  const [save, saving] = useMutation(SetPayout);
  const [method, setMethod] = useState<PayoutMethod | null>(null);
  const [ispb, setIspb] = useState('');
  const [branch, setBranch] = useState('');
  const [account, setAccount] = useState('');
  const [accountType, setAccountType] = useState<BankAccountType>('CHECKING');
  const [saved, setSaved] = useState(false);
  if (loading && !data) return <Loading />;
  const current = data?.clinic?.payoutAccount;
  if (!current) return <ErrorNotice error={error} />;
  const chosen = method ?? current.method;
  const canManage = clinic.role === 'ADMIN';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const bankAccount = chosen === 'TED' ? { ispb, branch, account, accountType } : null;
    void save({ variables: { clinicId: clinic.id, method: chosen, bankAccount } }).then(() => setSaved(true), () => undefined);
  };

  return (
    <>
      <h1>Dados para repasse</h1>
      <section className="card" aria-labelledby="current-title">
        <h2 id="current-title">Como a clínica recebe hoje</h2>
        {current.bankAccount ? (
          <p data-testid="payout-current">
            Por TED: {current.bankAccount.bankName}, agência {current.bankAccount.branch}, conta {current.bankAccount.account} ({accountTypeLabel[current.bankAccount.accountType]}).
            Cai no mesmo dia útil quando enviada até as 17h; depois disso, no próximo dia útil.
          </p>
        ) : (
          <p data-testid="payout-current">Por PIX, na chave CNPJ da clínica ({current.pixKey}). Cai na hora.</p>
        )}
      </section>
      {saved ? <p className="notice notice-ok" role="status">Dados de repasse atualizados. A equipe da clínica foi avisada.</p> : null}
      {canManage ? (
        <form className="card" onSubmit={submit} aria-labelledby="change-title">
          <h2 id="change-title">Alterar</h2>
          <fieldset>
            <legend>Receber por</legend>
            <label><input type="radio" name="method" checked={chosen === 'PIX'} onChange={() => setMethod('PIX')} /> PIX na chave CNPJ da clínica</label>
            <label><input type="radio" name="method" checked={chosen === 'TED'} onChange={() => setMethod('TED')} /> TED para a conta bancária da clínica</label>
          </fieldset>
          {chosen === 'TED' ? (
            <>
              <p className="hint">A conta precisa estar no CNPJ da clínica: o banco devolve uma TED para conta de outra titularidade.</p>
              <label htmlFor="bank">Banco</label>
              <select id="bank" value={ispb} onChange={(e) => setIspb(e.target.value)} required>
                <option value="">Escolha o banco</option>
                {(data?.banks ?? []).map((bank) => <option key={bank.ispb} value={bank.ispb}>{bank.name}</option>)}
              </select>
              <label htmlFor="branch">Agência (sem dígito)</label>
              <input id="branch" inputMode="numeric" value={branch} onChange={(e) => setBranch(e.target.value)} required maxLength={4} />
              <label htmlFor="account">Conta com dígito</label>
              <input id="account" value={account} onChange={(e) => setAccount(e.target.value)} required maxLength={16} placeholder="12345-6" />
              <label htmlFor="account-type">Tipo de conta</label>
              <select id="account-type" value={accountType} onChange={(e) => setAccountType(e.target.value as BankAccountType)}>
                {Object.entries(accountTypeLabel).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
              </select>
            </>
          ) : null}
          <button type="submit" className="button" disabled={saving.loading}>Salvar dados de repasse</button>
          <ErrorNotice error={saving.error} />
        </form>
      ) : (
        <p className="hint">Só os administradores da clínica alteram os dados de repasse.</p>
      )}
    </>
  );
}
