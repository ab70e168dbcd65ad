/**
 * Brings chat Portuguese to the form the classifier and the FAQ index were built from: lower case,
 * no accents or punctuation, stretched letters shortened ("oii", "obrigadoo") and the abbreviations
 * patients type ("qdo", "vc", "pq", "pgto") written out.
 */
const ABBREVIATIONS: Record<string, string> = {
  qd: 'quando', qdo: 'quando', qnd: 'quando', qndo: 'quando', qndu: 'quando',
  qt: 'quanto', qto: 'quanto', qnto: 'quanto', qtos: 'quantos', qntos: 'quantos', qtas: 'quantas', qntas: 'quantas',
  vc: 'voce', vcs: 'voces', pq: 'por que', porq: 'por que', tb: 'tambem', tbm: 'tambem',
  q: 'que', oq: 'o que', pra: 'para', pro: 'para o', pras: 'para as', pros: 'para os', p: 'para',
  c: 'com', cmg: 'comigo', d: 'de', n: 'nao', nd: 'nada', ngm: 'ninguem', td: 'tudo', tds: 'todos',
  blz: 'beleza', obg: 'obrigado', obgd: 'obrigado', obgda: 'obrigada', brigadao: 'obrigado', vlw: 'valeu', tmj: 'valeu',
  msm: 'mesmo', mt: 'muito', mto: 'muito', mts: 'muitos', pfv: 'por favor', pf: 'por favor', pls: 'por favor',
  agr: 'agora', hj: 'hoje', dps: 'depois', qro: 'quero', qr: 'quero', pgto: 'pagamento', pagto: 'pagamento',
  pgt: 'pagamento', tel: 'telefone', fone: 'telefone', zap: 'whatsapp', wpp: 'whatsapp', whats: 'whatsapp',
  info: 'informacao', cod: 'codigo', prox: 'proxima', ta: 'esta', to: 'estou', eh: 'e', eae: 'e ai', eai: 'e ai',
  qrcode: 'qr code', ctz: 'certeza', vdd: 'verdade', msg: 'mensagem', cade: 'onde esta', sla: 'sei la',
};

export function normalize(text: string): string {
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b2 ?a? via\b/g, 'segunda via')
    .replace(/\b(\d+) ?x\b/g, '$1 vezes')
    .trim()
    .split(' ')
    .filter((word) => word !== '')
    // A word's last letter typed twice or more is chat stretching, not spelling.
    .map((word) => word.replace(/([a-z])\1+$/, '$1'));
  return words.map((word) => ABBREVIATIONS[word] ?? word).join(' ');
}

export const tokens = (normalized: string): string[] => (normalized === '' ? [] : normalized.split(' '));
