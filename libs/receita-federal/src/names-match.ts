// Whether the name a person typed is the one on record at the Receita, loosely: accents, case,
// punctuation and the particles (da, de, do, das, dos, e) do not count; the first and the last names
// must be the same; middle names may be left out or shortened to an initial, never added or reordered.

const PARTICLES = new Set(['da', 'de', 'do', 'das', 'dos', 'e']);

/** The name's words, folded: no accents, lower case, no particles; "Jr" is "Junior". */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/gu, '') // D'Ávila is one word
    .split(/[^\p{L}]+/u)
    .filter((word) => word && !PARTICLES.has(word))
    .map((word) => (word === 'jr' ? 'junior' : word));
}

/** A typed middle word stands for a recorded one when it is the same, or its initial ("J." for José). */
const standsFor = (typed: string, recorded: string) => typed === recorded || (typed.length === 1 && recorded.startsWith(typed));

export function namesMatch(typed: string, onRecord: string): boolean {
  const given = nameWords(typed);
  const recorded = nameWords(onRecord);
  if (!given.length || !recorded.length) return false;
  if (given.length === 1 || recorded.length === 1) return given.length === recorded.length && given[0] === recorded[0];
  if (given[0] !== recorded[0] || given.at(-1) !== recorded.at(-1)) return false;
  // Every typed middle word in order among the recorded ones; taking the earliest fit is never worse.
  const middle = recorded.slice(1, -1);
  let next = 0;
  for (const word of given.slice(1, -1)) {
    while (next < middle.length && !standsFor(word, middle[next]!)) next += 1;
    if (next === middle.length) return false;
    next += 1;
  }
  return true;
}
