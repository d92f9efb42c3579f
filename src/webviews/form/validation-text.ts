// Validation problems in the user's language. The core (src/api/validation.ts) cannot import vscode, so it
// reports each problem as a rule with arguments; the host words it here.
import * as vscode from 'vscode';
import type { FieldError, ValidationRule } from '../../api/validation';

/** Each rule's sentence, from the field's name, the rule's first argument and all its arguments. */
const RULE_TEXT: Record<Exclude<ValidationRule, 'other'>, (field: string, a: string, args: string[]) => string> = {
  required: (field) => vscode.l10n.t('{0} is required', field),
  bodyRequired: () => vscode.l10n.t('A request body is required'),
  type: (field, _a, types) =>
    vscode.l10n.t(
      '{0} must be {1}',
      field,
      types.map(typeWord).reduce((x, y) => vscode.l10n.t('{0} or {1}', x, y)),
    ),
  phone: (field) => vscode.l10n.t('{0} must be 9 to 15 digits (a leading + is allowed)', field),
  phoneNumber: (field) => vscode.l10n.t('{0} must be 9 to 15 digits', field),
  format: (field, a) => vscode.l10n.t('{0} must be {1}', field, formatWord(a)),
  digits: (field) => vscode.l10n.t('{0} must contain digits only', field),
  pattern: (field, a) => vscode.l10n.t('{0} must match the pattern {1}', field, a),
  enum: (field, a) => vscode.l10n.t('{0} must be one of: {1}', field, a),
  const: (field, a) => vscode.l10n.t('{0} must be {1}', field, a),
  minimum: (field, a) => vscode.l10n.t('{0} must be at least {1}', field, a),
  exclusiveMinimum: (field, a) => vscode.l10n.t('{0} must be greater than {1}', field, a),
  maximum: (field, a) => vscode.l10n.t('{0} must be at most {1}', field, a),
  exclusiveMaximum: (field, a) => vscode.l10n.t('{0} must be less than {1}', field, a),
  multipleOf: (field, a) => vscode.l10n.t('{0} must be a multiple of {1}', field, a),
  notEmpty: (field) => vscode.l10n.t('{0} must not be empty', field),
  minLength: (field, a) => vscode.l10n.t('{0} must be at least {1} characters long', field, a),
  maxLength: (field, a) => vscode.l10n.t('{0} must be at most {1} characters long', field, a),
  minItems: (field, a) => vscode.l10n.t('{0} must have at least {1} items', field, a),
  maxItems: (field, a) => vscode.l10n.t('{0} must have at most {1} items', field, a),
  uniqueItems: (field) => vscode.l10n.t('{0} must not contain the same item twice', field),
  unknownField: (field) => vscode.l10n.t('{0} is not a known field', field),
  noForm: (field) => vscode.l10n.t('{0} does not match any of the allowed forms', field),
  notAllowed: (field) => vscode.l10n.t('{0} is not allowed', field),
};

/** JSON Schema's type names as words; an unknown one is shown as it is. */
const TYPE_WORDS: Record<string, () => string> = {
  integer: () => vscode.l10n.t('an integer'),
  number: () => vscode.l10n.t('a number'),
  string: () => vscode.l10n.t('text'),
  boolean: () => vscode.l10n.t('true or false'),
  array: () => vscode.l10n.t('a list'),
  object: () => vscode.l10n.t('an object'),
};

/** String formats as an example of the expected value; an unknown one is named. */
const FORMAT_WORDS: Record<string, () => string> = {
  date: () => vscode.l10n.t('a date like 2026-03-05'),
  'date-time': () => vscode.l10n.t('a date and time like 2026-03-05T10:00:00-05:00'),
  time: () => vscode.l10n.t('a time like 10:00:00'),
  email: () => vscode.l10n.t('an email address'),
  uri: () => vscode.l10n.t('a URL'),
  url: () => vscode.l10n.t('a URL'),
};

export function localiseFieldError(e: FieldError): string {
  if (e.rule === 'other') return e.message;
  const [field = '', a = '', ...rest] = e.args;
  return RULE_TEXT[e.rule](field, a, [a, ...rest]);
}

function typeWord(type: string): string {
  return Object.hasOwn(TYPE_WORDS, type) ? TYPE_WORDS[type]() : type;
}

function formatWord(format: string): string {
  return Object.hasOwn(FORMAT_WORDS, format) ? FORMAT_WORDS[format]() : vscode.l10n.t('in the "{0}" format', format);
}
