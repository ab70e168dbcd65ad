// What the patient types is stored only after this: documents, card data and contact details go by
// their shape (exactly), health details by a pt-BR lexicon of conditions, procedures and treatments
// (best effort: free text can name anything). The replacement says what was there, for whoever
// reads the transcript.

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[e-mail]'],
  // A boleto's line (47–48 digits) first: documents and cards fit inside it.
  [/\b\d(?:[ .-]?\d){19,}\b/g, '[número]'],
  // The CNPJ before the CPF: a CPF's shape is inside a CNPJ's.
  [/\b\d{2}\.?\d{3}\.?\d{3}\/?\d{4}-?\d{2}\b/g, '[CNPJ]'],
  [/\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b/g, '[CPF]'],
  [/\b(?:cvv|cvc|c[oó]digo de seguran[cç]a)\s*:?\s*\d{3,4}\b/giu, '[cartão]'],
  [/\b\d(?:[ -]?\d){12,18}\b/g, '[cartão]'],
  [/(?:\+?55\s?)?\(?\b\d{2}\)?\s?9?\d{4}-?\d{4}\b/g, '[telefone]'],
  // Account numbers, anything else with many digits (a date or an amount has fewer).
  [/\b\d(?:[ .-]?\d){7,}\b/g, '[número]'],
];

/** Word beginnings (accents ignored) that name a health detail. */
const HEALTH_STEMS = [
  'abort', 'alerg', 'alzheimer', 'anemi', 'ansiedad', 'apendic', 'artrit', 'artros', 'asma', 'autis', 'avc', 'bariatr', 'biops', 'bipolar', 'bronquit',
  'cancer', 'cardiac', 'cardio', 'catarata', 'cesar', 'cirurg', 'cisto', 'colonoscop', 'covid', 'depress', 'dermat', 'diabet', 'diagnost', 'dialis',
  'doenc', 'endometr', 'endoscop', 'epilep', 'esquizofren', 'fratur', 'gastrit', 'gestac', 'glaucoma', 'gravid', 'hemodial', 'hepatit', 'hernia', 'hiv',
  'hipertens', 'histerectom', 'implante', 'infart', 'infecc', 'infertil', 'laqueadur', 'leucem', 'lipoaspir', 'mamograf', 'mastectom', 'medicament',
  'miom', 'obesid', 'oncolog', 'ortodon', 'parto', 'prenatal', 'pre-natal', 'protese', 'psiquiatr', 'psicolog', 'psicoter', 'quimioter', 'radioter',
  'remedio', 'ressonanc', 'rinoplast', 'sifilis', 'sintoma', 'tomograf', 'transplant', 'transtorno', 'tratamento', 'tumor', 'ultrassom', 'ultrassonograf',
  'vasectom', 'virus',
];
const HEALTH_WORDS = ['aids', 'consulta', 'consultas', 'dor', 'dores', 'exame', 'exames', 'tdah', 'ist', 'dst', 'lipo', 'plastica', 'terapia', 'gripe'];

const plain = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const isHealthWord = (word: string) => {
  const bare = plain(word);
  return HEALTH_WORDS.includes(bare) || HEALTH_STEMS.some((stem) => bare.startsWith(stem));
};

export function redact(text: string): string {
  let result = text;
  for (const [pattern, replacement] of RULES) result = result.replace(pattern, replacement);
  return result.replace(/[\p{L}][\p{L}\p{M}-]*/gu, (word) => (isHealthWord(word) ? '[saúde]' : word));
}
