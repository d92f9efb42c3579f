#!/usr/bin/env node
// One-time bootstrap: turns reference/altegio-api/endpoints.json into the first draft of the bundled
// OpenAPI 3.1 document. From then on src/api/openapi/altegio-b2b-v1.json is the source of truth and
// is edited by hand; this script refuses to overwrite it (use --out to write a draft elsewhere and
// diff it, or --missing to list operations of endpoints.json that the document lacks).
//
//   node scripts/openapi/convert-endpoints.mjs --out /tmp/draft.json
//   node scripts/openapi/convert-endpoints.mjs --missing
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE = path.join(root, 'reference', 'altegio-api', 'endpoints.json');
const TARGET = path.join(root, 'src', 'api', 'openapi', 'altegio-b2b-v1.json');

const SECTIONS = [
  [
    'Authentication B2B',
    'key',
    'Obtain a user token with a login and password; the partner token travels in every request.',
  ],
  ['Locations', 'home', 'Locations (companies, salons): list, create, read, update and delete a business location.'],
  [
    'Services',
    'tools',
    'Service categories and services, their prices and durations, and which team members provide them.',
  ],
  ['Team Members', 'person', 'Team members (staff, masters) and their positions.'],
  [
    'Clients',
    'account',
    'The client base: create, search, update and delete clients, their comments, files and visit history.',
  ],
  [
    'Users & Permissions',
    'shield',
    'Business users who manage a location, their roles and permissions, and invitations.',
  ],
  ['Appointments', 'calendar', 'Appointments (records) and visits, reviews, and recurring client series.'],
  ['Events', 'organization', 'Group events (activities): search, duplicate and manage duplication strategies.'],
  [
    'Schedule & Resources',
    'clock',
    'Working schedules of team members, calendar slots, resources and repeat schedules.',
  ],
  ['Products', 'package', 'Products (goods) and product categories.'],
  ['Inventory', 'archive', 'Storages, stock documents, goods transactions and bills of materials (tech cards).'],
  ['Sales', 'tag', 'Sale documents and their payments, including loyalty payment methods.'],
  ['Payments', 'credit-card', 'Cash registers (payment accounts) and financial transactions.'],
  ['Notifications', 'mail', 'SMS and email campaigns to clients, and delivery-status callbacks.'],
  ['Online Booking Settings', 'globe', 'Online booking settings, timeslot grids and booking widgets.'],
  ['Analytics & Reports', 'graph', 'Location metrics, charts, loyalty-program statistics and the day-end (Z) report.'],
  ['Tags', 'symbol-constant', 'Tags (labels) for clients, appointments and events.'],
  ['Deposits', 'briefcase', 'Client deposit accounts: balances, top-ups and history.'],
  ['Loyalty Cards', 'credit-card', 'Loyalty cards and card types: issue, list, remove and manual transactions.'],
  [
    'Subscriptions & Certificates',
    'book',
    'Memberships (abonements) and gift cards (certificates) of clients, and their types.',
  ],
  ['Loyalty Programs', 'gift', 'Loyalty promotions active in a location and their use within a visit.'],
  ['Salary', 'symbol-numeric', "Team members' payroll: mutual settlements, periods, schemes and calculations."],
  ['Notification Settings', 'bell', 'Notification types of a location and the notification settings of its users.'],
  ['Custom Fields', 'symbol-field', 'Custom fields on appointments and clients.'],
  ['Chain Management', 'type-hierarchy', 'Chains (salon groups) and chain-wide client lookup.'],
  [
    'Chain Loyalty Programs',
    'star-full',
    'Chain-level loyalty administration: membership and gift-card types, promotions, freezes and transactions.',
  ],
  ['Fiscalization', 'output', 'Fiscal (KKM/POS) transactions, receipts and tax systems.'],
  ['Utilities', 'wrench', 'Licence info, phone validation, images, tips, webhooks and dictionaries.'],
];

// Example values for path parameters, taken from the sample business (reference/altegio-api/sample-data.md),
// so that a request built from examples addresses entities that exist in the local sandbox.
const PATH_PARAMS = {
  location_id: [720441, 'Location (company) ID'],
  chain_id: [706028, 'Chain (salon group) ID'],
  team_member_id: [5905, 'Team member (staff) ID'],
  service_id: [2001, 'Service ID'],
  client_id: [4240788, 'Client ID'],
  category_id: [1001, 'Category ID'],
  record_id: [140967944, 'Appointment (record) ID'],
  schedule_id: [5501, 'Repeat schedule ID'],
  document_id: [22254960, 'Document ID'],
  user_id: [12345, 'User ID'],
  card_id: [9250498, 'Loyalty card ID'],
  transaction_id: [3428010, 'Transaction ID'],
  loyalty_membership_type_id: [97804, 'Membership type ID'],
  visit_id: [118389447, 'Visit ID'],
  membership_id: [659878, 'Membership (abonement) ID'],
  event_id: [3480140, 'Group event (activity) ID'],
  product_id: [232674, 'Product (good) ID'],
  comment_id: [7001, 'Comment ID'],
  day_id: [6601, 'Schedule series (day) ID'],
  form_id: [8801, 'Booking widget (form) ID'],
  type_id: [27841, 'Gift card type ID'],
  loyalty_program_id: [12720, 'Loyalty program (promotion) ID'],
  position_id: [301, 'Position ID'],
  client_schedule_id: [7701, 'Client series ID'],
  strategy_id: [9901, 'Duplication strategy ID'],
  payment_transaction_id: [6033940, 'Payment transaction ID'],
  tag_id: [67345, 'Tag (label) ID'],
  program_id: [12720, 'Loyalty program ID'],
  field_id: [1, 'Custom field ID'],
  master_tips_settings_id: [4401, 'Tip settings ID'],
  file_id: [3301, 'File ID'],
  entity_id: [3480140, 'Entity ID'],
  parent_category_id: [0, 'Parent category ID (0 = root)'],
  deposit_id: [220, 'Deposit account ID'],
  calculation_id: [789, 'Payroll calculation ID'],
  country_id: [1, 'Country ID'],
};
const STRING_PATH_PARAMS = {
  phone: {
    schema: { type: 'string', pattern: '^\\+?[0-9]{9,15}$' },
    example: '13155550179',
    description: 'Client phone number, digits only (a leading + is accepted)',
  },
  start_date: {
    schema: { type: 'string', format: 'date' },
    example: '2026-03-01',
    description: 'First date, yyyy-mm-dd',
  },
  end_date: { schema: { type: 'string', format: 'date' }, example: '2026-03-31', description: 'Last date, yyyy-mm-dd' },
  date: { schema: { type: 'string', format: 'date' }, example: '2026-03-05', description: 'Date, yyyy-mm-dd' },
  field_category: {
    schema: { type: 'string', enum: ['record', 'client'] },
    example: 'client',
    description: 'Custom field category',
  },
  entity: { schema: { type: 'string' }, example: 'client', description: 'Entity' },
  entity_type: {
    schema: { type: 'string', enum: ['activity', 'record'] },
    example: 'activity',
    description: 'Entity type: activity (event) or record (appointment)',
  },
};

// Operations for which the partner token alone is enough (Altegio's BearerPartner scheme).
const PARTNER_ONLY = new Set([
  'POST /auth',
  'GET /companies',
  'GET /activity/{location_id}/search',
  'GET /countries',
  'GET /cities',
  'GET /references/business_groups_with_types',
  'POST /delivery/status',
  'POST /integration/kkm/callback',
  'GET /integration/kkm/references/tax_system/{country_id}',
  'GET /validation/validate_phone/{phone}',
  'GET /chain/{chain_id}/loyalty/card_types',
]);
// Documented status codes that are not 200 (reference/altegio-api/conventions.md §5).
const STATUS = {
  'POST /auth': 201,
  'POST /records/{location_id}': 201,
  'POST /services/{location_id}': 201,
  'POST /company/{location_id}/services/{service_id}/staff': 201,
  'POST /company/{location_id}/schedules/{schedule_id}/client_schedules': 201,
  'DELETE /company/{location_id}': 204,
  'DELETE /service_category/{location_id}/{category_id}': 204,
  'DELETE /services/{location_id}/{service_id}': 204,
  'DELETE /staff/{location_id}/{team_member_id}': 204,
  'DELETE /client/{location_id}/{client_id}': 204,
  'DELETE /record/{location_id}/{record_id}': 204,
  'DELETE /comments/{location_id}/{team_member_id}/{comment_id}': 204,
  'DELETE /custom_fields/{field_category}/{location_id}/{field_id}': 204,
  'PUT /custom_fields/{field_category}/{location_id}/{field_id}': 204,
  'DELETE /loyalty/cards/{location_id}/{card_id}': 204,
  'DELETE /company/{location_id}/clients/files/{client_id}/{file_id}': 202,
  'POST /user/invite/{location_id}': 202,
  'POST /labels/{location_id}': 202,
  'PUT /labels/{location_id}/{tag_id}': 202,
  'DELETE /images/{entity}': 202,
};
// Responses documented without the {success, data, meta} envelope.
const BARE = (op) =>
  op.path.startsWith('/visit/loyalty/') || op.path.startsWith('/visit/details/') || op.path === '/delivery/status';
// Lists whose meta carries `count` rather than `total_count`.
const META_COUNT =
  /\/clients\/files\/|\/activity\/\{location_id\}\/services|duplication_strategy|\/analytics\/|\/salary\/payroll\/|\/staff\/schedule|\/kkm_transactions\//;
const PAGING_LIMITS = {
  'POST /company/{location_id}/clients/search': { defaultSize: 25, maxSize: 200 },
  'GET /activity/{location_id}/search': { defaultSize: 25, maxSize: 300 },
  'GET /records/partner': { maxSize: 100 },
  'GET /company/{location_id}/loyalty/abonement_types/search': { maxSize: 100 },
  'GET /company/{location_id}/loyalty/certificate_types/search': { maxSize: 100 },
  'GET /chain/{chain_id}/loyalty/certificate_types': { defaultSize: 10, maxSize: 100 },
  'GET /goods/category_node/{location_id}/{category_id}': { maxSize: 1000 },
  'GET /records/{location_id}': { defaultSize: 50 },
  'GET /clients/{location_id}': { defaultSize: 20 },
  'GET /goods/{location_id}': { defaultSize: 25 },
  'GET /technological_cards/{location_id}': { defaultSize: 20 },
};

function inferSchema(value, key = '') {
  if (value === null || value === undefined) return {};
  if (Array.isArray(value)) {
    if (value.length === 0) return { type: 'array', items: {} };
    return { type: 'array', items: mergeSchemas(value.map((v) => inferSchema(v, key))) };
  }
  switch (typeof value) {
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      // Ids are integers; any other number may carry decimals even when the example does not.
      return (key === 'id' || key.endsWith('_id')) && Number.isInteger(value)
        ? { type: 'integer' }
        : { type: 'number' };
    case 'string':
      return { type: 'string' };
    case 'object': {
      const properties = {};
      for (const [k, v] of Object.entries(value)) properties[k] = inferSchema(v, k);
      return { type: 'object', properties };
    }
    default:
      return {};
  }
}

function mergeSchemas(schemas) {
  const typed = schemas.filter((s) => s.type);
  if (typed.length === 0) return {};
  const types = [...new Set(typed.map((s) => s.type))];
  if (types.length > 1) return {};
  if (types[0] === 'object') {
    const properties = {};
    for (const s of typed) {
      for (const [k, v] of Object.entries(s.properties))
        properties[k] = properties[k] ? mergeSchemas([properties[k], v]) : v;
    }
    return { type: 'object', properties };
  }
  if (types[0] === 'array') return { type: 'array', items: mergeSchemas(typed.map((s) => s.items)) };
  return typed[0];
}

function fieldSchema(field) {
  const t = field.type;
  let schema;
  if (t === 'file') schema = { type: 'string', format: 'binary' };
  else if (t.endsWith('|null')) schema = { type: [t.split('|')[0], 'null'] };
  else if (t.startsWith('array[')) {
    const inner = t.slice(6, -1);
    const items =
      inner === 'object'
        ? Array.isArray(field.example) && field.example.length
          ? inferSchema(field.example[0])
          : { type: 'object' }
        : { type: inner };
    schema = { type: 'array', items };
  } else if (t === 'object') {
    schema = field.example && typeof field.example === 'object' ? inferSchema(field.example) : { type: 'object' };
    schema.additionalProperties = true;
  } else schema = { type: t };
  if (field.description) schema.description = field.description;
  if (field.example !== undefined) schema.examples = [field.example];
  return schema;
}

function operationId(op, used) {
  const src = op.sources.find((s) => s.startsWith('https://developer.alteg.io/en/b2b-v1/openapi/'));
  let id = src ? src.split('/').pop() : null;
  if (!id) {
    const verb = { GET: 'get', POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' }[op.method];
    const words = op.path.split('/').filter((p) => p && !p.startsWith('{'));
    id = [verb, ...words].join('_').replace(/[^a-z0-9_]/gi, '_');
  }
  let unique = id;
  for (let i = 2; used.has(unique); i++) unique = `${id}_${i}`;
  used.add(unique);
  return unique;
}

function pagingFor(op, query, body) {
  const key = `${op.method} ${op.path}`;
  const q = new Set(query.map((p) => p.name));
  const b = new Set((body ?? []).map((f) => f.name));
  const base = { totalField: META_COUNT.test(op.path) ? 'count' : 'total_count', ...(PAGING_LIMITS[key] ?? {}) };
  if (b.has('page') && b.has('page_size'))
    return { style: 'page', in: 'body', pageParam: 'page', sizeParam: 'page_size', ...base };
  if (q.has('page') && q.has('count'))
    return { style: 'page', in: 'query', pageParam: 'page', sizeParam: 'count', ...base };
  if (q.has('page') && q.has('page_size'))
    return { style: 'page', in: 'query', pageParam: 'page', sizeParam: 'page_size', ...base };
  if (q.has('page') && q.has('editable_length'))
    return { style: 'page', in: 'query', pageParam: 'page', sizeParam: 'editable_length', ...base };
  if (q.has('page')) return { style: 'page', in: 'query', pageParam: 'page', ...base };
  if (op.path === '/company/{location_id}/clients/visits/search')
    return { style: 'cursor', in: 'body', cursorParams: ['from', 'to'], cursorSource: 'meta', ...base };
  return undefined;
}

function convert(endpoints) {
  const used = new Set();
  const paths = {};
  for (const op of endpoints) {
    const key = `${op.method} ${op.path}`;
    const parameters = op.pathParams.map((name) => {
      const str = STRING_PATH_PARAMS[name];
      if (str)
        return {
          name,
          in: 'path',
          required: true,
          description: str.description,
          schema: { ...str.schema },
          example: str.example,
        };
      const [example, description] = PATH_PARAMS[name] ?? [1, name.replace(/_/g, ' ')];
      return {
        name,
        in: 'path',
        required: true,
        description,
        schema: { type: 'integer', minimum: name === 'parent_category_id' ? 0 : 1 },
        example,
      };
    });
    for (const q of op.queryParams) {
      const name = q.name.replace(/\[\]$/, '');
      const schema = q.type.startsWith('array[')
        ? { type: 'array', items: { type: q.type.slice(6, -1) } }
        : { type: q.type };
      parameters.push({ name, in: 'query', required: !!q.required, description: q.description, schema });
    }
    const security = PARTNER_ONLY.has(key) ? 'BearerPartner' : 'BearerPartnerUser';
    const deprecated = /^\(Deprecated/i.test(op.summary);
    let summary = op.summary.replace(/^\(Deprecated[^)]*\)\s*/i, '');
    summary = summary.charAt(0).toUpperCase() + summary.slice(1);
    const status = STATUS[key] ?? 200;
    const bare = BARE(op);
    const docsUrl = op.sources.find((s) => s.startsWith('https://developer.alteg.io/'));
    const operation = {
      operationId: operationId(op, used),
      summary,
      description: [
        op.summary,
        deprecated
          ? `Deprecated in the Altegio documentation: ${op.summary.match(/^\(([^)]*)\)/)?.[1] ?? 'deprecated'}.`
          : '',
        security === 'BearerPartner'
          ? 'The partner token alone is enough.'
          : 'Needs the partner token and a user token.',
      ]
        .filter(Boolean)
        .join('\n\n'),
      tags: [op.section],
      parameters,
      security: [{ [security]: [] }],
    };
    if (deprecated) operation.deprecated = true;
    if (op.body && op.body.length) {
      const multipart = op.body.some((f) => f.type === 'file') || op.path.startsWith('/images/');
      const properties = {};
      const required = [];
      const example = {};
      for (const f of op.body) {
        properties[f.name] = fieldSchema(f);
        if (f.required) required.push(f.name);
        if (f.example !== undefined) example[f.name] = f.example;
      }
      const schema = { type: 'object', properties };
      if (required.length) schema.required = required;
      operation.requestBody = {
        required: required.length > 0,
        content: { [multipart ? 'multipart/form-data' : 'application/json']: { schema, example } },
      };
    }
    const responses = {};
    if (status === 204) {
      responses['204'] = { description: 'Done; no content.' };
    } else {
      const data = op.response;
      const isList = Array.isArray(data);
      const paging = pagingFor(op, op.queryParams, op.body);
      const meta = isList
        ? { [paging?.totalField ?? 'total_count']: data.length }
        : status === 202
          ? { message: 'Accepted' }
          : [];
      let schema;
      let example;
      if (bare) {
        schema = inferSchema(data ?? {});
        example = data ?? {};
      } else {
        schema = {
          type: 'object',
          required: ['success', 'data', 'meta'],
          properties: {
            success: { type: 'boolean', const: true },
            data: data === null ? {} : inferSchema(data),
            meta: { $ref: '#/components/schemas/Meta' },
          },
        };
        example = { success: true, data, meta };
      }
      responses[String(status)] = {
        description: data === null ? 'Success. The response body is not documented beyond the envelope.' : 'Success.',
        content: { 'application/json': { schema, example } },
      };
      if (data === null) operation['x-altegio-response-undocumented'] = true;
      if (paging) operation['x-altegio-paging'] = paging;
    }
    for (const code of ['400', '401', '403', '404', '422', '429'])
      responses[code] = { $ref: `#/components/responses/Error${code}` };
    operation.responses = responses;
    if (bare) operation['x-altegio-envelope'] = false;
    operation['x-altegio-destructive'] = !!op.destructive;
    operation['x-altegio-confidence'] = op.confidence;
    if (docsUrl) operation['x-altegio-docs-url'] = docsUrl;
    operation['x-altegio-sources'] = op.sources;
    paths[op.path] ??= {};
    paths[op.path][op.method.toLowerCase()] = operation;
  }
  const errorResponse = (code, text) => ({
    description: text,
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/ErrorEnvelope' },
        example: { success: false, data: null, meta: { message: text } },
      },
    },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Altegio Business Management API (B2B)',
      version: '1.0.0',
      description:
        'Altegio B2B API v1 as used by the Altegio Business API extension for VS Code. Written from the public ' +
        "documentation and the sources listed in each operation's x-altegio-sources. Every request sends " +
        '`Accept: application/vnd.api.v2+json`; answers use the `{success, data, meta}` envelope.',
    },
    servers: [
      { url: 'https://api.alteg.io/api/v1', description: 'Production', 'x-altegio-environment': 'production' },
      {
        url: 'https://developer.alteg.io/_mock/en/b2b-v1/openapi',
        description: 'Altegio mock server',
        'x-altegio-environment': 'mock',
      },
      {
        url: 'http://127.0.0.1:{port}/api/v1',
        description: 'Local sandbox (npm run sandbox, or Altegio: Start Local Sandbox)',
        'x-altegio-environment': 'sandbox',
        variables: { port: { default: '8787' } },
      },
    ],
    tags: SECTIONS.map(([name, icon, description]) => ({ name, description, 'x-altegio-icon': icon })),
    paths,
    components: {
      securitySchemes: {
        BearerPartner: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <partner_token>' },
        BearerPartnerUser: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'Authorization: Bearer <partner_token>, User <user_token>',
        },
      },
      schemas: {
        Meta: {
          description: 'Envelope metadata: [] or {} when empty; total_count or count on lists; message on 202 answers.',
          type: ['object', 'array'],
          properties: { total_count: { type: 'integer' }, count: { type: 'integer' }, message: { type: 'string' } },
        },
        ErrorEnvelope: {
          type: 'object',
          required: ['success', 'meta'],
          properties: {
            success: { type: 'boolean', const: false },
            data: { type: 'null' },
            meta: {
              type: 'object',
              required: ['message'],
              properties: {
                message: { type: 'string' },
                errors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
              },
            },
          },
        },
      },
      responses: {
        Error400: errorResponse(400, 'Invalid parameters or body.'),
        Error401: errorResponse(401, 'Authentication needed.'),
        Error403: errorResponse(403, 'Access denied.'),
        Error404: errorResponse(404, 'Not found.'),
        Error422: errorResponse(422, 'The request could not be processed.'),
        Error429: errorResponse(429, 'Too many requests.'),
      },
    },
  };
}

function main() {
  const args = process.argv.slice(2);
  const endpoints = JSON.parse(fs.readFileSync(SOURCE, 'utf8'));
  if (args.includes('--missing')) {
    const doc = JSON.parse(fs.readFileSync(TARGET, 'utf8'));
    const missing = endpoints.filter((e) => !doc.paths[e.path]?.[e.method.toLowerCase()]);
    for (const e of missing) console.log(`${e.method} ${e.path}`);
    console.error(
      `${missing.length} of ${endpoints.length} operations of endpoints.json are missing from the document`,
    );
    process.exit(missing.length ? 1 : 0);
  }
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : TARGET;
  if (out === TARGET && fs.existsSync(TARGET)) {
    console.error(
      `${path.relative(root, TARGET)} exists and is edited by hand; it is never overwritten.\n` +
        'Write a draft elsewhere with --out <file> and merge what you need by hand.',
    );
    process.exit(2);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(convert(endpoints), null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

main();
