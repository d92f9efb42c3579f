// "Open .http File as Notebook": a REST Client file (as our "Export as .http" writes it, or by hand) becomes
// notebook cells. `### title` lines become Markdown headings, requests become request cells with the path relative
// to the API base, file variables become front matter, and tokens are left behind: the notebook takes them from
// SecretStorage.
import type { NotebookCellModel } from './notebook-format';

const API_BASE = /^[a-z][a-z0-9+.-]*:\/\/[^/]+(?:\/api\/v1)?(?=\/|$|\?)/i;
const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)(\s+HTTP\/[\d.]+)?\s*$/i;
/** Headers the extension sets itself; a cell that wrote them would only be told they do nothing. */
const DROPPED_HEADERS = new Set(['authorization', 'accept', 'content-type', 'user-agent', 'content-length', 'host']);
/** File variables that hold tokens (or read them from the environment) are not carried over. */
const TOKEN_VARIABLE = /token|secret|password|authorization|\$processEnv|\$dotenv/i;

export function httpFileToCells(text: string): NotebookCellModel[] {
  const lines = text.split(/\r\n|\r|\n/);
  const cells: NotebookCellModel[] = [];
  const variables: string[] = [];
  let block: string[] = [];
  let title: string | undefined;

  const flush = () => {
    const request = toRequestCell(block);
    if (title) cells.push({ kind: 'markdown', value: `### ${title}` });
    if (request) cells.push({ kind: 'request', value: request });
    block = [];
    title = undefined;
  };

  for (const line of lines) {
    const separator = /^###(.*)$/.exec(line);
    if (separator) {
      flush();
      title = separator[1].trim() || undefined;
      continue;
    }
    const variable = /^@([A-Za-z_][\w-]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (variable && !block.some((l) => REQUEST_LINE.test(l))) {
      if (!TOKEN_VARIABLE.test(variable[1]) && !TOKEN_VARIABLE.test(variable[2]))
        variables.push(`${variable[1]}: ${yamlScalar(variable[2])}`);
      continue;
    }
    block.push(line);
  }
  flush();
  if (variables.length) cells.unshift({ kind: 'frontMatter', value: variables.join('\n') });
  return cells;
}

function toRequestCell(block: string[]): string | undefined {
  const start = block.findIndex((l) => REQUEST_LINE.test(l.trim()));
  if (start < 0) return undefined;
  const before = block.slice(0, start).filter((l) => /^\s*(#|\/\/)/.test(l) && !isTokenHint(l));
  const [, method, target] = REQUEST_LINE.exec(block[start].trim())!;
  const out = [...before, `${method.toUpperCase()} ${relativeTarget(target)}`];
  let i = start + 1;
  for (; i < block.length && block[i].trim() !== ''; i++) {
    const header = /^([^:\s]+)\s*:/.exec(block[i]);
    if (header && DROPPED_HEADERS.has(header[1].toLowerCase())) continue;
    out.push(block[i]);
  }
  const body = block.slice(i).join('\n').trim();
  if (body) out.push('', body);
  return out.join('\n');
}

/** `https://api.alteg.io/api/v1/loyalty/cards/1` → `/loyalty/cards/1`; `{{baseUrl}}/x` → `/x`. */
function relativeTarget(target: string): string {
  const withoutVariableBase = target.replace(/^\{\{[^{}]+\}\}(?=\/)/, '');
  const relative = withoutVariableBase.replace(API_BASE, '');
  return relative.startsWith('/') ? relative : `/${relative}`;
}

function isTokenHint(line: string): boolean {
  return /environment variables? ALTEGIO_/i.test(line) || /paste them here/i.test(line);
}

function yamlScalar(value: string): string {
  return /^[\w./:-]*$/.test(value) ? value : JSON.stringify(value);
}
