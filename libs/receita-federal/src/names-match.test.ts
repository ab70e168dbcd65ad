// The loose comparison of a typed name with the Receita's record, on Brazilian names as people type them.
import { describe, expect, it } from '@jest/globals';
import { nameWords, namesMatch } from './names-match.js';

const RECORD = 'MARIA JOSE DA SILVA SANTOS';

describe('namesMatch', () => {
  it.each([
    ['the same name', 'Maria José da Silva Santos'],
    ['lower case without accents', 'maria jose da silva santos'],
    ['shouting', 'MARIA JOSÉ DA SILVA SANTOS'],
    ['middle names left out', 'Maria Santos'],
    ['one middle name left out', 'Maria Silva Santos'],
    ['particles left out', 'Maria José Silva Santos'],
    ['a particle the record lacks', 'Maria José da Silva dos Santos'],
    ['an initial for a middle name', 'Maria J. Santos'],
    ['an initial without its dot', 'Maria J Silva Santos'],
    ['two initials', 'Maria J. S. Santos'],
    ['initials written together', 'Maria J.S. Santos'],
    ['extra spaces and punctuation', '  Maria   José,  da Silva   Santos. '],
  ])('accepts %s', (_case, typed) => {
    expect(namesMatch(typed, RECORD)).toBe(true);
  });

  it.each([
    ['another first name', 'Mariana José da Silva Santos'],
    ['a first name reduced to its initial', 'M. José da Silva Santos'],
    ['the last name left out', 'Maria José da Silva'],
    ['a last name reduced to its initial', 'Maria José da Silva S.'],
    ['a middle name the record lacks', 'Maria Aparecida Santos'],
    ['middle names in another order', 'Maria Silva José Santos'],
    ['a middle name typed twice', 'Maria José José Santos'],
    ['an initial of no middle name', 'Maria K. Santos'],
    ['a shortened middle name that is no initial', 'Maria Jo Santos'],
    ['a misspelled last name', 'Maria José da Silva Santo'],
    ['one name more than the record', 'Maria José da Silva Santos Pereira'],
    ['the first name alone', 'Maria'],
    ['nothing', ''],
    ['only particles and punctuation', ' da de . - '],
  ])('refuses %s', (_case, typed) => {
    expect(namesMatch(typed, RECORD)).toBe(false);
  });

  it('folds the letters of Portuguese (ç, ã, õ, ê, í, ü) and the apostrophe', () => {
    expect(namesMatch('Conceição Araújo', 'CONCEICAO ARAUJO')).toBe(true);
    expect(namesMatch('João Gonçalves Simões', 'JOAO GONCALVES SIMOES')).toBe(true);
    expect(namesMatch('Lúcia Helena Müller', 'LUCIA HELENA MULLER')).toBe(true);
    expect(namesMatch("Joana D'Arc Ferreira", 'JOANA DARC FERREIRA')).toBe(true);
    expect(namesMatch('Joana Darc Ferreira', "JOANA D'ARC FERREIRA")).toBe(true);
  });

  it('splits hyphenated first names into words', () => {
    expect(namesMatch('Ana-Luíza Gonçalves Ferreira', 'ANA LUIZA GONCALVES FERREIRA')).toBe(true);
    expect(namesMatch('Ana Ferreira', 'ANA LUIZA GONCALVES FERREIRA')).toBe(true);
  });

  it('takes the generational suffix as the last name, and Jr. for Júnior', () => {
    expect(namesMatch('José Antônio dos Santos Júnior', 'JOSE ANTONIO DOS SANTOS JUNIOR')).toBe(true);
    expect(namesMatch('José Antônio dos Santos Jr.', 'JOSE ANTONIO DOS SANTOS JUNIOR')).toBe(true);
    expect(namesMatch('José Santos Junior', 'JOSE ANTONIO DOS SANTOS JUNIOR')).toBe(true);
    // "Júnior" is the last word on record: leaving it out is a different last name
    expect(namesMatch('José Antônio dos Santos', 'JOSE ANTONIO DOS SANTOS JUNIOR')).toBe(false);
    expect(namesMatch('Pedro Henrique Alves Filho', 'PEDRO HENRIQUE ALVES NETO')).toBe(false);
  });

  it('ignores "e" between surnames', () => {
    expect(namesMatch('Fernanda Souza e Silva', 'FERNANDA SOUZA SILVA')).toBe(true);
    expect(namesMatch('Fernanda Souza Silva', 'FERNANDA SOUZA E SILVA')).toBe(true);
  });

  it('matches a single name only with the same single name', () => {
    expect(namesMatch('Raoni', 'RAONI')).toBe(true);
    expect(namesMatch('Raoni', 'RAONI METUKTIRE')).toBe(false);
    expect(namesMatch('Raoni Metuktire', 'RAONI')).toBe(false);
  });

  it('lets the initial stand for the first middle name that fits, in order', () => {
    expect(namesMatch('Ana C. Costa Lima', 'ANA CAROLINA COSTA LIMA')).toBe(true);
    expect(namesMatch('Ana C. C. Lima', 'ANA CAROLINA COSTA LIMA')).toBe(true);
    expect(namesMatch('Ana Costa C. Lima', 'ANA CAROLINA COSTA LIMA')).toBe(false);
  });

  it('compares the words without particles, accents or case', () => {
    expect(nameWords("  Maria  das Dores D'Ávila-Ramos Jr ")).toEqual(['maria', 'dores', 'davila', 'ramos', 'junior']);
  });
});
