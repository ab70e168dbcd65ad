// Download links as ClickSign hands them out: short-lived, pre-signed URLs that need no access token
// (ClickSign's point to its storage and last 5 minutes). Signed with a key made per process, so links
// do not survive a restart, as an expired link would not.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type FileKind = 'original' | 'signed';

export class FileLinks {
  private readonly key = randomBytes(32);

  constructor(
    private readonly baseUrl: () => string,
    private readonly now: () => Date,
    private readonly ttlSeconds: number,
  ) {}

  link(documentId: string, kind: FileKind): string {
    const expires = Math.floor(this.now().getTime() / 1000) + this.ttlSeconds;
    return `${this.baseUrl()}/files/${documentId}/${kind}?expires=${expires}&signature=${this.signature(documentId, kind, expires)}`;
  }

  /** Whether a link's query came from `link` and has not expired. */
  verify(documentId: string, kind: FileKind, query: URLSearchParams): 'ok' | 'expired' | 'invalid' {
    const expires = Number(query.get('expires'));
    const given = Buffer.from(query.get('signature') ?? '', 'hex');
    const expected = Buffer.from(this.signature(documentId, kind, expires), 'hex');
    if (!Number.isInteger(expires) || given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return expires * 1000 < this.now().getTime() ? 'expired' : 'ok';
  }

  private signature(documentId: string, kind: FileKind, expires: number) {
    return createHmac('sha256', this.key).update(`${documentId}:${kind}:${expires}`).digest('hex');
  }
}
