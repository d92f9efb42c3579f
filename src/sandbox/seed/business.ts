// The fixed part of the seed business "Bloom Beauty Group": chain, locations, catalogue, team, loyalty set-up,
// products and the back office. Ids and shapes follow reference/altegio-api/sample-data.md, and the ids the
// OpenAPI document uses in its examples (paths and request bodies) all address something here.
import { DEMO_LOGIN, DEMO_PASSWORD, DEMO_USER_ID, DEMO_USER_NAME, DEMO_USER_TOKEN, OWNER_USER } from '../credentials';
import type {
  Chain,
  CustomField,
  GiftCardType,
  Location,
  LoyaltyCardType,
  LoyaltyProgram,
  LoyaltyType,
  MembershipType,
  PaymentAccount,
  Position,
  Product,
  ProductCategory,
  Service,
  ServiceCategory,
  Storage,
  Tag,
  TeamMember,
  User,
} from '../model';

export const CHAIN_ID = 706028;
export const MANHATTAN = 720441;
export const BROOKLYN = 720442;

export const chains: Chain[] = [{ id: CHAIN_ID, title: 'Bloom Beauty Group' }];

const locationDefaults = {
  chain_id: CHAIN_ID,
  short_descr: 'Beauty salon',
  logo: 'https://app.alteg.io/images/no-master.png',
  active: 1,
  country_id: 7,
  country: 'United States',
  city_id: 181,
  city: 'New York',
  timezone: -5,
  timezone_name: 'America/New_York',
  site: 'bloom.example',
  business_type_id: 1,
  schedule: 'Mon-Sun 09:00-21:00',
  currency_short_title: '$',
  phone_confirmation: true,
};

export const locations: Location[] = [
  {
    ...locationDefaults,
    id: MANHATTAN,
    title: 'Bloom Beauty - Manhattan',
    public_title: 'Bloom Beauty Manhattan',
    address: 'New York, 787 Jackson Drive',
    zip: '11435',
    coordinate_lat: 40.73061,
    coordinate_lon: -73.935242,
    phone: '+12125357710',
    phones: ['12125357710', '12125357711'],
    email: 'manhattan@bloom.example',
    social: { facebook: '', instagram: 'instagram.com/bloom_manhattan/', telegram: '', whatsapp: '', viber: '' },
    description: 'The <strong>Bloom</strong> salon in Manhattan',
    group_priority: 900,
  },
  {
    ...locationDefaults,
    id: BROOKLYN,
    title: 'Bloom Beauty - Brooklyn',
    public_title: 'Bloom Beauty Brooklyn',
    address: 'Brooklyn, 214 Bedford Avenue',
    zip: '11249',
    coordinate_lat: 40.717556,
    coordinate_lon: -73.958344,
    phone: '+17185357720',
    phones: ['17185357720'],
    email: 'brooklyn@bloom.example',
    social: { facebook: '', instagram: 'instagram.com/bloom_brooklyn/', telegram: '', whatsapp: '', viber: '' },
    description: 'The <strong>Bloom</strong> studio in Williamsburg',
    group_priority: 800,
  },
];

export const users: User[] = [
  {
    id: OWNER_USER.id,
    name: OWNER_USER.name,
    phone: '+13155550175',
    email: OWNER_USER.login,
    password: OWNER_USER.password,
    user_token: OWNER_USER.userToken,
    avatar: 'https://app.alteg.io/images/no-master-sm.png',
    information: 'Owner',
    is_approved: true,
    is_email_confirmed: true,
    is_non_deletable: true,
    role: 'owner',
    location_ids: [MANHATTAN, BROOKLYN],
  },
  {
    id: DEMO_USER_ID,
    name: DEMO_USER_NAME,
    phone: '+13155550176',
    email: DEMO_LOGIN,
    password: DEMO_PASSWORD,
    user_token: DEMO_USER_TOKEN,
    avatar: 'https://app.alteg.io/images/no-master-sm.png',
    information: 'Front desk manager (sandbox demo account)',
    is_approved: true,
    is_email_confirmed: true,
    is_non_deletable: false,
    role: 'administrator',
    location_ids: [MANHATTAN, BROOKLYN],
  },
];

export const serviceCategories: ServiceCategory[] = [
  { id: 1001, location_id: MANHATTAN, salon_service_id: 353, title: 'Hair', api_id: 'cat-hair', weight: 10 },
  { id: 1002, location_id: MANHATTAN, salon_service_id: 354, title: 'Colour', api_id: 'cat-colour', weight: 9 },
  { id: 1003, location_id: MANHATTAN, salon_service_id: 355, title: 'Nails', api_id: 'cat-nails', weight: 8 },
  { id: 1004, location_id: MANHATTAN, salon_service_id: 356, title: 'Skin care', api_id: 'cat-skin', weight: 7 },
  { id: 1005, location_id: MANHATTAN, salon_service_id: 357, title: 'Yoga', api_id: 'cat-yoga', weight: 5 },
  { id: 83167, location_id: MANHATTAN, salon_service_id: 358, title: 'Barbering', api_id: 'cat-barber', weight: 6 },
  { id: 1011, location_id: BROOKLYN, salon_service_id: 353, title: 'Hair', api_id: 'bk-hair', weight: 10 },
  { id: 1012, location_id: BROOKLYN, salon_service_id: 355, title: 'Nails', api_id: 'bk-nails', weight: 8 },
];

export const positions: Position[] = [
  { id: 301, location_id: MANHATTAN, title: 'Senior stylist', api_id: null },
  { id: 302, location_id: MANHATTAN, title: 'Stylist', api_id: null },
  { id: 303, location_id: MANHATTAN, title: 'Nail technician', api_id: null },
  { id: 304, location_id: MANHATTAN, title: 'Aesthetician', api_id: null },
  { id: 123, location_id: MANHATTAN, title: 'Barber', api_id: null },
  { id: 305, location_id: MANHATTAN, title: 'Administrator', api_id: null },
  { id: 311, location_id: BROOKLYN, title: 'Stylist', api_id: null },
  { id: 312, location_id: BROOKLYN, title: 'Nail technician', api_id: null },
];

function member(
  id: number,
  location_id: number,
  name: string,
  specialization: string,
  position_id: number,
  rating: number,
  votes_count: number,
  weight: number,
  information: string,
  user_id: number | null = null,
): TeamMember {
  return {
    id,
    location_id,
    api_id: String(id % 1000),
    name,
    specialization,
    position_id,
    user_id,
    avatar: 'https://app.alteg.io/images/no-master-sm.png',
    avatar_big: 'https://app.alteg.io/images/no-master.png',
    show_rating: 1,
    rating,
    votes_count,
    comments_count: Math.round(votes_count / 3),
    weight,
    information,
    hidden: 0,
    fired: 0,
    status: 0,
    schedule_till: '2026-12-31',
  };
}

export const staff: TeamMember[] = [
  member(5905, MANHATTAN, 'Emma Johnson', 'Hair stylist', 301, 4.8, 25, 10, '<p>Colour specialist</p>', OWNER_USER.id),
  member(
    5907,
    MANHATTAN,
    'Natalie Green',
    'Stylist and yoga instructor',
    302,
    4.57,
    14,
    9,
    '<p>Cuts, blow-dries and the Saturday yoga flow</p>',
  ),
  member(5908, MANHATTAN, 'Sophia Martinez', 'Nail technician', 303, 4.9, 31, 8, '<p>Gel and nail art</p>'),
  member(5909, MANHATTAN, 'Ava Wilson', 'Aesthetician', 304, 4.7, 18, 7, '<p>Facials and peels</p>'),
  member(5910, MANHATTAN, 'Isabella Moore', 'Colourist', 302, 4.6, 12, 6, '<p>Balayage and root colour</p>'),
  member(8886, MANHATTAN, 'Michael Davis', 'Barber', 123, 4.85, 22, 5, "<p>Men's cuts and beard trims</p>"),
  member(5920, BROOKLYN, 'Liam Taylor', 'Hair stylist', 311, 4.75, 16, 10, '<p>Short cuts and fades</p>'),
  member(5921, BROOKLYN, 'Mia Anderson', 'Nail technician', 312, 4.8, 20, 9, '<p>Manicure and gel polish</p>'),
  member(5922, BROOKLYN, 'Charlotte Thomas', 'Hair stylist', 311, 4.65, 9, 8, '<p>Curly hair specialist</p>'),
  member(5923, BROOKLYN, 'Lucas White', 'Hair stylist', 311, 4.5, 7, 7, '<p>Classic cuts</p>'),
];

function service(
  id: number,
  location_id: number,
  category_id: number,
  title: string,
  price_min: number,
  price_max: number,
  duration: number,
  staffIds: number[],
  comment = '',
  weight = 5,
): Service {
  return {
    id,
    location_id,
    salon_service_id: 322000 + (id % 1000),
    title,
    category_id,
    price_min,
    price_max,
    discount: 0,
    comment,
    weight,
    active: 1,
    api_id: String(id).padStart(11, '0'),
    duration,
    technical_break_duration: null,
    prepaid: 'forbidden',
    staff: staffIds.map((sid) => ({
      id: sid,
      seance_length: duration,
      technological_card_id: TECH_CARD_OF[id] ?? null,
    })),
  };
}

/** The bill of materials (tech card, in seed/records.ts) each service's team members use by default. */
const TECH_CARD_OF: Record<number, number> = {
  2001: 36069,
  2002: 36069,
  2003: 36070,
  2004: 36070,
  2005: 36071,
  2006: 36071,
};

export const services: Service[] = [
  service(2001, MANHATTAN, 1001, "Women's haircut", 60, 90, 3600, [5905, 5907], 'Wash, cut and blow-dry', 6),
  service(2002, MANHATTAN, 1001, 'Blow-dry and styling', 40, 55, 2700, [5905, 5907]),
  service(2003, MANHATTAN, 1002, 'Root colour', 85, 110, 5400, [5905, 5910]),
  service(2004, MANHATTAN, 1002, 'Balayage', 180, 260, 10800, [5910]),
  service(2005, MANHATTAN, 1003, 'Classic manicure', 30, 35, 2700, [5908]),
  service(2006, MANHATTAN, 1003, 'Gel pedicure', 55, 65, 3600, [5908]),
  service(2007, MANHATTAN, 1004, 'Hydrating facial', 95, 120, 3600, [5909]),
  service(2008, MANHATTAN, 1004, 'Chemical peel', 120, 150, 2700, [5909]),
  service(2050, MANHATTAN, 1005, 'Yoga flow', 25, 25, 3600, [5907], 'Group class, up to 12 people'),
  service(331, MANHATTAN, 83167, "Men's haircut", 45, 45, 2700, [8886]),
  service(332, MANHATTAN, 83167, 'Beard trim', 25, 25, 1800, [8886]),
  service(2101, BROOKLYN, 1011, "Women's haircut", 55, 80, 3600, [5920, 5922, 5923], 'Wash, cut and blow-dry', 6),
  service(2102, BROOKLYN, 1011, "Men's haircut", 40, 40, 2700, [5920, 5923]),
  service(2103, BROOKLYN, 1011, 'Curly cut', 75, 95, 5400, [5922]),
  service(2104, BROOKLYN, 1012, 'Classic manicure', 28, 32, 2700, [5921]),
  service(2105, BROOKLYN, 1012, 'Gel polish', 45, 50, 3600, [5921]),
];

/** A kind of loyalty programme: a discount or a cashback, each either fixed or accumulative. */
function loyaltyType(id: number, title: string, isCashback: boolean, isAccumulative: boolean): LoyaltyType {
  return {
    id,
    title,
    is_discount: !isCashback,
    is_cashback: isCashback,
    is_static: !isAccumulative,
    is_accumulative: isAccumulative,
  };
}
const cashback = loyaltyType(7, 'Accumulative cashback (paid)', true, true);
const fixedDiscount = loyaltyType(1, 'Fixed discount', false, false);
const fixedCashback = loyaltyType(3, 'Fixed cashback', true, false);

/** A programme of the chain, in % (value unit 1), with its one rule: the same value from `parameter` on. */
function program(
  id: number,
  title: string,
  value: number,
  loyalty_type: LoyaltyType,
  item_type_id: number,
  card_type_ids: number[],
  ruleId: number,
  parameter: number,
): LoyaltyProgram {
  return {
    id,
    chain_id: CHAIN_ID,
    title,
    value,
    loyalty_type,
    item_type_id,
    value_unit_id: 1,
    card_type_ids,
    rules: [{ id: ruleId, value, parameter }],
  };
}

export const loyaltyPrograms: LoyaltyProgram[] = [
  program(12720, '5% cashback on paid amount', 5, cashback, 0, [8230, 8232], 71149, 100),
  program(12721, '10% off services for club members', 10, fixedDiscount, 1, [8231, 8232], 71150, 0),
  program(12722, '3% cashback on products', 3, fixedCashback, 2, [8232], 71151, 0),
  program(12723, 'Birthday month: 15% off services', 15, fixedDiscount, 1, [8230, 8231, 8232], 71152, 0),
];

export const loyaltyCardTypes: LoyaltyCardType[] = [
  { id: 8230, chain_id: CHAIN_ID, title: 'Bloom Cashback' },
  { id: 8231, chain_id: CHAIN_ID, title: 'Bloom Club' },
  { id: 8232, chain_id: CHAIN_ID, title: 'Bloom Gold' },
];

export const giftCardTypes: GiftCardType[] = [
  {
    id: 27841,
    chain_id: CHAIN_ID,
    title: 'Gift card $150',
    balance: 150,
    is_multi: true,
    expiration_timeout: 12,
    expiration_timeout_unit_id: 3,
  },
  {
    id: 27842,
    chain_id: CHAIN_ID,
    title: 'Gift card $50',
    balance: 50,
    is_multi: false,
    expiration_timeout: 6,
    expiration_timeout_unit_id: 3,
  },
];

export const membershipTypes: MembershipType[] = [
  {
    id: 97804,
    chain_id: CHAIN_ID,
    title: '10 yoga classes',
    cost: 200,
    period: 3,
    period_unit_id: 3,
    allow_freeze: true,
    freeze_limit: 14,
    visits: 10,
    service_category_id: 1005,
  },
  {
    id: 97805,
    chain_id: CHAIN_ID,
    title: '5 blow-dries',
    cost: 180,
    period: 2,
    period_unit_id: 3,
    allow_freeze: false,
    freeze_limit: 0,
    visits: 5,
    service_category_id: 1001,
  },
];

export const productCategories: ProductCategory[] = [
  { id: 289632, location_id: MANHATTAN, parent_id: 0, title: 'Hair care' },
  { id: 289633, location_id: MANHATTAN, parent_id: 0, title: 'Nail care' },
  { id: 289634, location_id: MANHATTAN, parent_id: 0, title: 'Skin care' },
  { id: 289635, location_id: MANHATTAN, parent_id: 0, title: 'Salon consumables' },
  { id: 289640, location_id: BROOKLYN, parent_id: 0, title: 'Hair care' },
  { id: 289641, location_id: BROOKLYN, parent_id: 0, title: 'Nail care' },
];

export const storages: Storage[] = [
  { id: 36539, location_id: MANHATTAN, title: 'Retail', for_services: 0, for_sale: 1, comment: 'Front desk shelf' },
  { id: 36540, location_id: MANHATTAN, title: 'Consumables', for_services: 1, for_sale: 0, comment: 'Back room' },
  { id: 36541, location_id: BROOKLYN, title: 'Retail', for_services: 0, for_sale: 1, comment: 'Front desk shelf' },
];

function product(
  id: number,
  location_id: number,
  category_id: number,
  title: string,
  article: string,
  cost: number,
  actual_cost: number,
  amounts: [number, number][],
  service_unit_short_title = 'ml',
  unit_equals = 250,
): Product {
  return {
    id,
    location_id,
    title,
    print_title: title.replace(/ \d+ (ml|g)$/, ''),
    article,
    barcode: `46012345${String(id % 100000).padStart(5, '0')}`,
    category_id,
    cost,
    actual_cost,
    unit_id: 4835,
    unit_short_title: 'pcs',
    service_unit_id: 3548,
    service_unit_short_title,
    unit_equals,
    amounts: amounts.map(([storage_id, amount]) => ({ storage_id, amount })),
    last_change_date: '2026-01-10T12:00:00-0500',
  };
}

export const products: Product[] = [
  product(232674, MANHATTAN, 289632, 'Argan shampoo 250 ml', 'SH-250', 24, 11, [[36539, 42]]),
  product(232675, MANHATTAN, 289632, 'Argan conditioner 250 ml', 'CO-250', 26, 12, [[36539, 35]]),
  product(232676, MANHATTAN, 289632, 'Repair hair mask 200 ml', 'MA-200', 32, 14, [[36539, 18]], 'ml', 200),
  product(232677, MANHATTAN, 289632, 'Heat protect spray 150 ml', 'HP-150', 22, 9, [[36539, 27]], 'ml', 150),
  product(232685, MANHATTAN, 289632, 'Hair oil 100 ml', 'HO-100', 28, 12, [[36539, 20]], 'ml', 100),
  product(232678, MANHATTAN, 289633, 'Cuticle oil 15 ml', 'CU-15', 12, 4, [[36539, 50]], 'ml', 15),
  product(232679, MANHATTAN, 289633, 'Hand cream 75 ml', 'HC-75', 14, 5, [[36539, 44]], 'ml', 75),
  product(232681, MANHATTAN, 289633, 'Gel polish base 10 ml', 'GB-10', 16, 6, [[36540, 30]], 'ml', 10),
  product(232682, MANHATTAN, 289634, 'Vitamin C serum 30 ml', 'VC-30', 48, 19, [[36539, 15]], 'ml', 30),
  product(232683, MANHATTAN, 289634, 'Hydrating cleanser 200 ml', 'HY-200', 26, 10, [[36539, 22]], 'ml', 200),
  product(232684, MANHATTAN, 289634, 'Sheet mask', 'SM-01', 6, 2, [[36539, 120]], 'pcs', 1),
  product(232680, MANHATTAN, 289635, 'Styling mousse 500 ml', 'ST-500', 18, 8, [[36540, 24]], 'ml', 500),
  product(232686, MANHATTAN, 289635, 'Colour developer 1 l', 'CD-1000', 21, 9, [[36540, 16]], 'ml', 1000),
  product(232700, BROOKLYN, 289640, 'Argan shampoo 250 ml', 'SH-250', 24, 11, [[36541, 25]]),
  product(232701, BROOKLYN, 289640, 'Curl cream 150 ml', 'CC-150', 27, 11, [[36541, 14]], 'ml', 150),
  product(232702, BROOKLYN, 289641, 'Cuticle oil 15 ml', 'CU-15', 12, 4, [[36541, 30]], 'ml', 15),
];

export const accounts: PaymentAccount[] = [
  { id: 90218, location_id: MANHATTAN, title: 'Cash desk', type: 0, comment: 'Front desk' },
  { id: 23182, location_id: MANHATTAN, title: 'Cards', type: 1, comment: 'POS terminal' },
  { id: 90219, location_id: BROOKLYN, title: 'Cash desk', type: 0, comment: 'Front desk' },
  { id: 23183, location_id: BROOKLYN, title: 'Cards', type: 1, comment: 'POS terminal' },
];

/** A field users see and edit: a select when it lists its values, else free text. */
function customField(
  id: number,
  location_id: number,
  category: CustomField['category'],
  code: string,
  title: string,
  values: string[] | null = null,
): CustomField {
  return {
    id,
    location_id,
    category,
    code,
    title,
    type_code: values ? 'select' : 'text',
    values,
    show_in_ui: true,
    user_can_edit: true,
  };
}

export const customFields: CustomField[] = [
  customField(1, MANHATTAN, 'client', 'allergies', 'Allergies'),
  customField(2, MANHATTAN, 'client', 'referral_source', 'How did you hear about us', [
    'Instagram',
    'Friend',
    'Walk-in',
    'Google',
  ]),
  customField(3, MANHATTAN, 'record', 'patch_test_done', 'Patch test done', ['Yes', 'No']),
  customField(4, BROOKLYN, 'client', 'allergies', 'Allergies'),
];

/** A live tag; `entity` is 0 common, 1 client, 2 appointment, 3 event. */
function tag(
  id: number,
  location_id: number,
  title: string,
  color: string,
  icon: string,
  entity: number,
  notEditable = 0,
): Tag {
  return { id, location_id, title, color, icon, entity, deleted: 0, not_editable: notEditable };
}

export const tags: Tag[] = [
  tag(101, MANHATTAN, 'Loyal', '#bfd4f2', 'heart', 1),
  tag(102, MANHATTAN, 'New', '#c2e0c6', 'star', 1),
  tag(103, MANHATTAN, 'Sensitive skin', '#fef2c0', 'info', 1),
  tag(104, BROOKLYN, 'Loyal', '#bfd4f2', 'heart', 1),
  tag(105, BROOKLYN, 'New', '#c2e0c6', 'star', 1),
  tag(67345, MANHATTAN, 'VIP', '#ff2828', 'star', 2),
  tag(67346, MANHATTAN, 'First visit', '#009800', 'flag', 2),
  tag(67347, MANHATTAN, 'Beginner friendly', '#0052cc', 'unlock', 3),
  tag(67348, MANHATTAN, 'Staff only', '#5319e7', 'lock', 0, 1),
  tag(67350, BROOKLYN, 'VIP', '#ff2828', 'star', 2),
];
