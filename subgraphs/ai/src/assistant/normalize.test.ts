import { describe, expect, it } from '@jest/globals';
import { normalize } from './normalize.js';

describe('normalize', () => {
  it('lower-cases, drops accents and punctuation', () => {
    expect(normalize('Quando vence minha PRÓXIMA parcela?!')).toBe('quando vence minha proxima parcela');
  });

  it('writes out chat abbreviations', () => {
    expect(normalize('qdo vc paga, pq tbm')).toBe('quando voce paga por que tambem');
    expect(normalize('qro a 2ª via do boleto')).toBe('quero a segunda via do boleto');
    expect(normalize('parcelar em 24x')).toBe('parcelar em 24 vezes');
  });

  it('shortens a stretched last letter', () => {
    expect(normalize('oii bom diaa, obrigadoo')).toBe('oi bom dia obrigado');
  });
});
