// What every field of a form reads and calls: the strings, the issues by key, the lookups and the actions.
// The app passes one context object down; a new object each render makes the fields re-render.
import type { FormLocation } from '../../src/api/form-types';
import type { FieldIssue, LookupOptionView } from '../../src/protocol/form-protocol';
import type { FormStrings } from '../../src/protocol/form-strings';
import type { Segment } from './values';

export interface LookupState {
  status: 'loading' | 'ready' | 'unavailable' | 'error';
  options: LookupOptionView[];
  message?: string;
  term?: string;
}

export interface FormContext {
  strings: FormStrings;
  issues: ReadonlyMap<string, FieldIssue[]>;
  /** Keys the user has edited or left: only there are "is required" issues shown before a send attempt. */
  touched: ReadonlySet<string>;
  revealAll: boolean;
  lookups: ReadonlyMap<string, LookupState>;
  /** Chosen files by field key: the label to show. */
  files: ReadonlyMap<string, string>;
  disabled: boolean;
  change(location: FormLocation, segments: Segment[], value: unknown): void;
  touch(key: string): void;
  search(field: string, term: string): void;
  reloadLookup(field: string): void;
  chooseFile(key: string): void;
}

/** The issues shown next to a field: invalid values at once, missing ones once touched or after a send attempt. */
export function visibleIssues(ctx: FormContext, key: string): FieldIssue[] {
  const all = ctx.issues.get(key) ?? [];
  if (ctx.revealAll || ctx.touched.has(key)) return all;
  return all.filter((i) => !i.missing);
}
