// The web inbox at GET /: server-rendered pages (no framework, no script) listing what the simulator
// received, so a newcomer sees the e-mails, SMS and WhatsApp messages a demo produced. Text in pt-BR.
import type { EmailRecord, MessageStore, PushRecord, SmsRecord, WhatsAppRecord } from './store.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const when = (iso: string) => new Date(iso).toLocaleString('pt-BR', { timeZone: 'America/Sao_Paulo', dateStyle: 'short', timeStyle: 'medium' });

const STATUS_LABELS: Record<string, string> = {
  ACCEPTED: 'aceita', SENT: 'enviada', DELIVERED: 'entregue', NOT_DELIVERED: 'não entregue',
  accepted: 'aceita', sent: 'enviada', delivered: 'entregue', failed: 'falhou',
};

/** The pages' security policy: no script anywhere; an e-mail's HTML shows in a sandboxed frame. */
export const INBOX_CSP = "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

function page(title: string, body: string, refresh = false): string {
  return `<!doctype html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh ? '<meta http-equiv="refresh" content="5">' : ''}
<title>${escapeHtml(title)}</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 64rem; padding: 1rem 1.5rem 3rem; color: #1d2433; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e3e6ec; vertical-align: top; }
  th { font-weight: 600; color: #4a5368; }
  .empty { color: #6b7385; }
  .muted { color: #6b7385; font-size: .9em; }
  pre { white-space: pre-wrap; background: #f5f6f8; padding: .8rem; border-radius: 6px; }
  iframe { width: 100%; height: 32rem; border: 1px solid #e3e6ec; border-radius: 6px; }
  a { color: #0b5cad; }
</style>
</head>
<body>
${body}
</body>
</html>`;
}

function table(headers: string[], rows: string[][], empty: string): string {
  if (!rows.length) return `<p class="empty">${empty}</p>`;
  const head = headers.map((label) => `<th scope="col">${label}</th>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const newestFirst = <T extends { receivedAt: string }>(records: T[]) => [...records].reverse();

export function renderInbox(store: MessageStore): string {
  const emails = newestFirst(store.emails()).map((email: EmailRecord) => [
    escapeHtml(when(email.receivedAt)),
    `<a href="/emails/${encodeURIComponent(email.id)}">${escapeHtml(email.subject || '(sem assunto)')}</a>`,
    escapeHtml(email.to.join(', ')),
    escapeHtml(email.from),
  ]);
  const sms = newestFirst(store.sms()).map((message: SmsRecord) => [
    escapeHtml(when(message.receivedAt)),
    escapeHtml(message.to),
    escapeHtml(message.text),
    escapeHtml(STATUS_LABELS[message.status] ?? message.status),
  ]);
  const whatsapp = newestFirst(store.whatsapp()).map((message: WhatsAppRecord) => [
    escapeHtml(when(message.receivedAt)),
    escapeHtml(message.to),
    `${escapeHtml(message.text)}<br><span class="muted">modelo ${escapeHtml(message.template.name)}</span>`,
    escapeHtml(STATUS_LABELS[message.status] ?? message.status),
  ]);
  const push = newestFirst(store.push()).map((message: PushRecord) => [
    escapeHtml(when(message.receivedAt)),
    escapeHtml(message.subscriptionId),
    `<pre>${escapeHtml(JSON.stringify(message.payload, null, 2))}</pre>`,
  ]);
  return page(
    'Caixa de entrada do simulador — MedPay Saúde',
    `<h1>Caixa de entrada do simulador de mensagens</h1>
<p class="muted">Tudo o que os serviços enviaram por e-mail, SMS, WhatsApp e push (a página se atualiza a cada 5 segundos).</p>
<h2>E-mails (${emails.length})</h2>
${table(['Recebido em', 'Assunto', 'Para', 'De'], emails, 'Nenhum e-mail recebido ainda.')}
<h2>SMS (${sms.length})</h2>
${table(['Recebido em', 'Para', 'Texto', 'Situação'], sms, 'Nenhum SMS recebido ainda.')}
<h2>WhatsApp (${whatsapp.length})</h2>
${table(['Recebido em', 'Para', 'Mensagem', 'Situação'], whatsapp, 'Nenhuma mensagem de WhatsApp recebida ainda.')}
<h2>Notificações push (${push.length})</h2>
${table(['Recebida em', 'Inscrição', 'Conteúdo'], push, 'Nenhuma notificação push recebida ainda.')}`,
    true,
  );
}

export function renderEmail(email: EmailRecord): string {
  const body = email.html
    ? `<h2>Versão HTML</h2>
<iframe sandbox title="Corpo do e-mail em HTML" srcdoc="${escapeHtml(email.html)}"></iframe>`
    : '';
  return page(
    `${email.subject || '(sem assunto)'} — simulador de mensagens`,
    `<p><a href="/">← Voltar à caixa de entrada</a></p>
<h1>${escapeHtml(email.subject || '(sem assunto)')}</h1>
<table>
<tr><th scope="row">De</th><td>${escapeHtml(email.from)}</td></tr>
<tr><th scope="row">Para</th><td>${escapeHtml(email.to.join(', '))}</td></tr>
<tr><th scope="row">Recebido em</th><td>${escapeHtml(when(email.receivedAt))}</td></tr>
<tr><th scope="row">Message-ID</th><td>${escapeHtml(email.messageId ?? '—')}</td></tr>
</table>
${body}
<h2>Versão em texto</h2>
<pre>${escapeHtml(email.text || '(sem texto)')}</pre>`,
  );
}

export function renderNotFound(): string {
  return page('Não encontrado — simulador de mensagens', '<p><a href="/">← Voltar à caixa de entrada</a></p><h1>E-mail não encontrado</h1><p>Ele pode ter sido apagado ou ficado de fora dos últimos guardados.</p>');
}
