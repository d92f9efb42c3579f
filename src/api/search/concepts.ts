// Finds the concepts of the lexicon in a run of words: phrases first ("team member" before "member"), and
// Russian words also by a shorter stem, because Snowball stems some forms of one noun differently
// (запись → «зап», записи → «запис»; филиал → «филиа», филиалы → «филиал»).
import { CONCEPTS } from './lexicon';
import { wordsOf, type Word } from './text';

interface Phrase {
  stems: string[];
  concept: string;
}

export interface ConceptMatch {
  /** Index of the first word and how many words the phrase took. */
  start: number;
  length: number;
  concepts: string[];
}

const CYRILLIC = /[\u0400-\u04ff]/;

/** The stem and, for Russian words, the stem cut by one or two letters (never below three). */
export function stemKeys(word: Word): string[] {
  const keys = [word.stem];
  if (CYRILLIC.test(word.stem)) {
    for (let cut = 1; cut <= 2 && word.stem.length - cut >= 3; cut++) keys.push(word.stem.slice(0, -cut));
  }
  return keys;
}

export class ConceptMatcher {
  /** Phrases by the stem of their first word, longest first. */
  private readonly byFirst = new Map<string, Phrase[]>();

  constructor() {
    for (const concept of CONCEPTS) {
      for (const term of concept.terms) {
        const stems = wordsOf(term).map((w) => w.stem);
        if (stems.length === 0) continue;
        const list = this.byFirst.get(stems[0]) ?? [];
        list.push({ stems, concept: concept.id });
        this.byFirst.set(stems[0], list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  }

  /** Concept matches over the words, left to right, each word in at most one match. */
  match(words: readonly Word[]): ConceptMatch[] {
    const keys = words.map(stemKeys);
    const out: ConceptMatch[] = [];
    let i = 0;
    while (i < words.length) {
      let best: { length: number; concepts: Set<string> } | undefined;
      for (const key of keys[i]) {
        for (const phrase of this.byFirst.get(key) ?? []) {
          const n = phrase.stems.length;
          if (best && n < best.length) continue;
          if (i + n > words.length) continue;
          let ok = true;
          for (let k = 1; k < n && ok; k++) ok = keys[i + k].includes(phrase.stems[k]);
          if (!ok) continue;
          if (!best || n > best.length) best = { length: n, concepts: new Set() };
          best.concepts.add(phrase.concept);
        }
      }
      if (best) {
        out.push({ start: i, length: best.length, concepts: [...best.concepts] });
        i += best.length;
      } else i++;
    }
    return out;
  }
}
