// Text matching shared by the helpers: a string means "exactly this text" (after trimming), a RegExp is used as is.

export type TextMatch = string | RegExp;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A RegExp that matches the whole (trimmed) text of an element. */
export function exactly(text: TextMatch): RegExp {
  return typeof text === 'string' ? new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) : text;
}

/** A RegExp that matches when the element's text contains `text`. */
export function containing(text: TextMatch): RegExp {
  return typeof text === 'string' ? new RegExp(escapeRegExp(text)) : text;
}

/** Selector-safe quoting for attribute values. */
export function cssString(value: string): string {
  return JSON.stringify(value);
}
