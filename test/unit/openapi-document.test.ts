import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { DEFAULT_DOCUMENT_PATH, loadCatalog } from '../../src/api/catalog';
import { SERVERS } from '../../src/api/servers';

const root = path.resolve(__dirname, '..', '..');
const endpoints: { section: string; method: string; path: string; destructive: boolean }[] = JSON.parse(
  fs.readFileSync(path.join(root, 'reference', 'altegio-api', 'endpoints.json'), 'utf8'),
);
const document = JSON.parse(fs.readFileSync(DEFAULT_DOCUMENT_PATH, 'utf8'));
const catalog = loadCatalog();

const DOC_ORDER = [
  'Authentication B2B',
  'Locations',
  'Services',
  'Team Members',
  'Clients',
  'Users & Permissions',
  'Appointments',
  'Events',
  'Schedule & Resources',
  'Products',
  'Inventory',
  'Sales',
  'Payments',
  'Notifications',
  'Online Booking Settings',
  'Analytics & Reports',
  'Tags',
  'Deposits',
  'Loyalty Cards',
  'Subscriptions & Certificates',
  'Loyalty Programs',
  'Salary',
  'Notification Settings',
  'Custom Fields',
  'Chain Management',
  'Chain Loyalty Programs',
  'Fiscalization',
  'Utilities',
  // YCLIENTS' documentation only (Altegio's API v1 is the same server): after Altegio's own sections.
  'Medical Records',
];

const BLUEPRINT = 'mkosinov/yclientsapi:docs/yclients_official/yclientsru.apib';
/** Operations the YCLIENTS blueprint documents that endpoints.json (Altegio's portal) does not. */
const FROM_BLUEPRINT = [
  'list_service_categories',
  'deprecated_list_service_categories',
  'list_services',
  'list_team_members',
  'get_privacy_policy',
  'voip_integration',
  'get_medical_patient',
  'list_medical_cards',
  'create_medical_card',
  'get_medical_card',
  'update_medical_card',
  'list_medical_appointments',
  'create_medical_appointment',
  'get_medical_appointment',
  'update_medical_appointment',
];

/** A schema's first type: what forms send (the others are accepted forms of it, e.g. a numeral). */
const primaryType = (schema: { type?: string | string[] }) =>
  Array.isArray(schema.type) ? schema.type[0] : schema.type;

describe('the bundled OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    assert.deepStrictEqual(result.errors ?? [], []);
    assert.strictEqual(result.valid, true);
    assert.strictEqual(validator.version, '3.1');
  });

  it("has Altegio's 28 sections in the documentation order, then Medical Records, each described", () => {
    assert.deepStrictEqual(
      catalog.sections.map((s) => s.name),
      DOC_ORDER,
    );
    for (const s of catalog.sections) assert.ok(s.description.length > 10, s.name);
  });

  it('holds every operation of endpoints.json, and the blueprint-only operations, with the same count per section', () => {
    assert.strictEqual(catalog.operations.length, endpoints.length + FROM_BLUEPRINT.length);
    for (const name of DOC_ORDER) {
      const expected =
        endpoints.filter((e) => e.section === name).length +
        FROM_BLUEPRINT.filter((id) => catalog.operation(id)?.section === name).length;
      assert.strictEqual(catalog.section(name)!.operations.length, expected, name);
    }
    for (const id of FROM_BLUEPRINT) {
      const raw = document.paths[catalog.requireOperation(id).path][catalog.requireOperation(id).method.toLowerCase()];
      assert.ok(raw['x-altegio-sources'].includes(BLUEPRINT), `${id} names the blueprint as its source`);
      assert.ok(
        !endpoints.some(
          (e) => e.method === catalog.requireOperation(id).method && e.path === catalog.requireOperation(id).path,
        ),
        id,
      );
    }
    for (const e of endpoints) {
      const op = catalog.find(e.method, e.path);
      assert.ok(op, `${e.method} ${e.path}`);
      assert.strictEqual(op.section, e.section);
      assert.strictEqual(op.destructive, e.destructive, `${e.method} ${e.path} destructive`);
    }
  });

  it('gives every operation a unique id, a summary, a security scheme and a success response', () => {
    const ids = new Set<string>();
    for (const op of catalog.operations) {
      assert.ok(/^[a-z0-9_]+$/.test(op.id), op.id);
      assert.ok(!ids.has(op.id), `duplicate ${op.id}`);
      ids.add(op.id);
      assert.ok(op.summary.length > 5, op.id);
      assert.ok(['BearerPartner', 'BearerPartnerUser'].includes(op.security), op.id);
      assert.ok(op.success.status >= 200 && op.success.status < 300, op.id);
      if (op.success.status !== 204) assert.ok(op.success.schema, `${op.id} has a response schema`);
      for (const p of op.parameters.filter((x) => x.in === 'path'))
        assert.ok(op.path.includes(`{${p.name}}`), `${op.id} ${p.name}`);
    }
  });

  it('gives every operation its own summary, so the palette and the tree tell them apart', () => {
    const bySummary = new Map<string, string[]>();
    for (const op of catalog.operations) bySummary.set(op.summary, [...(bySummary.get(op.summary) ?? []), op.id]);
    assert.deepStrictEqual(
      [...bySummary.values()].filter((ids) => ids.length > 1),
      [],
    );
  });

  it('marks deprecated operations', () => {
    const deprecated = catalog.operations.filter((o) => o.deprecated).map((o) => o.id);
    assert.ok(deprecated.includes('deprecated_get_client_list'));
    assert.ok(deprecated.length >= 15, String(deprecated.length));
  });

  describe('the three loyalty-card operations of the brief', () => {
    it('GET /chain/{chain_id}/loyalty/card_types lists {id, title} with the partner token', () => {
      const op = catalog.find('GET', '/chain/{chain_id}/loyalty/card_types')!;
      assert.strictEqual(op.security, 'BearerPartner');
      assert.deepStrictEqual(
        op.parameters.map((p) => [p.name, p.in, p.schema.type, p.required]),
        [['chain_id', 'path', 'integer', true]],
      );
      const data = op.success.schema!.properties!.data;
      assert.strictEqual(data.type, 'array');
      assert.deepStrictEqual(data.items!.required, ['id', 'title']);
      assert.strictEqual(primaryType(data.items!.properties!.id), 'integer');
      assert.strictEqual(data.items!.properties!.title.type, 'string');
      assert.deepStrictEqual((op.success.example as { data: unknown }).data, [{ id: 8230, title: 'Cashback card' }]);
    });

    it('POST /loyalty/cards/{location_id} takes loyalty_card_number, loyalty_card_type_id and phone', () => {
      const op = catalog.find('POST', '/loyalty/cards/{location_id}')!;
      assert.strictEqual(op.security, 'BearerPartnerUser');
      assert.strictEqual(op.destructive, false);
      const body = op.requestBody!;
      assert.strictEqual(body.contentType, 'application/json');
      assert.deepStrictEqual(body.schema.required, ['loyalty_card_number', 'loyalty_card_type_id', 'phone']);
      const props = body.schema.properties!;
      assert.deepStrictEqual(Object.keys(props), ['loyalty_card_number', 'loyalty_card_type_id', 'phone']);
      // Strings first (what forms send); numbers are accepted too, as the YCLIENTS blueprint types them.
      assert.deepStrictEqual(props.loyalty_card_number.type, ['string', 'integer']);
      assert.deepStrictEqual(props.loyalty_card_type_id.type, ['string', 'integer']);
      assert.strictEqual(primaryType(props.phone), 'number');
      assert.deepStrictEqual(body.example, {
        loyalty_card_number: '09090909',
        loyalty_card_type_id: '8230',
        phone: 13155550175,
      });
      assert.strictEqual(op.success.status, 200);
      const card = op.success.schema!.properties!.data;
      for (const f of ['id', 'number', 'type_id', 'balance', 'points', 'programs'])
        assert.ok(card.required!.includes(f), f);
    });

    it('DELETE /loyalty/cards/{location_id}/{card_id} answers 204 and is destructive', () => {
      const op = catalog.find('DELETE', '/loyalty/cards/{location_id}/{card_id}')!;
      assert.strictEqual(op.success.status, 204);
      assert.strictEqual(op.success.schema, undefined);
      assert.strictEqual(op.destructive, true);
      assert.deepStrictEqual(
        op.parameters.map((p) => p.name),
        ['location_id', 'card_id'],
      );
    });
  });
});

describe('Catalog', () => {
  it('matches concrete paths, literal segments first', () => {
    assert.strictEqual(catalog.match('GET', '/company/720441/staff/positions')!.operation.id, 'get_position_list');
    const m = catalog.match('GET', '/company/720441/staff/5905')!;
    assert.strictEqual(m.operation.id, 'get_team_member');
    assert.deepStrictEqual(m.pathParams, { location_id: '720441', team_member_id: '5905' });
    assert.strictEqual(catalog.match('GET', '/labels/720441/clients')!.operation.path, '/labels/{location_id}/clients');
    assert.strictEqual(catalog.match('PATCH', '/loyalty/cards/1'), undefined);
    assert.ok(catalog.pathExists('/loyalty/cards/1'));
  });

  it('decodes path parameters', () => {
    assert.deepStrictEqual(catalog.match('GET', '/validation/validate_phone/%2B13155550175')!.pathParams, {
      phone: '+13155550175',
    });
  });

  it('searches by words in summary, path and section', () => {
    const hits = catalog.search('issue loyalty card');
    assert.strictEqual(hits[0].id, 'issue_loyalty_card');
    assert.ok(
      catalog.search('post clients').every((o) => o.method === 'POST' || o.summary.toLowerCase().includes('post')),
    );
    assert.ok(catalog.search('chain loyalty').length > 10);
    assert.deepStrictEqual(catalog.search('zzzz-nothing'), []);
  });

  it('resolves $refs in schemas', () => {
    const op = catalog.operation('get_loyalty_card_list_by_client_id')!;
    const items = op.success.schema!.properties!.data.items!;
    assert.strictEqual(items.$ref, undefined);
    assert.strictEqual(items.properties!.programs.items!.properties!.rules.type, 'array');
  });
});

describe('read-only operations', () => {
  it('are the GETs plus the POSTs that only read: sign-in and searches', () => {
    const posts = catalog.operations
      .filter((o) => o.readOnly && o.method !== 'GET')
      .map((o) => o.id)
      .sort();
    assert.deepStrictEqual(posts, ['authorize_user', 'get_client_list', 'search_client_visits']);
    assert.ok(catalog.operations.filter((o) => o.method === 'GET').every((o) => o.readOnly));
  });
});

describe('base URLs', () => {
  it('are the same as the servers of the document', () => {
    const fromDocument = Object.fromEntries(catalog.servers.map((s) => [s.environment, s.url]));
    assert.deepStrictEqual(fromDocument, { ...SERVERS });
  });
});
