// Whether a plural message gives the forms its language needs: one for every plural category a whole count takes,
// at most one for each category, none empty (src/protocol/plural.ts).
import { pluralCategories } from '../../../src/protocol/plural';

/** Whole counts that reach every category a language has for them (French "many" starts at a million). */
const WHOLE_COUNTS = [...Array.from({ length: 201 }, (_, n) => n), 1000, 1_000_000];

/** How many forms a message in `language` may give: English 2 to 2, Russian 3 to 4 ("other" is for fractions). */
export function formsAllowed(language: string): { min: number; max: number } {
  const categories = pluralCategories(language);
  const rules = new Intl.PluralRules(language);
  const last = Math.max(...WHOLE_COUNTS.map((n) => categories.indexOf(rules.select(n))));
  return { min: last + 1, max: categories.length };
}

/** What is wrong with `forms` (separated by "|") as a plural message in `language`; undefined when nothing. */
export function pluralFormsProblem(forms: string, language: string): string | undefined {
  const given = forms.split('|');
  const { min, max } = formsAllowed(language);
  if (given.length < min || given.length > max) {
    const needed = min === max ? `${min}` : `${min} to ${max}`;
    return `${given.length} forms where ${language} takes ${needed} (${pluralCategories(language).join('|')}): ${forms}`;
  }
  if (given.some((f) => f.trim() === '')) return `an empty form: ${forms}`;
  return undefined;
}
