// What notifications asks the owning services, over their signed internal endpoints: who the
// recipients are and how to reach them (users), a clinic's staff and name (providers), a payment as it
// stands and its procedure's name (payments, providers), a sign-up's address and confirmation token
// (users), a payment link's patient and page (payments). Nothing of it is stored.
import { clinicStaff, contacts, memberships, paymentFacts, paymentLinkMessage, platformAdmins, procedures, signUpConfirmation } from '@medpay/contracts';
import type { InternalClient } from '@medpay/runtime';
import type { Audience } from './planner.js';
import type { Contact, MessageFacts, OccurrenceData, Template } from './templates.js';

export interface Clients {
  users: InternalClient;
  providers: InternalClient;
  payments: InternalClient;
}

export class Directory {
  constructor(private readonly clients: Clients) {}

  /** The people an audience names (a clinic's staff, the platform admins). */
  async recipients(audience: Audience): Promise<string[]> {
    if (audience === 'admins') return (await this.clients.users.call(platformAdmins, {}))?.userIds ?? [];
    if ('userId' in audience) return [audience.userId];
    if ('signUpId' in audience) return [audience.signUpId];
    if ('paymentLinkId' in audience) return [audience.paymentLinkId];
    return (await this.clients.providers.call(clinicStaff, { clinicId: audience.clinicId }))?.staff.map((member) => member.userId) ?? [];
  }

  async contact(userId: string): Promise<Contact | null> {
    return (await this.clients.users.call(contacts, { userIds: [userId] }))?.contacts[0] ?? null;
  }

  async memberships(userId: string) {
    return (await this.clients.providers.call(memberships, { userId }))?.memberships ?? [];
  }

  async clinicName(clinicId: string): Promise<string | null> {
    return (await this.clients.providers.call(clinicStaff, { clinicId }))?.name ?? null;
  }

  /**
   * The facts a template needs for one recipient, as they are now; null when a subject is gone (an
   * unknown payment or account: nothing to say).
   */
  async facts(template: Template, recipientId: string, data: OccurrenceData): Promise<MessageFacts | null> {
    if (template.needs.signUp) return this.signUpFacts(data);
    if (template.needs.paymentLink) return this.paymentLinkFacts(data);
    const needsPayment = template.needs.payment || template.needs.procedure;
    if (needsPayment && !data.paymentId) return null;
    const [recipient, payment] = await Promise.all([
      this.contact(recipientId),
      needsPayment ? this.clients.payments.call(paymentFacts, { paymentId: data.paymentId! }) : null,
    ]);
    if (!recipient || (needsPayment && !payment)) return null;
    const facts: MessageFacts = { recipient, data };
    if (payment) {
      facts.payment = payment;
      if (template.needs.procedure) {
        const [procedure] = (await this.clients.providers.call(procedures, { ids: [payment.procedureId] }))?.procedures ?? [];
        facts.procedureName = procedure?.name ?? 'contratado';
      }
    }
    if (template.needs.clinic) {
      const clinicId = data.clinicId ?? facts.payment?.clinicId;
      facts.clinicName = (clinicId && (await this.clinicName(clinicId))) || 'A clínica';
    }
    return facts;
  }

  /**
   * A sign-up's e-mail: its address and a confirmation token users mints for this sending (held in
   * memory only, for the e-mail's link); null when users has nothing to send any more.
   */
  private async signUpFacts(data: OccurrenceData): Promise<MessageFacts | null> {
    if (!data.signUpId) return null;
    const confirmation = await this.clients.users.call(signUpConfirmation, { signUpId: data.signUpId });
    if (!confirmation) return null;
    return {
      recipient: { userId: data.signUpId, name: confirmation.name, email: confirmation.email, phone: null, maskedCpf: null },
      data,
      signUp: { token: confirmation.token, expiresAt: confirmation.expiresAt },
    };
  }

  /** A payment link's message: to the patient the clinic named (no account needed), while the link may be paid. */
  private async paymentLinkFacts(data: OccurrenceData): Promise<MessageFacts | null> {
    if (!data.paymentLinkId) return null;
    const link = await this.clients.payments.call(paymentLinkMessage, { linkId: data.paymentLinkId });
    if (!link || link.status !== 'ACTIVE') return null;
    const [[procedure], clinicName] = await Promise.all([
      (async () => (await this.clients.providers.call(procedures, { ids: [link.procedureId] }))?.procedures ?? [])(),
      this.clinicName(link.clinicId),
    ]);
    return {
      recipient: { userId: data.paymentLinkId, name: link.name, email: link.email, phone: link.phone, maskedCpf: null },
      data,
      procedureName: procedure?.name ?? 'o procedimento',
      clinicName: clinicName ?? 'A clínica',
      paymentLink: { path: new URL(link.url).pathname, expiresAt: link.expiresAt },
    };
  }
}
