// The palette's word search: real queries find the operation people mean, in English and Russian, with
// stems, synonyms, section names and method words; destructive operations rank below safe ones; a query
// that matches nothing says so.
import * as assert from 'assert';
import { loadCatalog } from '../../src/api/catalog';
import { loadRussianCatalogue } from '../../src/api/catalog-l10n';
import { CatalogSearchIndex, operationRecords, type SearchRecord } from '../../src/api/search';

const catalog = loadCatalog();
const index = new CatalogSearchIndex(operationRecords(catalog.operations, loadRussianCatalogue()));
const top = (query: string, n = 3): string[] => index.search(query, { limit: n }).hits.map((h) => h.record.id);

/** What people type → the operations any of which is a right answer in the top 3. */
const ENGLISH_QUERIES: [string, string[]][] = [
  ['clients search', ['get_client_list']],
  ['search clients', ['get_client_list']],
  ['clients', ['get_client_list', 'deprecated_get_client_list']],
  ['find clients', ['get_client_list']],
  ['find client', ['get_client_list', 'get_chain_client_by_phone_number']],
  ['create client', ['create_client']],
  ['add client', ['create_client']],
  ['new client', ['create_client']],
  ['edit client', ['update_client']],
  ['delete client', ['delete_client']],
  ['client by phone', ['get_chain_client_by_phone_number']],
  ['client comments', ['list_client_comments']],
  ['client visits', ['search_client_visits']],
  ['issue loyalty card', ['issue_loyalty_card']],
  ['issue card', ['issue_loyalty_card']],
  ['delete card', ['remove_loyalty_card']],
  ['remove loyalty card', ['remove_loyalty_card']],
  ['card types', ['get_chain_loyalty_card_type_list', 'get_loyalty_card_type_list']],
  ['loyalty card types of a chain', ['get_chain_loyalty_card_type_list']],
  ['client loyalty cards', ['get_loyalty_card_list_by_client_id']],
  ['appointments today', ['get_appointment_list']],
  ['book appointment', ['create_appointment']],
  ['create booking', ['create_appointment']],
  ['cancel appointment', ['delete_appointment']],
  ['update appointment', ['update_appointment']],
  ['visit', ['get_visit']],
  ['team members', ['get_team_member_list', 'get_team_member']],
  ['staff list', ['get_team_member_list', 'get_team_member']],
  ['employees', ['get_team_member_list', 'get_team_member']],
  ['add employee', ['create_team_member_quick', 'deprecated_create_team_member']],
  ['work schedule', ['get_team_member_schedule', 'get_team_member_schedule_list']],
  ['payroll', ['search_team_member_period_salary', 'get_team_member_salary_period']],
  ['locations', ['get_location_list']],
  ['companies', ['get_location_list']],
  ['chains', ['get_chain_list']],
  ['services', ['get_service_list', 'get_service']],
  ['create service', ['create_service']],
  ['products', ['get_products_list']],
  ['warehouses', ['get_location_inventories']],
  ['sign in', ['authorize_user']],
  ['login', ['authorize_user']],
  ['user permissions', ['get_user_permissions', 'get_permission_list']],
  ['invite user', ['create_user_invitation']],
  ['send sms', ['send_sms_to_clients', 'send_sms_campaign_to_filtered_clients']],
  ['webhooks', ['get_hooks_settings']],
  ['gift cards', ['get_client_gift_cards', 'chain_loyalty_certificate_types_list', 'get_gift_card_type_list']],
  ['memberships', ['get_client_memberships', 'get_membership_list']],
  ['freeze membership', ['chain_loyalty_memberships_freeze']],
  ['deposit top up', ['create_client_account_topup_operation']],
  ['financial transactions', ['get_transactions']],
  ['cash registers', ['get_account_list']],
  ['z report', ['get_day_end_report_data']],
  ['tags', ['get_tag_list_by_entity']],
  ['reviews', ['get_comments']],
  ['group events', ['search_events']],
  ['timeslots', ['get_timeslot_settings']],
  ['phone validation', ['phone_number_format_check']],
  ['upload photo', ['upload_image']],
  ['POST /loyalty/cards', ['issue_loyalty_card']],
  ['issue_loyalty_card', ['issue_loyalty_card']],
  ['clie', ['get_client', 'get_client_list', 'create_client']],
];

const loyaltyCards = catalog.section('Loyalty Cards')!.operations.map((o) => o.id);

/** The same for Russian queries: the catalogue's Russian titles and the lexicon's Russian words. */
const RUSSIAN_QUERIES: [string, string[]][] = [
  ['клиенты', ['get_client_list', 'deprecated_get_client_list']],
  ['клиентов', ['get_client_list', 'deprecated_get_client_list']],
  ['клиент', ['get_client', 'get_client_list', 'create_client']],
  ['клиента', ['get_client', 'get_client_list', 'create_client']],
  ['поиск клиентов', ['get_client_list']],
  ['новый клиент', ['create_client']],
  ['добавить клиента', ['create_client']],
  ['изменить клиента', ['update_client']],
  ['найти клиента по телефону', ['get_chain_client_by_phone_number']],
  ['выдать карту', ['issue_loyalty_card']],
  ['удалить карту', ['remove_loyalty_card']],
  ['карта', loyaltyCards],
  ['карты', loyaltyCards],
  ['карту', loyaltyCards],
  ['типы карт', ['get_loyalty_card_type_list', 'get_chain_loyalty_card_type_list']],
  ['карты клиента', ['get_loyalty_card_list_by_client_id']],
  ['записи на сегодня', ['get_appointment_list']],
  ['запись', ['get_appointment', 'create_appointment', 'get_appointment_list']],
  ['записи', ['get_appointment_list']],
  ['создать запись', ['create_appointment']],
  ['отменить запись', ['delete_appointment']],
  ['сотрудники', ['get_team_member_list', 'get_team_member']],
  ['расписание сотрудника', ['get_team_member_schedule']],
  ['филиалы', ['get_location_list']],
  ['услуги', ['get_service_list', 'get_service']],
  ['товары', ['get_products_list']],
  ['склады', ['get_location_inventories']],
  ['кассы', ['get_account_list']],
  ['абонементы', ['get_client_memberships', 'get_membership_list']],
  ['сертификаты', ['get_client_gift_cards', 'get_gift_card_type_list', 'chain_loyalty_certificate_types_list']],
  ['отправить смс', ['send_sms_to_clients', 'send_sms_campaign_to_filtered_clients']],
  ['пополнить личный счёт', ['create_client_account_topup_operation']],
  ['групповые события', ['search_events']],
  ['z-отчёт', ['get_day_end_report_data']],
  ['вебхуки', ['get_hooks_settings']],
  ['чаевые', ['get_team_member_tip_settings']],
  ['авторизация', ['authorize_user']],
];

function misses(table: [string, string[]][]): string[] {
  return table
    .map(([query, expected]) => ({ query, expected, found: top(query) }))
    .filter((r) => !r.found.some((id) => r.expected.includes(id)))
    .map((r) => `"${r.query}" → ${r.found.join(', ') || 'nothing'} (expected ${r.expected.join(' or ')})`);
}

describe('catalog search', () => {
  it('names only operations that exist in the document', () => {
    const unknown = [...ENGLISH_QUERIES, ...RUSSIAN_QUERIES]
      .flatMap(([, ids]) => ids)
      .filter((id) => !catalog.operation(id));
    assert.deepStrictEqual(unknown, []);
  });

  it(`finds the expected operation in the top 3 for ${ENGLISH_QUERIES.length} real-world English queries`, () => {
    assert.ok(ENGLISH_QUERIES.length >= 30);
    assert.deepStrictEqual(misses(ENGLISH_QUERIES), []);
  });

  it(`finds the expected operation in the top 3 for ${RUSSIAN_QUERIES.length} Russian queries`, () => {
    assert.deepStrictEqual(misses(RUSSIAN_QUERIES), []);
  });

  it('matches English and Russian names at the same time', () => {
    assert.strictEqual(top('clients', 1)[0], top('клиенты', 1)[0]);
    assert.strictEqual(top('issue loyalty card', 1)[0], top('выдать карту лояльности', 1)[0]);
    assert.strictEqual(top('клиенты search', 1)[0], 'get_client_list');
    assert.ok(
      top('Карты лояльности', 5).every((id) => loyaltyCards.includes(id)),
      'the Russian section name',
    );
  });

  it('finds the same operation whichever word order is typed', () => {
    assert.strictEqual(top('clients search', 1)[0], 'get_client_list');
    assert.strictEqual(top('search clients', 1)[0], 'get_client_list');
  });

  it('matches singular and plural forms by their stem', () => {
    assert.ok(index.search('appointment').hits.some((h) => h.record.id === 'get_appointment_list'));
    assert.ok(index.search('appointments').hits.some((h) => h.record.id === 'get_appointment'));
  });

  it('treats synonyms alike: staff, employees and team members find the team members list', () => {
    for (const query of ['staff', 'employees', 'team members']) {
      assert.ok(top(query).includes('get_team_member_list'), `${query}: ${top(query).join(', ')}`);
    }
  });

  it("reads a path's word as its summary's phrase: a medical card's /cards is not a loyalty card", () => {
    const ids = (query: string) => index.search(query).hits.map((h) => h.record.id);
    const medical = catalog.operations.filter((o) => o.path.startsWith('/medicine/') && o.path.includes('/cards'));
    assert.ok(medical.length >= 4);
    for (const op of medical) {
      assert.ok(!ids('loyalty card').includes(op.id), `"loyalty card" found ${op.id}`);
      assert.ok(ids('medical card').includes(op.id), `"medical card" missed ${op.id}`);
    }
    assert.ok(ids('loyalty card').includes('issue_loyalty_card'));
  });

  it('matches the section name', () => {
    const hits = index.search('subscriptions certificates', { limit: 5 }).hits;
    assert.strictEqual(hits.length, 5);
    assert.ok(
      hits.every((h) => h.record.tag === 'Subscriptions & Certificates'),
      hits.map((h) => `${h.record.id} (${h.record.tag})`).join(', '),
    );
  });

  it('matches method words: "delete" ranks DELETE operations first', () => {
    for (const hit of index.search('delete', { limit: 10 }).hits) assert.strictEqual(hit.record.method, 'DELETE');
  });

  it('ranks destructive operations below safe ones for the same words', () => {
    const ids = index.search('clients', { limit: 10 }).hits.map((h) => h.record);
    assert.ok(
      ids.every((r) => !r.destructive),
      `no campaign or delete in the top 10: ${ids.map((r) => r.id).join(', ')}`,
    );
    const card = index.search('loyalty card').hits.map((h) => h.record.id);
    assert.ok(card.indexOf('issue_loyalty_card') < card.indexOf('remove_loyalty_card'));
  });

  it('does not rank a destructive operation down when the query asks for it', () => {
    assert.strictEqual(top('remove card', 1)[0], 'remove_loyalty_card');
  });

  it('completes a word being typed', () => {
    assert.ok(top('loyalty ca').some((id) => id.includes('loyalty_card')));
    assert.ok(top('appoi').some((id) => id.includes('appointment')));
  });

  it('reports a query that matches nothing with no hits, so the UI can offer the API tree', () => {
    const result = index.search('xyzzy frobnicate');
    assert.deepStrictEqual(result.hits, []);
    assert.deepStrictEqual(result.ignoredWords, ['xyzzy', 'frobnicate']);
  });

  it('ignores a word that matches no operation and names it', () => {
    const result = index.search('appointments today');
    assert.deepStrictEqual(result.ignoredWords, ['today']);
    assert.ok(result.hits.length > 0);
  });

  it('says when no operation matches every word', () => {
    const result = index.search('webhook salary');
    assert.strictEqual(result.partial, true);
    assert.ok(result.hits.length > 0);
    assert.strictEqual(index.search('webhook settings').partial, false);
  });

  it('lists every operation in the document order for an empty query', () => {
    const hits = index.search('   ').hits.map((h) => h.record.id);
    assert.deepStrictEqual(
      hits,
      catalog.operations.map((o) => o.id),
    );
  });

  it('puts an exact operation id first', () => {
    assert.strictEqual(top('get_client', 1)[0], 'get_client');
  });

  it('searches any plain array of compact records, English and Russian names at once', () => {
    const records: SearchRecord[] = [
      {
        id: 'list_widgets',
        method: 'GET',
        path: '/widgets/{location_id}',
        summary: 'List widgets',
        tag: 'Gadgets',
        destructive: false,
        deprecated: false,
        summaryRu: 'Получить список виджетов',
        tagRu: 'Гаджеты',
      },
      {
        id: 'remove_widget',
        method: 'DELETE',
        path: '/widgets/{location_id}/{widget_id}',
        summary: 'Remove a widget',
        tag: 'Gadgets',
        destructive: true,
        deprecated: false,
      },
    ];
    const small = new CatalogSearchIndex(records);
    assert.deepStrictEqual(
      small.search('widget').hits.map((h) => h.record.id),
      ['list_widgets', 'remove_widget'],
    );
    assert.deepStrictEqual(
      small.search('виджеты').hits.map((h) => h.record.id),
      ['list_widgets', 'remove_widget'],
    );
    assert.deepStrictEqual(
      small.search('гаджеты').hits.map((h) => h.record.id),
      ['list_widgets'],
    );
    assert.deepStrictEqual(small.search('delete widget').hits.map((h) => h.record.id)[0], 'remove_widget');
  });
});
