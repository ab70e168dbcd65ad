// Payments' transactional outbox: rows written beside each change (checkout, transitions) and relayed
// to the event bus by the kit's OutboxRelay.
import { prismaOutbox, type OutboxStore } from '@medpay/runtime';
import type { PrismaClient } from '../generated/prisma/client.js';

export const paymentsOutbox = (prisma: PrismaClient): OutboxStore => prismaOutbox(prisma.outboxEvent);
