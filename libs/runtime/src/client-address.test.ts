import { describe, expect, it } from '@jest/globals';
import type { IncomingMessage } from 'node:http';
import { addressList, clientIpOf } from './server.js';

const request = (peer: string, forwarded?: string) => ({ socket: { remoteAddress: peer }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as IncomingMessage;

describe('clientIpOf', () => {
  const proxies = addressList('127.0.0.0/8, ::1/128, 10.0.0.0/16');

  it('takes the peer when it is no trusted proxy, whatever the header says', () => {
    expect(clientIpOf(request('203.0.113.5', '198.51.100.1'), proxies)).toBe('203.0.113.5');
  });

  it('takes what trusted proxies appended, never the entries a client wrote before them', () => {
    expect(clientIpOf(request('10.0.3.4', '6.6.6.6, 203.0.113.5'), proxies)).toBe('203.0.113.5');
    expect(clientIpOf(request('::ffff:127.0.0.1', '6.6.6.6, 203.0.113.5, 10.0.1.1'), proxies)).toBe('203.0.113.5');
    expect(clientIpOf(request('127.0.0.1'), proxies)).toBe('127.0.0.1');
  });

  it('trusts the whole header when no list is given (a subgraph behind the router)', () => {
    expect(clientIpOf(request('10.0.0.2', '203.0.113.5'))).toBe('203.0.113.5');
  });

  it('refuses a malformed range', () => {
    expect(() => addressList('not-an-address/8')).toThrow(/not an address/);
  });
});
