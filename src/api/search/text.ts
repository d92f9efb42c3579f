// Words of a search text: lower-cased, split on anything that is not a letter or digit, stop words dropped,
// each reduced to its stem with the Snowball stemmer of its script (English for Latin, Russian for Cyrillic).
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as russianStem } from '@orama/stemmers/russian';

export interface Word {
  /** The word as typed, lower-cased, with ё read as е. */
  raw: string;
  stem: string;
}

// Words that carry no meaning in an operation title or a query ("client's" leaves a lone "s").
const STOP_WORDS = new Set([
  ...'a an the of to by for in on at with from or and is are be as its it this that these those s one all any my me i via per'.split(
    ' ',
  ),
  ...'на в во по для с со из к ко и или о об обо у за от до а не же ли как что это мне мой моя мои все всех всё его её их один одна одно при'.split(
    ' ',
  ),
  // Path parameters end in _id; "id" alone matches every operation.
  'id',
]);

const CYRILLIC = /[\u0400-\u04ff]/;
const SPLIT = /[^\p{L}\p{N}]+/u;
const stems = new Map<string, string>();

export function normalise(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

export function isStopWord(raw: string): boolean {
  return STOP_WORDS.has(raw);
}

/** The stem of one lower-cased word; memoised, since titles repeat the same few hundred words. */
export function stemOf(raw: string): string {
  let stem = stems.get(raw);
  if (stem === undefined) {
    if (/^\d+$/.test(raw)) stem = raw;
    else stem = CYRILLIC.test(raw) ? russianStem(raw) : englishStem(raw);
    // Snowball can cut a short word to nothing useful ("ля"); keep at least two letters.
    if (stem.length < 2) stem = raw;
    stems.set(raw, stem);
  }
  return stem;
}

/** The meaningful words of a text, in order, with their stems. */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const raw of normalise(text).split(SPLIT)) {
    if (raw === '' || STOP_WORDS.has(raw)) continue;
    out.push({ raw, stem: stemOf(raw) });
  }
  return out;
}
