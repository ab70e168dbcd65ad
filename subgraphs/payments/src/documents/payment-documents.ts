// The PDFs payments issues, kept in the object store with their SHA-256: a crediário's contract and its
// signed copy, the receipt of each paid charge, a clinic's monthly statement. Each is issued once per
// subject (a second issue answers the first), and read only through short-lived signed links handed to
// whoever may read it (the resolvers check who).
import { randomUUID } from 'node:crypto';
import { violatedUniqueConstraint, type ObjectStore } from '@medpay/runtime';
import type { DocumentFile } from '../__generated__/resolvers-types.js';
import type { Document, DocumentKind, PrismaClient } from '../generated/prisma/client.js';

/** How long a download link works. */
export const DOCUMENT_LINK_TTL_SECONDS = 300;

export interface NewDocument {
  kind: DocumentKind;
  /** what it documents, one per kind: the payment id (contracts), the charge id (receipts), "<clinic id>:YYYY-MM" (statements) */
  subject: string;
  paymentId: string | null;
  clinicId: string;
  filename: string;
  bytes: Uint8Array;
}

export class PaymentDocuments {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly store: ObjectStore,
  ) {}

  /** Stores the document and records it, once per kind and subject; the record (the first one, after a race). */
  async issue({ kind, subject, paymentId, clinicId, filename, bytes }: NewDocument): Promise<Document> {
    const existing = await this.find(kind, subject);
    if (existing) return existing;
    const id = randomUUID();
    const objectKey = `${kind.toLowerCase()}/${clinicId}/${id}.pdf`;
    const stored = await this.store.put(objectKey, bytes, { contentType: 'application/pdf', filename });
    try {
      return await this.prisma.document.create({ data: { id, kind, subject, paymentId, clinicId, objectKey, filename, sha256: stored.sha256, sizeBytes: stored.size } });
    } catch (error) {
      if (!violatedUniqueConstraint(error)) throw error;
      await this.store.delete(objectKey);
      return (await this.find(kind, subject))!;
    }
  }

  find(kind: DocumentKind, subject: string): Promise<Document | null> {
    return this.prisma.document.findUnique({ where: { kind_subject: { kind, subject } } });
  }

  /** The document as the graph shows it, with a link that downloads it for a few minutes. */
  async file(document: Document): Promise<DocumentFile> {
    const link = await this.store.downloadUrl(document.objectKey, { ttlSeconds: DOCUMENT_LINK_TTL_SECONDS, filename: document.filename });
    return {
      kind: document.kind,
      filename: document.filename,
      sha256: document.sha256,
      url: link.url,
      urlExpiresAt: link.expiresAt.toISOString(),
      issuedAt: document.createdAt.toISOString(),
    };
  }
}
