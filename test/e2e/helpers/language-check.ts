// Whether text the extension shows is in the UI language: no phrase of its English catalogue (its own strings, the
// manifest's, the API's section names, summaries and field help) where the Russian differs, no English unit after a
// number, no class name of an error, and no sentence in Latin letters only once identifiers, paths, URLs, HTTP
// methods and status lines and the API values the test names are taken out. Plain Node: the e2e scenarios check
// what they collected from the page, and a unit test proves the check catches what it must.
import * as fs from 'fs';
import * as path from 'path';
import { loadCatalog } from '../../../src/api/catalog';
import { documentedFields } from '../../../src/api/catalog-fields';
import { loadRussianCatalogue } from '../../../src/api/catalog-l10n';
import { PLURAL_FORMS_COMMENT } from '../../../src/protocol/plural';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CYRILLIC = /[а-яё]/i;

/** Words that are English whatever the language shows: programming names of errors, unformatted values. */
const ALWAYS_ENGLISH = ['NetworkError', 'TypeError', 'AltegioError', 'Error:', '[object Object]', 'undefined', 'NaN'];

/** A number followed by an English unit word: "13 ms", "690 B", "5,1 KB". */
const ENGLISH_UNIT = /\d\s?(?:ms|sec|B|KB|MB|GB|bytes?)\b/;

/** What is not prose and may be Latin in any language. */
const NOT_PROSE = [
  /https?:\/\/\S+/g, // URLs
  /(?<![\w/])\/[\w{}/.\-[\]]*/g, // paths: /company/{location_id}/clients/search
  /\b[A-Za-z][\w-]*(?:[_.][\w-]+)+\b/g, // identifiers: location_id, altegio.productionReadOnly, get_chain_list
  /\b[a-z]+[A-Z]\w*\b/g, // camelCase
  /\b[1-5]\d\d(?: [A-Z][A-Za-z-]*)+/g, // HTTP status lines: 422 Unprocessable Entity
  /\b(?:GET|POST|PUT|PATCH|DELETE)\b/g,
  /\$[A-Z][A-Z_]+/g, // environment variables
  /[\w.+-]+@[\w-]+\.[\w.]+/g, // email addresses
  /\b[A-Z]{2,}\w*\b/g, // acronyms and codes: JSON, ECONNREFUSED, API
];

export interface LanguageProblem {
  text: string;
  why: string;
}

/** The phrases of the extension's English whose Russian differs, each at least two words long. */
export function englishPhrases(): string[] {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
  const message = (v: unknown) => (typeof v === 'string' ? v : (v as { message: string }).message);
  const pairs: [string, string][] = [];
  const pluralComment = `/${PLURAL_FORMS_COMMENT}`;
  for (const [english, russian] of Object.entries(read('l10n/bundle.l10n.ru.json')))
    pairs.push([english.endsWith(pluralComment) ? english.slice(0, -pluralComment.length) : english, message(russian)]);
  const nlsEnglish = read('package.nls.json');
  const nlsRussian = read('package.nls.ru.json');
  for (const [key, english] of Object.entries(nlsEnglish)) pairs.push([message(english), message(nlsRussian[key])]);
  const catalog = loadCatalog();
  const russian = loadRussianCatalogue();
  for (const section of catalog.sections)
    pairs.push([section.name, russian.sectionName(section.name) ?? ''], [section.description, '']);
  for (const op of catalog.operations) {
    pairs.push([op.summary, russian.summary(op.id) ?? '']);
    for (const field of documentedFields(op)) pairs.push([field.description, russian.field(op.id, field.key) ?? '']);
  }
  const allRussian = pairs.map(([, r]) => r).join('\n');
  const phrases = new Set<string>();
  for (const [english, translation] of pairs) {
    if (english === translation) continue;
    for (const fragment of fragments(english))
      if (!allRussian.includes(fragment) && fragment.split(' ').length >= 2) phrases.add(fragment);
  }
  return [...phrases];
}

/** The clauses of an English text between placeholders, markup and punctuation, keeping only real words. */
function fragments(text: string): string[] {
  return text
    .replace(/\]\([^)]*\)/g, '\n') // a link's target
    .split(/\{\d+\}|\$\([\w-]+\)|[[\]*`"«»\n:;,.!?()—–…|]|\s-\s/)
    .map((f) => f.trim())
    .filter((f) => /\b[a-z]{3,}\b/.test(f) && !/[/_{}@$#]/.test(f));
}

/**
 * The problems in these lines of text: a phrase of `phrases`, an English unit, an error class name, or a sentence
 * in Latin letters only with two or more lowercase words. `apiValues` (names from the API, Altegio's own messages)
 * are taken out first.
 */
export function findEnglish(lines: string[], phrases: string[], apiValues: string[] = []): LanguageProblem[] {
  const problems: LanguageProblem[] = [];
  const values = [...apiValues].filter(Boolean).sort((a, b) => b.length - a.length);
  for (const raw of lines) {
    let text = raw.replace(/\s+/g, ' ').trim();
    for (const v of values) text = text.split(v).join(' ');
    if (!text) continue;
    const phrase = phrases.find((p) => containsWords(text, p));
    if (phrase) {
      problems.push({ text: raw, why: `English phrase "${phrase}"` });
      continue;
    }
    const word = ALWAYS_ENGLISH.find((w) => text.includes(w));
    if (word) {
      problems.push({ text: raw, why: `"${word}"` });
      continue;
    }
    if (ENGLISH_UNIT.test(text)) {
      problems.push({ text: raw, why: 'an English unit after a number' });
      continue;
    }
    let prose = text;
    for (const pattern of NOT_PROSE) prose = prose.replace(pattern, ' ');
    for (const sentence of prose.split(/[.!?;:—–·|]\s|\n/)) {
      if (CYRILLIC.test(sentence)) continue;
      const words = sentence.match(/[A-Za-z][A-Za-z']*/g) ?? [];
      const lower = words.filter((w) => /^[a-z]{2,}$/.test(w));
      if (words.length >= 3 && lower.length >= 2) {
        problems.push({ text: raw, why: `a sentence in Latin letters: "${sentence.trim()}"` });
        break;
      }
    }
  }
  return problems;
}

function containsWords(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text[at - 1];
    const after = text[at + phrase.length];
    if (!(before && /\w/.test(before)) && !(after && /\w/.test(after))) return true;
  }
  return false;
}
