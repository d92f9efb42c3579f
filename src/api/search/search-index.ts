// Word search over the operations of the catalog, for the command palette, the API tree filter and the
// Copilot tools. Built once from compact records (no schemas); a query then costs a few map look-ups per word.
//
// A query word matches an operation when its stem, a concept it belongs to (see lexicon.ts), or a stem it
// starts (typing in progress) appears in the operation's summary (English or Russian), section name, id,
// path or method. Every word must match; words that match no operation at all are ignored and reported.
// Rarer words weigh more (IDF), a summary weighs more than a path, a word near the start of a summary (its
// object) more than one further on, short summaries beat long ones, and destructive operations sink below
// safe ones unless the query asks to delete, cancel or change something.
import { ConceptMatcher, stemKeys } from './concepts';
import { ACTION_CONCEPTS, DESTRUCTIVE_INTENT, IMPLIED_ACTIONS, METHOD_CONCEPTS } from './lexicon';
import { normalise, wordsOf, type Word } from './text';

/** What the search needs to know of one operation: the compact catalog index has exactly this. */
export interface SearchRecord {
  id: string;
  method: string;
  path: string;
  summary: string;
  /** The section (OpenAPI tag). */
  tag: string;
  destructive: boolean;
  deprecated: boolean;
  /** Only reads (GETs, and the few POSTs that search); defaults to "method is GET". */
  readOnly?: boolean;
  summaryRu?: string;
  tagRu?: string;
}

export interface SearchHit<R extends SearchRecord = SearchRecord> {
  record: R;
  score: number;
}

export interface SearchResult<R extends SearchRecord = SearchRecord> {
  /** Best first. Empty when nothing matched: the UI offers to open the API tree instead. */
  hits: SearchHit<R>[];
  /** Words of the query that match no operation at all; the search went on without them. */
  ignoredWords: string[];
  /** No operation matched every remaining word; the hits are those that matched the most. */
  partial: boolean;
}

export interface SearchOptions {
  limit?: number;
}

const enum Field {
  Summary,
  SummaryRu,
  Tag,
  TagRu,
  Id,
  Path,
  Method,
}
const FIELD_WEIGHTS = [3, 3, 2, 2, 2.5, 1.5, 1];
const FIELD_COUNT = FIELD_WEIGHTS.length;
const SUMMARY_FIELDS = (1 << Field.Summary) | (1 << Field.SummaryRu);

/** How well a kind of match counts, relative to the word's own stem. */
const MATCH = {
  concept: 0.9,
  shorterStem: 0.85,
  prefix: 0.7,
  /** A plural for a plural: "clients" matches "List clients" a little better than "Get a client". */
  sameNumber: 1.15,
  /** A word that only qualifies another in a set phrase: "booking" in "booking widget", "group" in "group event". */
  modifier: 0.5,
} as const;

/** How an operation's score is weighed beyond its words. */
const RANK = {
  destructive: 0.5,
  deprecated: 0.8,
  /** A query of nouns only ("clients", «сотрудники») most likely wants to look, not to change… */
  readForNouns: 1.15,
  /** …and a plural ("clients", «записи») most likely a list. */
  listForPlurals: 1.25,
  /** An action implied by a verb ("book" → create) that the operation does. */
  impliedAction: 1.3,
  /** Up to this much more when every query word is the first word of the summary. */
  leadBonus: 0.3,
  lengthPenalty: 0.02,
  exactId: 3,
} as const;

const CONCEPT = '#';
const PLURAL = '+';
const MODIFIER = '~';

interface Posting {
  records: Int32Array;
  masks: Uint8Array;
}

interface QueryTerm {
  text: string;
  words: Word[];
  concepts: string[];
}

interface Alternative {
  token: string;
  quality: number;
  /** Completions of a prefix share one weight, so a rare completion ("clone" for "cl") does not win by rarity. */
  sharedIdf?: number;
}

export class CatalogSearchIndex<R extends SearchRecord = SearchRecord> {
  private readonly postings = new Map<string, Posting>();
  /** Word stems (no concepts or marked forms), sorted, for prefix look-ups while the user types. */
  private readonly vocabulary: string[];
  private readonly lengthFactor: Float64Array;
  /** Operations that list or search (their title or id says so). */
  private readonly isList: Uint8Array;
  /** Per operation: each summary token's first position among the summary's words. */
  private readonly positions: Map<string, number>[];
  private readonly ids = new Map<string, number>();
  private readonly matcher = new ConceptMatcher();

  constructor(readonly records: readonly R[]) {
    const building = new Map<string, Map<number, number>>();
    const add = (token: string, record: number, field: Field): void => {
      let byRecord = building.get(token);
      if (!byRecord) building.set(token, (byRecord = new Map()));
      byRecord.set(record, (byRecord.get(record) ?? 0) | (1 << field));
    };
    this.lengthFactor = new Float64Array(records.length);
    this.isList = new Uint8Array(records.length);
    this.positions = records.map(() => new Map());
    records.forEach((r, i) => {
      this.ids.set(r.id, i);
      const texts: [Field, string | undefined][] = [
        [Field.Summary, r.summary],
        [Field.SummaryRu, r.summaryRu],
        [Field.Tag, r.tag],
        [Field.TagRu, r.tagRu],
        [Field.Id, r.id.replace(/_/g, ' ')],
        // Literal segments only: {location_id} is in almost every path and says nothing.
        [Field.Path, literalSegments(r.path)],
        [Field.Method, r.method],
      ];
      // What the summary's phrases make of a word ("medical card") is what that word means in the path too.
      const named = new Map<string, Set<string>>();
      for (const [field, text] of texts) {
        if (text) this.indexText(text, i, field, add, named);
      }
      for (const c of METHOD_CONCEPTS[r.method.toUpperCase()] ?? []) add(CONCEPT + c, i, Field.Method);
      const lists = building.get(CONCEPT + 'search')?.get(i) ?? 0;
      this.isList[i] = lists & (SUMMARY_FIELDS | (1 << Field.Id)) ? 1 : 0;
      const length = Math.max(wordsOf(r.summary).length, r.summaryRu ? wordsOf(r.summaryRu).length : 0);
      this.lengthFactor[i] = 1 / (1 + RANK.lengthPenalty * length);
    });
    for (const [token, byRecord] of building) {
      const list: Posting = { records: new Int32Array(byRecord.size), masks: new Uint8Array(byRecord.size) };
      let k = 0;
      for (const [record, mask] of byRecord) {
        list.records[k] = record;
        list.masks[k++] = mask;
      }
      this.postings.set(token, list);
    }
    this.vocabulary = [...this.postings.keys()].filter((t) => !MARKS.has(t[0])).sort();
  }

  search(query: string, options: SearchOptions = {}): SearchResult<R> {
    const limit = options.limit ?? Infinity;
    const terms = this.parse(query);
    if (terms.length === 0) {
      return {
        hits: this.records.slice(0, limit).map((record) => ({ record, score: 0 })),
        ignoredWords: [],
        partial: false,
      };
    }
    const n = this.records.length;
    const total = new Float64Array(n);
    const coverage = new Uint16Array(n);
    // Per operation and field, the best match of the current term; a term's score adds up its fields.
    const fieldBest = new Float64Array(n * FIELD_COUNT);
    const touched: number[] = [];
    const ignoredWords: string[] = [];
    const activeAlternatives: Alternative[][] = [];
    for (const term of terms) {
      fieldBest.fill(0);
      touched.length = 0;
      const alternatives = this.alternatives(term);
      for (const alt of alternatives) this.scoreAlternative(alt, fieldBest, touched);
      if (touched.length === 0) {
        ignoredWords.push(term.text);
        continue;
      }
      activeAlternatives.push(alternatives);
      for (const i of new Set(touched)) {
        total[i] += combineFields(fieldBest, i * FIELD_COUNT);
        coverage[i]++;
      }
    }
    let best = 0;
    for (let i = 0; i < n; i++) if (coverage[i] > best) best = coverage[i];
    if (best === 0) return { hits: [], ignoredWords, partial: false };

    const concepts = new Set(terms.flatMap((t) => t.concepts));
    const destructiveIntent = [...concepts].some((c) => DESTRUCTIVE_INTENT.has(c));
    const nounsOnly = ![...concepts].some((c) => ACTION_CONCEPTS.has(c));
    const wantsList = nounsOnly && terms.some((t) => t.words.some(isPlural));
    const implied = terms.flatMap((t) => t.words.map((w) => IMPLIED_ACTIONS[w.raw])).filter((c) => c !== undefined);
    const exactId = this.ids.get(
      normalise(query)
        .trim()
        .replace(/[\s-]+/g, '_'),
    );
    const hits: SearchHit<R>[] = [];
    for (let i = 0; i < n; i++) {
      if (coverage[i] !== best) continue;
      const r = this.records[i];
      let score = total[i] * this.lengthFactor[i] * (1 + RANK.leadBonus * this.lead(i, activeAlternatives));
      if (r.destructive && !destructiveIntent) score *= RANK.destructive;
      if (r.deprecated) score *= RANK.deprecated;
      if (nounsOnly && !implied.length && (r.readOnly ?? r.method.toUpperCase() === 'GET')) score *= RANK.readForNouns;
      if (wantsList && this.isList[i]) score *= RANK.listForPlurals;
      if (implied.some((c) => this.has(CONCEPT + c, i))) score *= RANK.impliedAction;
      if (exactId === i) score *= RANK.exactId;
      hits.push({ record: r, score });
    }
    // Array.prototype.sort is stable: equal scores keep the documentation's order.
    hits.sort((a, b) => b.score - a.score);
    return { hits: hits.slice(0, limit), ignoredWords, partial: best < activeAlternatives.length };
  }

  private indexText(
    text: string,
    record: number,
    field: Field,
    add: (token: string, record: number, field: Field) => void,
    named: Map<string, Set<string>>,
  ): void {
    const words = wordsOf(text);
    const modifiers = new Set<number>();
    for (const m of this.matcher.match(words)) {
      const plural = words.slice(m.start, m.start + m.length).some(isPlural);
      const phrase = words.slice(m.start, m.start + m.length).map((w) => w.stem);
      if (field === Field.Summary && m.length > 1)
        for (const stem of phrase)
          for (const c of m.concepts) (named.get(stem) ?? named.set(stem, new Set()).get(stem)!).add(c);
      // A path's "cards" under /medicine/ is the summary's medical card, not the loyalty card "card" alone means.
      const meant = field === Field.Path && m.length === 1 ? named.get(phrase[0]) : undefined;
      for (const c of m.concepts) {
        if (meant && !meant.has(c)) continue;
        add(CONCEPT + c, record, field);
        if (plural) add(PLURAL + CONCEPT + c, record, field);
      }
      if (field === Field.Summary || field === Field.SummaryRu) this.notePosition(record, CONCEPT, m.concepts, m.start);
      // In "booking widget" the widget is the thing; "booking" alone would be an appointment.
      if (m.length > 1) {
        for (let k = m.start; k < m.start + m.length; k++) {
          const own = this.matcher.match([words[k]])[0]?.concepts ?? [];
          if (!own.some((c) => m.concepts.includes(c))) modifiers.add(k);
        }
      }
    }
    words.forEach((w, k) => {
      const token = modifiers.has(k) ? MODIFIER + w.stem : w.stem;
      add(token, record, field);
      if (isPlural(w)) add(PLURAL + w.stem, record, field);
      if (field === Field.Summary || field === Field.SummaryRu) this.notePosition(record, '', [token, w.stem], k);
    });
  }

  private notePosition(record: number, mark: string, tokens: readonly string[], position: number): void {
    const positions = this.positions[record];
    for (const t of tokens) if (!positions.has(mark + t)) positions.set(mark + t, position);
  }

  /** How close to the start of the summary the query's words are, 0…1 (1: each is the first word). */
  private lead(record: number, terms: readonly Alternative[][]): number {
    const positions = this.positions[record];
    let sum = 0;
    for (const alternatives of terms) {
      let first = Infinity;
      for (const alt of alternatives) {
        const p = positions.get(alt.token.startsWith(PLURAL) ? alt.token.slice(1) : alt.token);
        if (p !== undefined && p < first) first = p;
      }
      if (first !== Infinity) sum += 1 / (1 + first);
    }
    return sum / terms.length;
  }

  private has(token: string, record: number): boolean {
    const p = this.postings.get(token);
    return p !== undefined && p.records.includes(record);
  }

  /** Query words grouped into terms: a phrase of the lexicon ("team members") is one term. */
  private parse(query: string): QueryTerm[] {
    const words = wordsOf(query);
    const single = (w: Word): QueryTerm => ({
      text: w.raw,
      words: [w],
      concepts: this.matcher.match([w])[0]?.concepts ?? [],
    });
    const terms: QueryTerm[] = [];
    let i = 0;
    for (const m of this.matcher.match(words)) {
      for (; i < m.start; i++) terms.push(single(words[i]));
      const phrase = words.slice(m.start, m.start + m.length);
      terms.push({ text: phrase.map((w) => w.raw).join(' '), words: phrase, concepts: m.concepts });
      i = m.start + m.length;
    }
    for (; i < words.length; i++) terms.push(single(words[i]));
    return terms;
  }

  private alternatives(term: QueryTerm): Alternative[] {
    // A phrase of the lexicon matches as its concept, fully: that is what it means.
    if (term.words.length > 1) {
      const plural = term.words.some(isPlural);
      return term.concepts.flatMap((c) => [
        { token: CONCEPT + c, quality: 1 },
        ...(plural ? [{ token: PLURAL + CONCEPT + c, quality: MATCH.sameNumber }] : []),
      ]);
    }
    const word = term.words[0];
    const out: Alternative[] = [
      { token: word.stem, quality: 1 },
      { token: MODIFIER + word.stem, quality: MATCH.modifier },
    ];
    for (const c of term.concepts) out.push({ token: CONCEPT + c, quality: MATCH.concept });
    if (isPlural(word)) {
      out.push({ token: PLURAL + word.stem, quality: MATCH.sameNumber });
      for (const c of term.concepts)
        out.push({ token: PLURAL + CONCEPT + c, quality: MATCH.concept * MATCH.sameNumber });
    }
    for (const key of stemKeys(word).slice(1)) out.push({ token: key, quality: MATCH.shorterStem });
    // Typing in progress: "loyal" → loyalty, «клие» → клиент. Two letters at least, or everything matches.
    const completions = new Set<string>();
    for (const prefix of new Set([word.raw, word.stem])) {
      if (prefix.length < 2) continue;
      for (const token of this.withPrefix(prefix)) if (token !== word.stem) completions.add(token);
    }
    if (completions.size > 0) {
      // Weighted as "any word starting so", the whole word included: "клиент" → клиентский is no rarer than клиент.
      let df = this.postings.get(word.stem)?.records.length ?? 0;
      for (const token of completions) df += this.postings.get(token)!.records.length;
      const sharedIdf = Math.log(1 + this.records.length / Math.min(df, this.records.length));
      for (const token of completions) out.push({ token, quality: MATCH.prefix, sharedIdf });
    }
    return out;
  }

  private withPrefix(prefix: string): string[] {
    const v = this.vocabulary;
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (v[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < v.length && v[i].startsWith(prefix); i++) out.push(v[i]);
    return out;
  }

  /** Raises each operation's per-field score for the term to what this alternative gives it. */
  private scoreAlternative(alt: Alternative, fieldBest: Float64Array, touched: number[]): void {
    const p = this.postings.get(alt.token);
    if (!p) return;
    const weight = alt.quality * (alt.sharedIdf ?? Math.log(1 + this.records.length / p.records.length));
    for (let k = 0; k < p.records.length; k++) {
      const base = p.records[k] * FIELD_COUNT;
      const mask = p.masks[k];
      for (let f = 0; f < FIELD_COUNT; f++) {
        if (mask & (1 << f) && weight > fieldBest[base + f]) fieldBest[base + f] = weight;
      }
      touched.push(p.records[k]);
    }
  }
}

const MARKS = new Set([CONCEPT, PLURAL, MODIFIER]);

function literalSegments(path: string): string {
  return path
    .split('/')
    .filter((s) => !s.includes('{'))
    .join(' ');
}

/** An inflected plural: English "-s" words, Russian words whose plural ending the stemmer removed. */
function isPlural(w: Word): boolean {
  if (w.stem === w.raw) return false;
  if (/^[a-z]+$/.test(w.raw)) return w.raw.length > 3 && w.raw.endsWith('s') && !w.raw.endsWith('ss');
  return /(ы|и|ов|ев|ей|ам|ям|ами|ями|ах|ях)$/.test(w.raw);
}

/** A term's score in one operation: its best field, plus a little for each other field that also has it. */
function combineFields(fieldBest: Float64Array, base: number): number {
  let best = 0;
  let sum = 0;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const v = fieldBest[base + f] * FIELD_WEIGHTS[f];
    sum += v;
    if (v > best) best = v;
  }
  return best + 0.3 * (sum - best);
}
