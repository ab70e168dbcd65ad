/**
 * The data answers' values, from what the patient's own MyInstallments and MyPayments returned: which
 * installment is next, what is left, the latest payment; money as R$ and dates as dd/mm/aaaa in São Paulo.
 */
import { formatBRL } from '@medpay/money';
import { dayOf } from '@medpay/runtime';
import { z } from 'zod';
import { DATA_ANSWERS, fillTemplate } from './assistant.js';

/** What the assistant reads of a MyInstallments answer (the app's operation asks for more). */
export const installmentsAnswer = z.object({
  myInstallments: z
    .array(
      z.object({
        number: z.number().int(),
        dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        amountCentavos: z.number().int(),
        lateChargesCentavos: z.number().int(),
        status: z.enum(['SCHEDULED', 'ISSUED', 'PAID', 'OVERDUE']),
        payment: z.object({ id: z.string(), installmentCount: z.number().int().nullable().optional() }),
      }),
    )
    .nullable(),
});
export type InstallmentRow = NonNullable<z.infer<typeof installmentsAnswer>['myInstallments']>[number];

/** What the assistant reads of a MyPayments answer. */
export const paymentsAnswer = z.object({
  myPayments: z
    .object({
      edges: z.array(
        z.object({
          node: z.object({
            id: z.string(),
            createdAt: z.string(),
            status: z.string(),
            /** FRAUD_REVIEW while the back office reviews the checkout */
            hold: z.string().nullable().optional(),
            amounts: z.object({ patientTotalCentavos: z.number().int() }),
            clinic: z.object({ id: z.string(), tradeName: z.string() }).nullable(),
          }),
        }),
      ),
    })
    .nullable(),
});
export type PaymentRow = NonNullable<z.infer<typeof paymentsAnswer>['myPayments']>['edges'][number]['node'];

/** A payment's status as the patient reads it, after "está". */
export const PAYMENT_STATUS_WORDS: Record<string, string> = {
  AWAITING_SIGNATURE: 'aguardando a assinatura do contrato',
  AWAITING_PAYMENT: 'aguardando o pagamento',
  PAID: 'pago',
  IN_ESCROW: 'pago e em custódia até a clínica confirmar o procedimento',
  RELEASED: 'liberado para a clínica',
  PAID_OUT: 'concluído, com o valor repassado à clínica',
  EXPIRED: 'expirado, sem pagamento',
  CANCELED: 'cancelado',
  DECLINED: 'recusado',
  REFUNDED: 'reembolsado',
  PARTIALLY_REFUNDED: 'parcialmente reembolsado',
  DISPUTED: 'em contestação',
  CHARGED_BACK: 'contestado junto ao banco do cartão (chargeback), com o valor devolvido pelo banco',
};

/** YYYY-MM-DD (a calendar day, already São Paulo's) → dd/mm/aaaa. */
export const brazilianDate = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

const OPEN: ReadonlySet<InstallmentRow['status']> = new Set(['SCHEDULED', 'ISSUED', 'OVERDUE']);

/** Open installments, the earliest due first (the same day: the lower number first). */
export const openInstallments = (rows: readonly InstallmentRow[]): InstallmentRow[] =>
  rows.filter((row) => OPEN.has(row.status)).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number - b.number);

export function nextInstallmentAnswer(rows: readonly InstallmentRow[], template: string = DATA_ANSWERS.NEXT_INSTALLMENT.template): string {
  const { empty } = DATA_ANSWERS.NEXT_INSTALLMENT;
  const next = openInstallments(rows)[0];
  if (!next) return empty;
  const count = next.payment.installmentCount ?? rows.filter((row) => row.payment.id === next.payment.id).length;
  return fillTemplate(template, { number: next.number, count, dueDate: brazilianDate(next.dueDate), amount: formatBRL(next.amountCentavos) });
}

export function remainingBalanceAnswer(rows: readonly InstallmentRow[], template: string = DATA_ANSWERS.REMAINING_BALANCE.template): string {
  const { empty } = DATA_ANSWERS.REMAINING_BALANCE;
  const open = openInstallments(rows);
  if (open.length === 0) return empty;
  const total = open.reduce((sum, row) => sum + row.amountCentavos + row.lateChargesCentavos, 0);
  return fillTemplate(template, { remainingCount: open.length, remainingAmount: formatBRL(total) });
}

/** The latest payment (MyPayments lists the newest first). */
export function paymentStatusAnswer(rows: readonly PaymentRow[], template: string = DATA_ANSWERS.PAYMENT_STATUS.template): string {
  const { empty } = DATA_ANSWERS.PAYMENT_STATUS;
  const latest = [...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!latest) return empty;
  return fillTemplate(template, {
    amount: formatBRL(latest.amounts.patientTotalCentavos),
    clinic: latest.clinic?.tradeName ?? 'a clínica',
    date: brazilianDate(dayOf(new Date(latest.createdAt))),
    status: latest.hold === 'FRAUD_REVIEW' ? 'em análise: nossa equipe confere o pagamento antes de emitir a cobrança, e você é avisado quando terminar' : (PAYMENT_STATUS_WORDS[latest.status] ?? latest.status.toLowerCase()),
  });
}
