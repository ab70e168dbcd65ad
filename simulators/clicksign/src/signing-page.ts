// The signer's side: the signing page ClickSign would serve at the signer's link (also embedded in an
// iframe of the patient app), the document it shows, and the pre-signed file links the API hands out.
// The page asks for the token "sent" by the provide_evidence channel and shows it in a marked
// simulation hint; after signing or refusing it tells the embedding page with postMessage.
import { timingSafeEqual } from 'node:crypto';
import { notFound, parseForm, SimError, type Reply, type Route } from '@medpay/simulation';
import type { FileKind, FileLinks } from './file-links.js';
import type { EnvelopeLifecycle } from './lifecycle.js';
import type { DocumentRecord, EnvelopeRecord, SignerRecord, SimulatorState } from './state.js';

export interface SigningContext {
  state: SimulatorState;
  lifecycle: EnvelopeLifecycle;
  links: FileLinks;
}

const CHANNEL_NAMES = { email: 'e-mail', sms: 'SMS', whatsapp: 'WhatsApp' } as const;

export function signingRoutes(context: SigningContext): Route[] {
  const { state, lifecycle } = context;
  const signerFor = (id: string) => {
    const signer = state.signers.get(id);
    if (!signer) throw new SimError(404, 'NOT_FOUND', 'Link de assinatura inválido');
    return signer;
  };

  return [
    {
      method: 'GET',
      pattern: '/sign/:signerId',
      handler: (request) => {
        const signer = state.signers.get(request.params.signerId!);
        if (!signer) return page(404, 'Link inválido', '<h1>Link de assinatura inválido</h1><p>Confira o link recebido ou peça um novo a quem enviou o documento.</p>');
        return signingPage(state, signer, 200);
      },
    },
    {
      method: 'POST',
      pattern: '/sign/:signerId',
      handler: (request) => {
        const signer = signerFor(request.params.signerId!);
        const form = parseForm(request);
        const envelope = state.envelope(signer.envelopeId);
        if (envelope.status !== 'running' || signer.status !== 'pending') return signingPage(state, signer, 409);
        try {
          if (form.get('action') === 'refuse') {
            lifecycle.refuse(signer, form.get('reason')?.trim() || 'Recusado pelo signatário');
            return resultPage(envelope, signer, 'refused');
          }
          if (!tokenMatches(signer, form.get('token') ?? '')) return signingPage(state, signer, 422, 'Código inválido. Confira o código que enviamos e tente de novo.');
          lifecycle.sign(signer);
          return resultPage(envelope, signer, 'signed');
        } catch (error) {
          // e.g. signers of an earlier group have not signed yet, or this signer may not refuse
          if (error instanceof SimError) return signingPage(state, signer, error.status, 'Não foi possível concluir esta ação agora. Tente mais tarde.');
          throw error;
        }
      },
    },
    {
      // The document as the signer reads it before signing.
      method: 'GET',
      pattern: '/sign/:signerId/documents/:documentId',
      handler: (request) => {
        const signer = signerFor(request.params.signerId!);
        const document = state.documents.get(request.params.documentId!);
        if (!document || document.envelopeId !== signer.envelopeId) throw notFound(`Document ${request.params.documentId}`);
        return fileReply(document);
      },
    },
    {
      // Pre-signed download links (`links.files` of a document, `downloads` of a webhook): no access token.
      method: 'GET',
      pattern: '/files/:documentId/:kind',
      handler: (request) => {
        const kind = request.params.kind as FileKind;
        if (kind !== 'original' && kind !== 'signed') throw notFound(`File ${kind}`);
        const document = state.documents.get(request.params.documentId!);
        const verdict = document ? context.links.verify(document.id, kind, request.query) : 'invalid';
        if (!document || verdict === 'invalid') throw new SimError(403, 'ACCESS_DENIED', 'Invalid download link');
        if (verdict === 'expired') throw new SimError(403, 'LINK_EXPIRED', 'This download link has expired: read the document again for a new one');
        if (kind === 'signed' && state.envelope(document.envelopeId).status !== 'closed') throw notFound('Signed file (the envelope is not closed)');
        return fileReply(document);
      },
    },
  ];
}

/**
 * The "signed copy" is the uploaded bytes, unchanged: the simulator does not stamp signatures into the
 * PDF, so the signed file's SHA-256 equals the original's.
 */
function fileReply(document: DocumentRecord): Reply {
  const safeName = document.filename.replace(/["\\\r\n]/g, '_');
  return { status: 200, bytes: { contentType: document.contentType, data: Buffer.from(document.content, 'base64') }, headers: { 'content-disposition': `inline; filename="${safeName}"`, 'cache-control': 'no-store' } };
}

function tokenMatches(signer: SignerRecord, given: string): boolean {
  const expected = Buffer.from(signer.token ?? '');
  const actual = Buffer.from(given.trim());
  return expected.length > 0 && expected.length === actual.length && timingSafeEqual(expected, actual);
}

function signingPage(state: SimulatorState, signer: SignerRecord, status: number, error?: string): Reply {
  const envelope = state.envelope(signer.envelopeId);
  const heading = `<p class="envelope">${escapeHtml(envelope.name)}</p>`;
  if (envelope.status === 'draft') return page(status === 200 ? 409 : status, envelope.name, `${heading}<h1>Documento ainda não disponível</h1><p>Quem enviou ainda não liberou este documento para assinatura.</p>`);
  if (signer.status === 'signed') return page(status, envelope.name, `${heading}<h1>Você já assinou</h1><p>Sua assinatura foi registrada em ${formatDate(signer.signedAt!)}.</p>`);
  if (signer.status === 'refused') return page(status, envelope.name, `${heading}<h1>Você recusou este documento</h1><p>A recusa foi registrada em ${formatDate(signer.refusedAt!)}.</p>`);
  if (envelope.status === 'canceled') return page(status === 200 ? 410 : status, envelope.name, `${heading}<h1>Documento cancelado</h1><p>Este documento não está mais disponível para assinatura.</p>`);
  if (envelope.status === 'closed') return page(status, envelope.name, `${heading}<h1>Documento finalizado</h1><p>Este documento já foi finalizado.</p>`);

  const token = [...state.messages].reverse().find((message) => message.signerId === signer.id && message.kind === 'token');
  const documents = state
    .documentsOf(envelope.id)
    .map((document) => `<li><a href="/sign/${signer.id}/documents/${document.id}" target="_blank" rel="noopener">${escapeHtml(document.filename)}</a></li>`)
    .join('');
  const sentBy = token ? `Enviamos um código de 6 dígitos por ${CHANNEL_NAMES[token.channel]} para <strong>${escapeHtml(maskContact(token.to, token.channel))}</strong>.` : 'Digite o código de verificação recebido.';
  const refuse = signer.refusable
    ? `<details><summary>Não quero assinar</summary><label for="reason">Motivo (opcional)</label><textarea id="reason" name="reason" rows="2" maxlength="500"></textarea><button type="submit" name="action" value="refuse" class="secondary" formnovalidate>Recusar</button></details>`
    : '';
  const body = `${heading}
<h1>Assinatura do documento</h1>
<p>Olá, ${escapeHtml(signer.name.split(/\s+/)[0]!)}. Leia o documento antes de assinar:</p>
<ul class="documents">${documents}</ul>
<p class="deadline">Prazo para assinar: ${formatDate(envelope.deadlineAt)}.</p>
<form method="post" action="/sign/${signer.id}">
  <p>${sentBy}</p>
  <label for="token">Código de verificação</label>
  <input id="token" name="token" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required${error ? ' aria-invalid="true" aria-describedby="token-error"' : ''}>
  ${error ? `<p class="error" id="token-error" role="alert">${escapeHtml(error)}</p>` : ''}
  ${token?.token ? `<div class="simulation" role="note"><strong>Ambiente de simulação</strong> — nenhuma mensagem foi enviada de verdade. O código “enviado” é <code data-testid="sim-token">${escapeHtml(token.token)}</code>.</div>` : ''}
  <button type="submit" name="action" value="sign">Assinar</button>
  ${refuse}
</form>`;
  return page(status, envelope.name, body);
}

function resultPage(envelope: EnvelopeRecord, signer: SignerRecord, outcome: 'signed' | 'refused'): Reply {
  const message = JSON.stringify({ type: `clicksign:${outcome}`, envelopeId: envelope.id }).replace(/</g, '\\u003c');
  const text =
    outcome === 'signed'
      ? `<h1>Assinatura registrada</h1><p>Obrigado, ${escapeHtml(signer.name.split(/\s+/)[0]!)}. Quando todos assinarem, a cópia assinada ficará disponível.</p>`
      : '<h1>Recusa registrada</h1><p>Você recusou a assinatura deste documento. Quem o enviou será avisado.</p>';
  return page(200, envelope.name, `<p class="envelope">${escapeHtml(envelope.name)}</p>${text}<script>window.parent.postMessage(${message}, '*');</script>`);
}

function page(status: number, title: string, body: string): Reply {
  const html = `<!doctype html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Clicksign (simulador)</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1d2530; }
  main { max-width: 32rem; margin: 0 auto; padding: 1.5rem 1rem; }
  .brand { font-weight: 700; color: #1565c0; margin: 0 0 1rem; }
  .envelope { color: #566; margin: 0; }
  h1 { font-size: 1.35rem; margin: .25rem 0 1rem; }
  form { background: #fff; border-radius: .5rem; padding: 1rem; box-shadow: 0 1px 3px #0002; }
  label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
  input, textarea { width: 100%; box-sizing: border-box; font-size: 1.1rem; padding: .5rem; border: 1px solid #99a; border-radius: .25rem; }
  input[aria-invalid="true"] { border-color: #c62828; }
  button { font-size: 1rem; padding: .6rem 1.4rem; border-radius: .25rem; border: 0; background: #1565c0; color: #fff; margin-top: 1rem; cursor: pointer; }
  button.secondary { background: #fff; color: #c62828; border: 1px solid #c62828; }
  .error { color: #c62828; margin: .25rem 0 0; }
  .simulation { margin-top: 1rem; padding: .75rem; border: 2px dashed #ef6c00; background: #fff3e0; border-radius: .25rem; }
  details { margin-top: 1rem; }
  .documents a { font-weight: 600; }
</style>
</head>
<body><main>
<p class="brand">Clicksign <small>(simulador)</small></p>
${body}
</main></body>
</html>`;
  return { status, html, headers: { 'cache-control': 'no-store' } };
}

function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'America/Sao_Paulo' }).format(new Date(iso));
}

function maskContact(to: string, channel: 'email' | 'sms' | 'whatsapp'): string {
  if (channel === 'email') {
    const [user = '', domain = ''] = to.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  }
  return `(${to.slice(0, 2)}) *****-${to.slice(-4)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}
