'use client';
// The plan simulator: à vista, card and crediário side by side — installment, count, total and CET a.a.,
// and the crediário's first due date — with the cheapest total and the lowest installment called out
// first, so the choice is clear at a glance.
import { formatBRL, formatDate, formatRate, methodLabel, planKindLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice } from '@medpay/web/ui';
import type { PlanFieldsFragment, PlanKind } from '@medpay/web/types';
import Link from 'next/link';
import { useId, useState } from 'react';

export const PlanFields = graphql(`
  fragment PlanFields on PaymentPlan {
    id kind methods installmentCount firstDueDate firstInstallmentCentavos installmentCentavos totalCentavos interestFree
    monthlyInterestRate iofCentavos cetAnnualRate contractTerms contractTermsHash
  }
`);

type Plan = PlanFieldsFragment;

const inText = { PIX: 'PIX', BOLETO: 'boleto', CARD: 'cartão' } as const;

export function planTitle(plan: Pick<Plan, 'kind' | 'installmentCount' | 'interestFree' | 'methods'>): string {
  if (plan.kind === 'A_VISTA') return `À vista no ${plan.methods.map((method) => inText[method]).join(' ou ')}`;
  if (plan.kind === 'CARD_INSTALLMENTS') return `Cartão em ${plan.installmentCount}× ${plan.interestFree ? 'sem juros' : 'com juros'}`;
  return `${planKindLabel.CREDIARIO} em ${plan.installmentCount}×`;
}

/** The plan with the cheapest total and the one with the lowest installment (the first of equals). */
export function highlights<T extends Pick<Plan, 'totalCentavos' | 'installmentCentavos'>>(plans: readonly T[]) {
  const pick = (value: (plan: T) => number) => plans.reduce<T | undefined>((best, plan) => (!best || value(plan) < value(best) ? plan : best), undefined);
  return { cheapestTotal: pick((plan) => plan.totalCentavos), lowestInstallment: pick((plan) => plan.installmentCentavos) };
}

/** What each column starts on: à vista by PIX, the longest interest-free card plan, crediário in 12×. */
function defaultPlan(kind: PlanKind, plans: readonly Plan[]): Plan {
  if (kind === 'CARD_INSTALLMENTS') return plans.filter((plan) => plan.interestFree).at(-1) ?? plans[0]!;
  if (kind === 'CREDIARIO') return plans.find((plan) => plan.installmentCount === 12) ?? plans[0]!;
  return plans[0]!;
}

const KINDS: PlanKind[] = ['A_VISTA', 'CARD_INSTALLMENTS', 'CREDIARIO'];

interface Props {
  plans: readonly Plan[];
  checkoutHref(plan: Plan): string;
}

export function PlanTable({ plans, checkoutHref }: Props) {
  const { cheapestTotal, lowestInstallment } = highlights(plans);
  return (
    <>
      <div className="highlights">
        {cheapestTotal ? (
          <p className="highlight" data-highlight="cheapest-total">
            <span className="badge badge-ok">Menor total</span> {planTitle(cheapestTotal)}: <strong className="money">{formatBRL(cheapestTotal.totalCentavos)}</strong>
          </p>
        ) : null}
        {lowestInstallment ? (
          <p className="highlight" data-highlight="lowest-installment">
            <span className="badge badge-wait">Menor parcela</span> {planTitle(lowestInstallment)}:{' '}
            <strong className="money">{lowestInstallment.installmentCount}× {formatBRL(lowestInstallment.installmentCentavos)}</strong>
          </p>
        ) : null}
      </div>
      <div className="plan-columns">
        {KINDS.map((kind) => {
          const ofKind = plans.filter((plan) => plan.kind === kind);
          return ofKind.length ? <PlanColumn key={kind} kind={kind} plans={ofKind} checkoutHref={checkoutHref} marks={{ cheapestTotal: cheapestTotal?.id, lowestInstallment: lowestInstallment?.id }} /> : null;
        })}
      </div>
    </>
  );
}

function PlanColumn({ kind, plans, checkoutHref, marks }: Props & { kind: PlanKind; marks: { cheapestTotal?: string; lowestInstallment?: string } }) {
  const id = useId();
  const [chosenId, setChosenId] = useState(() => defaultPlan(kind, plans).id);
  const plan = plans.find((candidate) => candidate.id === chosenId) ?? defaultPlan(kind, plans);
  return (
    <section className="card plan-column" data-kind={kind} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{planKindLabel[kind]}</h3>
      {plans.length > 1 ? (
        <>
          <label htmlFor={`${id}-choice`}>{kind === 'A_VISTA' ? 'Pagar com' : 'Número de parcelas'}</label>
          <select id={`${id}-choice`} value={plan.id} onChange={(event) => setChosenId(event.target.value)}>
            {plans.map((option) => (
              <option key={option.id} value={option.id}>
                {kind === 'A_VISTA' ? option.methods.map((method) => methodLabel[method]).join(' ou ') : `${option.installmentCount}× de ${formatBRL(option.installmentCentavos)}${option.interestFree ? ' sem juros' : ''}`}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <dl className="plan-figures">
        <dt>Parcela</dt>
        <dd data-field="installment" className="money">{plan.installmentCount}× {formatBRL(plan.installmentCentavos)}</dd>
        {plan.firstInstallmentCentavos !== plan.installmentCentavos ? (
          <>
            <dt>1ª parcela</dt>
            <dd className="money">{formatBRL(plan.firstInstallmentCentavos)}</dd>
          </>
        ) : null}
        <dt>Total</dt>
        <dd data-field="total" className="money">{formatBRL(plan.totalCentavos)}</dd>
        <dt>CET a.a.</dt>
        <dd data-field="cet">{formatRate(plan.cetAnnualRate)}</dd>
      </dl>
      {/* The due day changes the first period, and with it the first installment's date: show it with the figures it explains. */}
      {kind === 'CREDIARIO' ? <p className="hint" data-field="first-due-date">1ª parcela em {formatDate(plan.firstDueDate)}</p> : null}
      <p className="tags">
        {plan.id === marks.cheapestTotal ? <span className="badge badge-ok">Menor total</span> : null}
        {plan.id === marks.lowestInstallment ? <span className="badge badge-wait">Menor parcela</span> : null}
      </p>
      <Link className="button" href={checkoutHref(plan)} aria-label={`Escolher ${planTitle(plan)}`}>Escolher</Link>
    </section>
  );
}

/** The simulator as a page shows it: the crediário's due day, the plans side by side, and what CET means. */
export function PlanChooser({ plans, checkoutHref, dueDay, onDueDay, error }: Props & { dueDay: number; onDueDay(day: number): void; error: unknown }) {
  return (
    <>
      <div className="row">
        <label htmlFor="vencimento" style={{ margin: 0 }}>Dia de vencimento das parcelas do crediário</label>
        <select id="vencimento" style={{ width: 'auto' }} value={dueDay} onChange={(e) => onDueDay(Number(e.target.value))}>
          {Array.from({ length: 28 }, (_, index) => index + 1).map((day) => <option key={day} value={day}>dia {day}</option>)}
        </select>
      </div>
      <ErrorNotice error={error} />
      <PlanTable plans={plans} checkoutHref={checkoutHref} />
      <p className="hint">CET: Custo Efetivo Total ao ano, com juros, IOF e encargos. No crediário, os juros contam os dias corridos até cada vencimento. No cartão sem juros, o total é o preço do procedimento.</p>
    </>
  );
}
