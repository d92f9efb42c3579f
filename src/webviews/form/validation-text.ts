// Validation problems in the user's language. The core (src/api/validation.ts) cannot import vscode, so it
// reports each problem as a rule with arguments; the host words it here.
import * as vscode from 'vscode';
import type { FieldError } from '../../api/validation';

export function localiseFieldError(e: FieldError): string {
  const [field = '', a = '', ...rest] = e.args;
  switch (e.rule) {
    case 'required':
      return vscode.l10n.t('{0} is required', field);
    case 'bodyRequired':
      return vscode.l10n.t('A request body is required');
    case 'type':
      return vscode.l10n.t(
        '{0} must be {1}',
        field,
        [a, ...rest].map(typeWord).reduce((x, y) => vscode.l10n.t('{0} or {1}', x, y)),
      );
    case 'phone':
      return vscode.l10n.t('{0} must be 9 to 15 digits (a leading + is allowed)', field);
    case 'phoneNumber':
      return vscode.l10n.t('{0} must be 9 to 15 digits', field);
    case 'format':
      return vscode.l10n.t('{0} must be {1}', field, formatWord(a));
    case 'digits':
      return vscode.l10n.t('{0} must contain digits only', field);
    case 'pattern':
      return vscode.l10n.t('{0} must match the pattern {1}', field, a);
    case 'enum':
      return vscode.l10n.t('{0} must be one of: {1}', field, a);
    case 'const':
      return vscode.l10n.t('{0} must be {1}', field, a);
    case 'minimum':
      return vscode.l10n.t('{0} must be at least {1}', field, a);
    case 'exclusiveMinimum':
      return vscode.l10n.t('{0} must be greater than {1}', field, a);
    case 'maximum':
      return vscode.l10n.t('{0} must be at most {1}', field, a);
    case 'exclusiveMaximum':
      return vscode.l10n.t('{0} must be less than {1}', field, a);
    case 'multipleOf':
      return vscode.l10n.t('{0} must be a multiple of {1}', field, a);
    case 'notEmpty':
      return vscode.l10n.t('{0} must not be empty', field);
    case 'minLength':
      return vscode.l10n.t('{0} must be at least {1} characters long', field, a);
    case 'maxLength':
      return vscode.l10n.t('{0} must be at most {1} characters long', field, a);
    case 'minItems':
      return vscode.l10n.t('{0} must have at least {1} items', field, a);
    case 'maxItems':
      return vscode.l10n.t('{0} must have at most {1} items', field, a);
    case 'uniqueItems':
      return vscode.l10n.t('{0} must not contain the same item twice', field);
    case 'unknownField':
      return vscode.l10n.t('{0} is not a known field', field);
    case 'noForm':
      return vscode.l10n.t('{0} does not match any of the allowed forms', field);
    case 'notAllowed':
      return vscode.l10n.t('{0} is not allowed', field);
    case 'other':
      return e.message;
  }
}

function typeWord(type: string): string {
  switch (type) {
    case 'integer':
      return vscode.l10n.t('an integer');
    case 'number':
      return vscode.l10n.t('a number');
    case 'string':
      return vscode.l10n.t('text');
    case 'boolean':
      return vscode.l10n.t('true or false');
    case 'array':
      return vscode.l10n.t('a list');
    case 'object':
      return vscode.l10n.t('an object');
    default:
      return type;
  }
}

function formatWord(format: string): string {
  switch (format) {
    case 'date':
      return vscode.l10n.t('a date like 2026-03-05');
    case 'date-time':
      return vscode.l10n.t('a date and time like 2026-03-05T10:00:00-05:00');
    case 'time':
      return vscode.l10n.t('a time like 10:00:00');
    case 'email':
      return vscode.l10n.t('an email address');
    case 'uri':
    case 'url':
      return vscode.l10n.t('a URL');
    default:
      return vscode.l10n.t('in the "{0}" format', format);
  }
}
