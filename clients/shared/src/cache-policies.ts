// How Apollo's cache keeps the graph's answers, for every app (apollo.tsx) and for tests of code that
// writes to the cache (notifications.ts).
import type { TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

// Every paged list is a Relay connection: `fetchMore({ variables: { after } })` appends the next page
// to the one list cached per set of filters (the key arguments).
export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      procedures: relayStylePagination(['filter']),
      clinics: relayStylePagination(['filter']),
      users: relayStylePagination(['filter']),
      payments: relayStylePagination(['filter']),
      myPayments: relayStylePagination(),
      myNotifications: relayStylePagination(['unreadOnly']),
      failedMessages: relayStylePagination(),
      webhookDeliveries: relayStylePagination(['endpointId']),
      sensitiveDataAccesses: relayStylePagination(['subjectId']),
      myDataAccesses: relayStylePagination(),
    },
  },
  Clinic: { fields: { payments: relayStylePagination(['status', 'filter']), procedures: relayStylePagination() } },
  User: { fields: { payments: relayStylePagination() } },
  // One choice per channel and purpose: saving answers the same entities, so the screen follows.
  ChannelPreference: { keyFields: ['channel', 'purpose'] },
};
