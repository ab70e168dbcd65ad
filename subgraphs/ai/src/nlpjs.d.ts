// nlp.js ships no type declarations: only the parts the assistant uses.
declare module '@nlpjs/nlp' {
  export interface NlpClassification {
    intent: string;
    score: number;
  }
  export interface NlpResult {
    intent: string;
    score: number;
    classifications: NlpClassification[];
  }
  export class Nlp {
    constructor(settings?: Record<string, unknown>);
    use(plugin: unknown): void;
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<NlpResult>;
    export(minified?: boolean): string;
    import(data: string | object): void;
  }
}

declare module '@nlpjs/lang-pt' {
  export const LangPt: unknown;
  export class StemmerPt {
    stem(word: string): string;
  }
  export class StopwordsPt {
    dictionary: Record<string, boolean>;
  }
}
