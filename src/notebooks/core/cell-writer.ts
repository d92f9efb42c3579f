// A request written as a cell: `METHOD /path?query`, a blank line and the JSON body. Used to save a form, a History
// entry or an answer's request to a notebook. Values equal to the session's defaults (the selected location and
// chain) are written as `{{location_id}}` / `{{chain_id}}`, so the cell keeps working in another environment.
import type { OperationSpec } from '../../api/catalog';
import { buildQuery } from '../../api/request-builder';

export interface CellRequest {
  pathParams?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: unknown;
}

export function requestToCell(
  op: OperationSpec,
  request: CellRequest,
  defaults: Record<string, unknown> = {},
  options: { name?: string } = {},
): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = request.pathParams?.[name];
    if (value === undefined || value === '') return `{{${name}}}`;
    if (defaults[name] !== undefined && String(defaults[name]) === String(value)) return `{{${name}}}`;
    return encodeURIComponent(String(value));
  });
  // `name[]` reads better than its encoded form, and the cell parser takes both.
  const query = buildQuery(op, request.query ?? {}).replace(/%5B%5D=/g, '[]=');
  const lines: string[] = [];
  if (options.name) lines.push(`# @name ${options.name}`);
  lines.push(`${op.method} ${path}${query ? `?${query}` : ''}`);
  if (request.body !== undefined && op.requestBody?.contentType === 'application/json')
    lines.push('', JSON.stringify(request.body, null, 2));
  return lines.join('\n');
}
