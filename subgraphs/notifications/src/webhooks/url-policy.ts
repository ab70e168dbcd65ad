// Where webhooks may be sent. A partner URL is someone else's input that our servers will call, so it
// must not reach our own network (SSRF): in production only https to public addresses. Checked when an
// endpoint is created and again at each delivery against the addresses the connection actually uses
// (the `lookup` below is handed to the HTTP client), so a DNS answer that changes after creation
// (rebinding) cannot slip through. Development and tests may also use http and loopback.
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { WebhooksError } from './webhook-errors.js';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** Never a webhook's destination, in any environment. IPv4-mapped IPv6 addresses match the IPv4 rules. */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::', 96], // IPv4-compatible (deprecated)
  ['64:ff9b::', 96], // NAT64: would reach any IPv4, private ones included
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds any IPv4
  ['fc00::', 7], // unique local (includes fd00:ec2::254, a metadata address)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Thrown inside the HTTP client's lookup: the host resolved to an address the policy refuses. */
export class AddressNotAllowedError extends Error {
  readonly code = 'EADDRNOTALLOWED';
}

export interface UrlPolicyOptions {
  /** NODE_ENV=production: https only, public addresses only */
  production: boolean;
  /** name resolution, every address of a host (dns.lookup by default; tests stand in for DNS) */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

export class UrlPolicy {
  readonly production: boolean;
  private readonly resolve: (hostname: string) => Promise<LookupAddress[]>;

  constructor(options: UrlPolicyOptions) {
    this.production = options.production;
    this.resolve = options.resolve ?? ((hostname) => dnsLookup(hostname, { all: true, verbatim: true }));
  }

  /** Whether a webhook may connect to this address (an IP literal, v4 or v6). */
  isAllowedAddress(address: string): boolean {
    const family = isIP(address);
    if (family === 0) return false;
    const type = family === 6 ? 'ipv6' : 'ipv4';
    try {
      if (NON_PUBLIC.check(address, type)) return false;
      if (LOOPBACK.check(address, type)) return !this.production;
    } catch {
      return false; // a form BlockList cannot read (an IPv6 zone id): not worth the risk
    }
    return true;
  }

  /**
   * The checks that need no name resolution: an absolute URL of an allowed scheme, at most 2048
   * characters, whose host, when an IP literal, is allowed. Returns the normalized URL.
   */
  parse(raw: string): URL {
    const invalid = () => new WebhooksError('WEBHOOK_URL_INVALID', 'Informe uma URL completa, como https://sistema.suaclinica.com.br/webhooks.', { field: 'url' });
    if (raw.length > MAX_WEBHOOK_URL_LENGTH) {
      throw new WebhooksError('WEBHOOK_URL_INVALID', `A URL pode ter no máximo ${MAX_WEBHOOK_URL_LENGTH} caracteres.`, { field: 'url' });
    }
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      throw invalid();
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid();
    if (url.protocol === 'http:' && this.production) {
      throw new WebhooksError('WEBHOOK_URL_NOT_ALLOWED', 'Use uma URL https://: os webhooks só são enviados por conexão segura.', { field: 'url' });
    }
    if (!url.hostname || url.href.length > MAX_WEBHOOK_URL_LENGTH) throw invalid();
    const host = bareHost(url);
    if (isIP(host) && !this.isAllowedAddress(host)) throw addressNotAllowed();
    return url;
  }

  /** At creation: `parse`, then every address the host resolves to must be allowed. */
  async check(raw: string): Promise<URL> {
    const url = this.parse(raw);
    const host = bareHost(url);
    if (isIP(host)) return url;
    let addresses: LookupAddress[];
    try {
      addresses = await this.resolve(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) {
      throw new WebhooksError('WEBHOOK_URL_INVALID', `Não encontramos o servidor ${host}: confira o endereço da URL.`, { field: 'url' });
    }
    if (addresses.some((entry) => !this.isAllowedAddress(entry.address))) throw addressNotAllowed();
    return url;
  }

  /**
   * The HTTP client's name resolution at delivery: resolves the host and refuses the connection when
   * any of its addresses is not allowed, so the address connected to is one this policy checked.
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.allowedAddresses(hostname, options).then(
      (addresses) => (options.all ? callback(null, addresses) : callback(null, addresses[0]!.address, addresses[0]!.family)),
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };

  private async allowedAddresses(hostname: string, options: LookupOptions): Promise<LookupAddress[]> {
    const addresses = await this.resolve(hostname);
    const refused = addresses.find((entry) => !this.isAllowedAddress(entry.address));
    if (refused) throw new AddressNotAllowedError(`${hostname} resolves to ${refused.address}, which webhooks may not reach`);
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const usable = family === 4 || family === 6 ? addresses.filter((entry) => entry.family === family) : addresses;
    if (usable.length === 0) throw Object.assign(new Error(`${hostname} has no usable address`), { code: 'ENOTFOUND' });
    return usable;
  }
}

/** The host without IPv6 brackets ([::1] → ::1). */
const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

const addressNotAllowed = () =>
  new WebhooksError('WEBHOOK_URL_NOT_ALLOWED', 'Esta URL aponta para uma rede interna ou reservada e não pode receber webhooks. Use um endereço público.', {
    field: 'url',
  });
