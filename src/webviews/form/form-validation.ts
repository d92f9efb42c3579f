// Validation of a form's values in the host (Ajv cannot run under the webview's CSP): the schema's errors
// as issues placed next to their fields, phone problems worded the way the API expects phones, and
// Altegio's own field errors (meta.errors) placed the same way.
import type { OperationSpec } from '../../api/catalog';
import {
  fieldKey,
  requestValues,
  type FormField,
  type FormLocation,
  type FormModel,
  type FormValues,
} from '../../api/form-model';
import { validation } from '../../api/lazy-validation';
import type { FieldError } from '../../api/validation';
import type { FieldIssue } from '../../protocol/form-protocol';

export interface IssueTexts {
  /** A phone that is not 9 to 15 digits; `{0}` is the field's name. */
  phone: string;
  /** Words a schema problem in the user's language (the host passes vscode.l10n-backed wording). */
  describe(error: FieldError): string;
}

export function formIssues(op: OperationSpec, model: FormModel, values: FormValues, texts: IssueTexts): FieldIssue[] {
  const errors = validation().validateRequest(op, requestValues(model, values));
  return errors.map((e) => {
    const field = findField(model, e.location, e.field);
    let message = texts.describe(e);
    if (field?.kind === 'phone' && e.kind === 'invalid') message = texts.phone.replace('{0}', e.field);
    return { key: fieldKey(e.location, e.field), message, source: 'schema' as const, missing: e.kind === 'missing' };
  });
}

/** Altegio's `meta.errors` (`{ field: [messages] }`) as issues next to the fields they name. */
export function serverIssues(model: FormModel, fieldErrors: Record<string, string[]>): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const [name, messages] of Object.entries(fieldErrors)) {
    const location: FormLocation = model.pathFields.some((f) => f.name === name)
      ? 'path'
      : model.queryFields.some((f) => f.name === name)
        ? 'query'
        : 'body';
    const field = location === 'body' && !findField(model, 'body', name) ? '' : name;
    // Altegio's messages often start with the field ("phone must be…"); otherwise the field is put first.
    for (const message of messages)
      out.push({
        key: fieldKey(location, field),
        message: message.startsWith(name) ? message : `${name}: ${message}`,
        source: 'server',
        missing: false,
      });
  }
  return out;
}

/** The model's field at a dotted path with indexes (`services[0].id`), or undefined. */
export function findField(model: FormModel, location: FormLocation, path: string): FormField | undefined {
  const names = path
    .replace(/\[\d+\]/g, '.[]')
    .split('.')
    .filter(Boolean);
  let fields: FormField[] =
    location === 'path' ? model.pathFields : location === 'query' ? model.queryFields : (model.body?.fields ?? []);
  let current: FormField | undefined;
  if (location === 'body' && model.body?.shape === 'array') {
    current = fields[0];
    fields = [];
  }
  for (const name of names) {
    if (name === '[]') {
      current = current?.item;
      fields = current?.fields ?? [];
      continue;
    }
    current = fields.find((f) => f.name === name);
    if (!current) return undefined;
    fields = current.fields ?? [];
  }
  return current;
}
