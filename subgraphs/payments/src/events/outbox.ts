// Payments' transactional outbox: rows written beside each change (checkout, transitions, installments,
// simulation counts), relayed to the event bus by the kit's OutboxRelay and read back by the feed.
import { prismaOutbox } from '@medpay/runtime';
import type { PrismaClient } from '../generated/prisma/client.js';

export const paymentsOutbox = (prisma: PrismaClient) => prismaOutbox(prisma.outboxEvent);
