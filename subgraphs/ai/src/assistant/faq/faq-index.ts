/**
 * Full-text retrieval over the patient FAQ: minisearch with the same normalization as the classifier
 * (accents, abbreviations) followed by nlp.js's Portuguese stopwords and stemmer, so "compensar",
 * "compensação" and "compensa" meet.
 */
import MiniSearch from 'minisearch';
import { StemmerPt, StopwordsPt } from '@nlpjs/lang-pt';
import type { KnownIntent } from '../intents/intent.js';
import { normalize, tokens } from '../normalize.js';
import { FAQ, type FaqEntry } from './entries.js';

export interface FaqHit {
  entry: FaqEntry;
  score: number;
}

const stemmer = new StemmerPt();
const stopwords = new Set(Object.keys(new StopwordsPt().dictionary).map(normalize));

const processTerm = (term: string): string | null => (stopwords.has(term) ? null : stemmer.stem(term));

export class FaqIndex {
  private readonly search: MiniSearch<FaqEntry>;
  private readonly byId: Map<string, FaqEntry>;

  constructor(private readonly entries: readonly FaqEntry[] = FAQ) {
    this.byId = new Map(entries.map((entry) => [entry.id, entry]));
    this.search = new MiniSearch<FaqEntry>({
      fields: ['question', 'tags', 'answer'],
      extractField: (entry, field) => {
        const value = entry[field as keyof FaqEntry];
        return Array.isArray(value) ? value.join(' ') : String(value);
      },
      tokenize: (text) => tokens(normalize(text)),
      processTerm,
      searchOptions: {
        boost: { question: 2, tags: 2, answer: 1 },
        // Unaccented text stems less ("compensacao" → "compensaca"): a prefix still meets "compens".
        prefix: (term) => term.length >= 4,
        fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
        combineWith: 'OR',
      },
    });
    this.search.addAll([...entries]);
  }

  /** Best entries for a question, optionally only those that answer one intent. */
  find(question: string, options: { intent?: KnownIntent; limit?: number } = {}): FaqHit[] {
    const { intent, limit = 3 } = options;
    return this.search
      .search(question, intent ? { filter: (result) => this.byId.get(String(result.id))?.intents.includes(intent) ?? false } : {})
      .slice(0, limit)
      .flatMap((result) => {
        const entry = this.byId.get(String(result.id));
        return entry ? [{ entry, score: result.score }] : [];
      });
  }

  /** The entry an intent answers when the question itself matches none of them. */
  defaultFor(intent: KnownIntent): FaqEntry | undefined {
    return this.entries.find((entry) => entry.intents.includes(intent));
  }
}
