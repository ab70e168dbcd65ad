import { describe, expect, it } from '@jest/globals';
import { credentialsOf } from './subscription-server.js';

describe('credentialsOf (graphql-ws connectionParams)', () => {
  it('reads a bearer token or an API key at the top level, in any case', () => {
    expect(credentialsOf({ authorization: 'Bearer abc' })).toEqual({ authorization: 'Bearer abc' });
    expect(credentialsOf({ Authorization: 'bearer abc' })).toEqual({ authorization: 'bearer abc' });
    expect(credentialsOf({ 'X-Api-Key': 'mpk_live_x' })).toEqual({ 'x-api-key': 'mpk_live_x' });
  });

  it('reads them under `headers` too, and a bare token as `authToken`', () => {
    expect(credentialsOf({ headers: { Authorization: 'Bearer abc' } })).toEqual({ authorization: 'Bearer abc' });
    expect(credentialsOf({ authToken: 'abc' })).toEqual({ authorization: 'Bearer abc' });
  });

  it('is anonymous without credentials', () => {
    expect(credentialsOf(undefined)).toEqual({});
    expect(credentialsOf({ authorization: 42 })).toEqual({});
  });
});
