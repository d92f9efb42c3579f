// A few lines that say what an answer contains (an issued card's number, type, balance, points and programs),
// read from the documented success schema's order and required fields. Plain data: no vscode.
import type { JsonSchema, OperationSpec } from '../../api/catalog';
import { maskSensitiveFields } from '../../api/sensitive';
import type { SummaryItem } from '../../protocol/form-protocol';

const MAX_ITEMS = 10;
const MAX_TEXT = 200;

export function summarizeResult(
  op: OperationSpec,
  data: unknown,
  texts: { items: (count: number) => string; none: string },
): SummaryItem[] {
  const value = maskSensitiveFields(data);
  if (Array.isArray(value)) return [{ label: texts.items(value.length), value: preview(value, texts.none) }];
  if (value === null || typeof value !== 'object')
    return value === undefined ? [] : [{ label: 'data', value: cut(String(value)) }];
  const record = value as Record<string, unknown>;
  const schema = dataSchema(op);
  const props = schema?.properties ?? {};
  const required = new Set(schema?.required ?? []);
  const keys = [...new Set([...Object.keys(props), ...Object.keys(record)])].filter((k) => k in record);
  const rank = (k: string): number => {
    const v = record[k];
    if (required.has(k)) return 0;
    if (v !== null && typeof v === 'object' && title(v) !== undefined) return 1;
    if (Array.isArray(v)) return 1;
    return v !== null && typeof v === 'object' ? 3 : 2;
  };
  return keys
    .filter(
      (k) =>
        record[k] !== null &&
        record[k] !== undefined &&
        (typeof record[k] !== 'object' || Array.isArray(record[k]) || title(record[k]) !== undefined),
    )
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, MAX_ITEMS)
    .map((k) => {
      const v = record[k];
      const description = props[k]?.description;
      return {
        label: k,
        value: Array.isArray(v) ? preview(v, texts.none) : typeof v === 'object' ? title(v)! : cut(String(v)),
        ...(description ? { description } : {}),
      };
    });
}

function dataSchema(op: OperationSpec): JsonSchema | undefined {
  const schema = op.success.schema;
  return op.enveloped ? schema?.properties?.data : schema;
}

function title(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const r = v as Record<string, unknown>;
  const name = r.title ?? r.name;
  if (typeof name !== 'string' && typeof name !== 'number') return undefined;
  return r.id !== undefined ? `${name} (#${String(r.id)})` : String(name);
}

function preview(list: unknown[], none: string): string {
  if (list.length === 0) return none;
  const parts = list.slice(0, 5).map((v) => title(v) ?? (typeof v === 'object' ? JSON.stringify(v) : String(v)));
  return cut(parts.join(', ') + (list.length > 5 ? `, … (${list.length})` : ''));
}

function cut(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}
