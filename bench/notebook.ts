// Request notebooks: reading and writing a 100-cell `*.altegio.md` file, and diagnosing every request cell of it
// (the analysis and schema validation the editor runs on each cell, the first time with validation cold).
import { loadCatalog } from '../src/api/catalog';
import { diagnoseCell } from '../src/notebooks/core/cell-diagnostics';
import { parseNotebook, serializeNotebook } from '../src/notebooks/core/notebook-format';
import type { VariableScope } from '../src/notebooks/core/variables';
import { median, round, type Figure } from './report';

const CELLS = 100;
const ROUNDS = 30;

/** Requests of every kind a notebook holds: reads with query strings, writes with bodies, variables, an @each. */
const REQUESTS = [
  '# @name location\nGET /company/{{location_id}}',
  'GET /clients/{{location_id}}?page=1&count=50',
  '# @each clients.csv\nPOST /loyalty/cards/{{location_id}}\n\n{\n  "loyalty_card_number": "{{row.number}}",\n  "loyalty_card_type_id": "8230",\n  "phone": {{row.phone}}\n}',
  'GET /chain/{{chain_id}}/loyalty/card_types',
  'POST /clients/{{location_id}}\n\n{\n  "name": "Ann",\n  "phone": "13155550175",\n  "email": "ann@example.com"\n}',
];

function notebookText(): string {
  const parts = ['---\nlocation_id: 720441\nchain_id: 706028\n---', '# A notebook of a hundred cells'];
  for (let i = 1; parts.length < CELLS; i++) {
    parts.push('```altegio\n' + REQUESTS[i % REQUESTS.length] + '\n```');
    if (parts.length < CELLS) parts.push(`Step ${i}: what the next request does, and why.`);
  }
  return parts.join('\n\n') + '\n';
}

function time(action: () => void): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

export function benchNotebook(): { figures: Figure[]; results: Record<string, number> } {
  const catalog = loadCatalog();
  const text = notebookText();
  const model = parseNotebook(text);
  if (model.cells.length !== CELLS) throw new Error(`the bench notebook has ${model.cells.length} cells`);
  if (serializeNotebook(model) !== text) throw new Error('the bench notebook does not round-trip');
  const requests = model.cells.filter((c) => c.kind === 'request').map((c) => c.value);
  const scope: VariableScope = { results: {}, notebook: {}, defaults: { location_id: 720441, chain_id: 706028 } };
  const diagnoseAll = () => {
    for (const cell of requests) diagnoseCell(catalog, cell, scope);
  };
  // Cold: the first cells of a session compile their operations' validators.
  const coldDiagnoseMs = time(diagnoseAll);
  const parse: number[] = [];
  const write: number[] = [];
  const diagnose: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    parse.push(time(() => parseNotebook(text)));
    write.push(time(() => serializeNotebook(model)));
    diagnose.push(time(diagnoseAll));
  }
  const results = {
    'notebook.cells': CELLS,
    'notebook.requestCells': requests.length,
    'notebook.bytes': text.length,
    'notebook.parseMs': round(median(parse), 3),
    'notebook.writeMs': round(median(write), 3),
    'notebook.diagnoseColdMs': round(coldDiagnoseMs),
    'notebook.diagnoseWarmMs': round(median(diagnose), 2),
  };
  const perCell = round(results['notebook.diagnoseWarmMs'] / requests.length, 3);
  const figures: Figure[] = [
    {
      name: `notebook of ${CELLS} cells, read and written back`,
      value: `${results['notebook.parseMs']} ms + ${results['notebook.writeMs']} ms`,
      goal: '',
      note: `${text.length} bytes, median of ${ROUNDS}`,
    },
    {
      name: `notebook of ${CELLS} cells, every request cell diagnosed`,
      value: `${results['notebook.diagnoseWarmMs']} ms (${perCell} ms a cell; cold ${results['notebook.diagnoseColdMs']} ms)`,
      goal: '',
      note: `${requests.length} request cells: parse, operation match, variables, schema validation; median of ${ROUNDS}`,
    },
  ];
  return { figures, results };
}
