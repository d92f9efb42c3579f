// The plain-data shape of a request form, as the host builds it (form-model.ts) and the webview renders it.
// No imports: the webview bundle and its type check read this file too.

/**
 * How a value is entered:
 * text, integer, number, boolean, enum (a select), date (yyyy-mm-dd), phone (digits as Altegio expects),
 * array (rows added and removed), object (nested fields), file (multipart upload), and json — the fallback
 * for a value whose schema fields cannot express (free-form maps, unions, very deep nesting).
 */
export type FieldKind =
  'text' | 'integer' | 'number' | 'boolean' | 'enum' | 'date' | 'phone' | 'array' | 'object' | 'file' | 'json';

/** What the value is stored as once entered (a phone may be a number or a string, depending on the schema). */
export type ValueType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'any';

export type FormLocation = 'path' | 'query' | 'body';

export interface FieldOption {
  value: string | number | boolean;
  label: string;
}

/** A field whose options come live from a list operation (see src/api/lookups.ts). */
export interface FieldLookup {
  /** The lookup's name in src/api/lookups.ts (`cardTypes`, `clients`, `clientPhones`, `locations` …). */
  key: string;
  /** True when options are searched by what the user types (clients) instead of loaded whole. */
  searchable: boolean;
  /** What must be known before the options can be read. */
  needs: 'location' | 'chain' | 'nothing';
}

export interface FormField {
  /** The property or parameter name; '' for the root of a body that is a bare array. */
  name: string;
  kind: FieldKind;
  valueType: ValueType;
  required: boolean;
  /** The schema also allows null. */
  nullable: boolean;
  description?: string;
  /** The documented example, as text, shown as the placeholder. */
  placeholder?: string;
  /** The documented example value, used by "Fill with examples". */
  example?: unknown;
  options?: FieldOption[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  lookup?: FieldLookup;
  /** Arrays: the field of one row. */
  item?: FormField;
  /** Objects: the nested fields, in the schema's order. */
  fields?: FormField[];
}

/** Why a body is edited as JSON only. */
export type JsonFallbackReason = 'no-schema' | 'free-form' | 'not-an-object' | 'combinator';

export interface FormBody {
  required: boolean;
  contentType: 'application/json' | 'multipart/form-data';
  /** `fields`: generated fields plus a JSON tab that stays in sync; `json`: the JSON editor only. */
  mode: 'fields' | 'json';
  fallbackReason?: JsonFallbackReason;
  /** `array`: the body is a bare JSON array, edited as the rows of `fields[0]` (named ''). */
  shape: 'object' | 'array' | 'any';
  fields: FormField[];
  /** Multipart bodies carry files and cannot be written as JSON. */
  jsonEditable: boolean;
  example?: unknown;
}

export interface FormModel {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  section: string;
  security: 'BearerPartner' | 'BearerPartnerUser';
  destructive: boolean;
  readOnly: boolean;
  deprecated: boolean;
  docsUrl?: string;
  paged: boolean;
  pathFields: FormField[];
  queryFields: FormField[];
  body?: FormBody;
}

/** The values of a form: typed as the schema wants them, keyed by parameter name, plus the body. */
export interface FormValues {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
}
