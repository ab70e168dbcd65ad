// Trusted documents: the operations the three apps were built with, listed by codegen in a manifest
// (sha256 → text, clients/shared/src/graphql/persisted-documents.json). The apps send only an
// operation's id, as `extensions.persistedQuery.sha256Hash` (the shape Apollo Client's links and
// graphql-ws carry unchanged, and that Apollo Router and Hive Gateway accept); the router runs the
// manifest's text for it. With `enforce` (production's default) anonymous callers and user sessions
// may send nothing else; partner keys, platform admins (the sandbox) and `allow` may send any document.
// Ids are never registered at run time: Apollo Server's automatic persisted queries stay off.
import type { HTTPGraphQLRequest } from '@apollo/server';
import { AppError, type Claims } from '@medpay/runtime';
import { readFileSync } from 'node:fs';
import { callerKindOf } from './operation-policy.js';

export type TrustedDocumentsMode = 'enforce' | 'allow';

/** What a request asks to run, before the router resolves its id: the body's (or URL's) fields. */
export interface OperationRequest {
  query?: unknown;
  extensions?: unknown;
}

const HASH_PREFIX = 'sha256:';

const notFound = () =>
  new AppError('PERSISTED_QUERY_NOT_FOUND', 'Operação desconhecida: o aplicativo está desatualizado. Recarregue a página e tente de novo.', { http: { status: 400 } });
const required = () =>
  new AppError(
    'PERSISTED_QUERY_REQUIRED',
    'Esta API aceita dos aplicativos apenas operações conhecidas (enviadas pelo id). Integrações usam uma chave de API de parceiro.',
    { http: { status: 400 } },
  );
const both = () =>
  new AppError('BAD_REQUEST', 'Envie o id da operação (extensions.persistedQuery) ou o seu texto (query), não os dois.', { http: { status: 400 } });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export class TrustedDocuments {
  /** the manifest's texts by their sha256 in hex (the manifest's keys carry a `sha256:` prefix) */
  private readonly texts = new Map<string, string>();

  constructor(
    manifest: Record<string, string>,
    readonly mode: TrustedDocumentsMode,
  ) {
    for (const [id, text] of Object.entries(manifest)) {
      if (!id.startsWith(HASH_PREFIX)) throw new Error(`Trusted document id without the ${HASH_PREFIX} prefix: ${id}`);
      this.texts.set(id.slice(HASH_PREFIX.length), text);
    }
  }

  static fromFile(path: string, mode: TrustedDocumentsMode): TrustedDocuments {
    return new TrustedDocuments(JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>, mode);
  }

  get size(): number {
    return this.texts.size;
  }

  /**
   * What to run for a request: for an id, the manifest's text in `query` (and the id taken out of
   * `extensions`); otherwise the request as it came, when the caller may send its own documents.
   * Throws the refusal (400, pt-BR) otherwise.
   */
  resolve<Request extends OperationRequest>(request: Request, claims: Claims | null): Request {
    const persisted = isObject(request.extensions) ? request.extensions.persistedQuery : undefined;
    if (persisted !== undefined) {
      const hash = isObject(persisted) ? persisted.sha256Hash : undefined;
      const text = typeof hash === 'string' ? this.texts.get(hash) : undefined;
      if (text === undefined) throw notFound();
      if (typeof request.query === 'string' && request.query !== '' && request.query !== text) throw both();
      const { persistedQuery: _id, ...extensions } = request.extensions as Record<string, unknown>;
      return { ...request, query: text, extensions };
    }
    const ownDocument = typeof request.query === 'string' && request.query !== '';
    if (ownDocument && this.mode === 'enforce' && !this.mayRunAnyDocument(claims)) throw required();
    return request;
  }

  /** The same for an HTTP request: a POST's JSON body, or a GET's `query` and `extensions` parameters. */
  resolveHttp(request: HTTPGraphQLRequest, claims: Claims | null): HTTPGraphQLRequest {
    if (request.method !== 'GET') return isObject(request.body) ? { ...request, body: this.resolve(request.body, claims) } : request;
    const params = new URLSearchParams(request.search);
    let extensions: unknown;
    try {
      extensions = JSON.parse(params.get('extensions') ?? 'null');
    } catch {
      // Apollo Server answers a malformed parameter itself.
      return request;
    }
    const asked = { query: params.get('query') ?? undefined, extensions: extensions ?? undefined };
    const resolved = this.resolve(asked, claims);
    if (resolved === asked) return request;
    params.set('query', resolved.query as string);
    params.set('extensions', JSON.stringify(resolved.extensions));
    return { ...request, search: params.toString() };
  }

  /** Partner systems write their own queries; platform admins use the sandbox. */
  private mayRunAnyDocument(claims: Claims | null): boolean {
    const kind = callerKindOf(claims);
    return kind === 'partner' || kind === 'admin';
  }
}
