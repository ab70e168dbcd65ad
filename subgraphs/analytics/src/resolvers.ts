// The analytics graph: a clinic's figures for its staff, partner systems and platform admins; the
// platform's, the event lag and the graph's usage for platform admins (the directives say so before
// any resolver runs; the clinic check needs the caller's memberships and runs here).
import { Caller, pageSize, toConnection, type EventIntake, type RequestContext } from '@medpay/runtime';
import type { ClinicMembership } from '@medpay/contracts';
import type { Resolvers } from './__generated__/resolvers-types.js';
import type { AccessLogReader } from './access-log.js';
import type { Figures } from './figures.js';
import type { PersonalFacts } from './personal-data.js';

export interface EntityReference {
  id: string;
}

export interface AnalyticsContext extends RequestContext {
  caller: Caller<ClinicMembership['role']>;
  figures: Figures;
  personalFacts: PersonalFacts;
  intake: EventIntake;
  accessLog: AccessLogReader;
}

async function assertMaySeeClinic(caller: AnalyticsContext['caller'], clinicId: string) {
  if (caller.isPlatformAdmin || caller.isPartnerOf(clinicId) || (await caller.roleIn(clinicId))) return;
  throw caller.denied();
}

export const resolvers: Resolvers = {
  PersonalData: {
    __resolveReference: ({ userId }) => ({ userId }),
    analytics: ({ userId }, _args, { caller, personalFacts }) => {
      caller.assertSelf(userId);
      return personalFacts.of(userId);
    },
  },
  Clinic: {
    __resolveReference: (reference) => ({ id: reference.id }),
    analytics: async (clinic, { from, to, interval }, { caller, figures }) => {
      await assertMaySeeClinic(caller, clinic.id);
      return figures.clinic(clinic.id, { from, to, interval: interval ?? 'DAY' });
    },
  },
  Query: {
    platformAnalytics: (_root, { from, to, interval }, { caller, figures }) => {
      caller.assertPlatformAdmin();
      return figures.platform({ from, to, interval: interval ?? 'DAY' });
    },
    analyticsLag: (_root, _args, { caller, intake }) => {
      caller.assertPlatformAdmin();
      return intake.lag();
    },
    graphUsage: (_root, { from, to }, { caller, figures }) => {
      caller.assertPlatformAdmin();
      return figures.usage(from, to);
    },
    sensitiveDataAccesses: async (_root, { subjectId, first, after }, { caller, accessLog }) => {
      caller.assertPlatformAdmin();
      return toConnection(await accessLog.ofSubject(subjectId, pageSize(first, 20), after));
    },
    myDataAccesses: async (_root, { first, after }, { caller, accessLog }) =>
      toConnection(await accessLog.ofSubject(caller.requireUser(), pageSize(first, 20), after)),
  },
  DataAccess: {
    at: (access) => access.at.toISOString(),
    readerKind: (access) => (access.readerKind === 'partner' ? 'PARTNER' : 'USER'),
    reader: (access) => (access.readerKind === 'user' ? { id: access.readerId } : null),
    readerClinic: (access) => (access.readerClinicId ? { id: access.readerClinicId } : null),
    subject: (access) => ({ id: access.subjectId }),
  },
};
