// Phones as Altegio wants them: digits only, country code included ("+1 (917) 555-0114" → "19175550114").
// People copy phones with a plus, spaces, dashes, dots and brackets; those are dropped, anything else is kept
// so that validation can name it instead of the form silently changing what was typed.

const DECORATION = /[\s\-().+\u00a0\u2010-\u2015]/g;

/** The digits of a phone as typed, or the trimmed text unchanged when it holds more than digits and decoration. */
export function normalisePhone(text: string): string {
  const trimmed = text.trim();
  const digits = trimmed.replace(DECORATION, '');
  return /^\d+$/.test(digits) && !/\+.*\+/.test(trimmed) ? digits : trimmed;
}

/** Whether a phone as typed differs from what is sent (so the form can show both). */
export function phoneWasNormalised(text: string): boolean {
  return text.trim() !== '' && normalisePhone(text) !== text.trim();
}
