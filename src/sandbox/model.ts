// The sandbox's stored entities. Fields use Altegio's names so views stay thin; links between entities are ids
// (`location_id`, `client_id`, …) and the nested objects Altegio returns are assembled by the handlers' views.

export interface User {
  id: number;
  name: string;
  /** International form with "+". */
  phone: string;
  email: string;
  password: string;
  user_token: string;
  avatar: string;
  information: string;
  is_approved: boolean;
  is_email_confirmed: boolean;
  is_non_deletable: boolean;
  role: 'owner' | 'administrator';
  location_ids: number[];
}

export interface Chain {
  id: number;
  title: string;
}

export interface Location {
  id: number;
  chain_id: number;
  title: string;
  public_title: string;
  short_descr: string;
  logo: string;
  active: number;
  country_id: number;
  country: string;
  city_id: number;
  city: string;
  timezone: number;
  timezone_name: string;
  address: string;
  zip: string;
  coordinate_lat: number;
  coordinate_lon: number;
  phone: string;
  phones: string[];
  email: string;
  site: string;
  social: Record<string, string>;
  business_type_id: number;
  description: string;
  schedule: string;
  currency_short_title: string;
  phone_confirmation: boolean;
  group_priority: number;
}

export interface ServiceCategory {
  id: number;
  location_id: number;
  salon_service_id: number;
  title: string;
  api_id: string;
  weight: number;
}

export interface ServiceStaffLink {
  id: number;
  seance_length: number;
  technological_card_id?: number | null;
  price?: number | null;
}

export interface Service {
  id: number;
  location_id: number;
  salon_service_id: number;
  title: string;
  category_id: number;
  price_min: number;
  price_max: number;
  discount: number;
  comment: string;
  weight: number;
  active: number;
  api_id: string;
  duration: number;
  technical_break_duration: number | null;
  prepaid: string;
  staff: ServiceStaffLink[];
}

export interface Position {
  id: number;
  location_id: number;
  title: string;
  api_id: string | null;
}

export interface TeamMember {
  id: number;
  location_id: number;
  api_id: string;
  name: string;
  specialization: string;
  position_id: number | null;
  user_id: number | null;
  avatar: string;
  avatar_big: string;
  show_rating: number;
  rating: number;
  votes_count: number;
  comments_count: number;
  weight: number;
  information: string;
  hidden: number;
  fired: number;
  status: number;
  schedule_till: string;
}

export interface Client {
  id: number;
  location_id: number;
  name: string;
  surname: string;
  middle_name: string;
  /** Digits only, as Altegio stores phones; views add the "+". */
  phone: string;
  email: string;
  /** Client tags (labels of entity 1). */
  category_ids: number[];
  gender_id: number;
  discount: number;
  importance_id: number;
  card: string;
  birth_date: string;
  comment: string;
  sms_check: number;
  sms_not: number;
  spent: number;
  balance: number;
  visits: number;
  first_visit_date: string;
  last_visit_date: string;
  last_change_date: string;
  custom_fields: Record<string, unknown>;
}

export interface AppointmentService {
  id: number;
  first_cost: number;
  discount: number;
  cost: number;
  amount: number;
}

export interface Appointment {
  id: number;
  location_id: number;
  staff_id: number;
  client_id: number | null;
  services: AppointmentService[];
  /** ISO 8601 with offset, e.g. 2026-03-05T10:00:00-05:00. */
  datetime: string;
  seance_length: number;
  create_date: string;
  last_change_date: string;
  comment: string;
  online: boolean;
  attendance: number;
  confirmed: number;
  sms_before: number;
  sms_now: number;
  email_now: number;
  api_id: string;
  visit_id: number;
  created_user_id: number;
  paid_full: number;
  custom_color: string;
  record_labels: number[];
  activity_id: number;
  clients_count: number;
  custom_fields: Record<string, unknown>;
  deleted: boolean;
  /** Booked through this API (listed by GET /records/partner, with online bookings). */
  via_api?: boolean;
}

export interface LoyaltyType {
  id: number;
  title: string;
  is_discount: boolean;
  is_cashback: boolean;
  is_static: boolean;
  is_accumulative: boolean;
}

export interface LoyaltyProgram {
  id: number;
  chain_id: number;
  title: string;
  value: number;
  loyalty_type: LoyaltyType;
  item_type_id: number;
  value_unit_id: number;
  card_type_ids: number[];
  rules: { id: number; value: number; parameter: number }[];
  allowed_service_ids?: number[];
  allowed_good_ids?: number[];
  allowed_good_category_ids?: number[];
  usage_limit?: number;
  expiration_timeout?: number;
  expiration_timeout_unit?: string;
  expiration_notification_timeout?: number;
  on_changed_notification_template?: { type: string; body: string } | null;
}

export interface LoyaltyCardType {
  id: number;
  chain_id: number;
  title: string;
}

export interface LoyaltyCard {
  id: number;
  chain_id: number;
  /** The location that issued it. */
  location_id: number;
  client_id: number;
  /** Digits only. */
  phone: string;
  number: string;
  type_id: number;
  balance: number;
  points: number;
  paid_amount: number;
  sold_amount: number;
  visits_count: number;
  created_date: string;
}

export interface LoyaltyTransaction {
  id: number;
  card_id: number;
  chain_id: number;
  location_id: number | null;
  amount: number;
  title: string;
  /** 1 promotion discount, 2 program accrual, 3 card withdrawal, 4 referral accrual, 10 manual. */
  type_id: number;
  program_id: number | null;
  created_date: string;
  /** The visit and appointment it was applied in, if any. */
  visit_id?: number | null;
  record_id?: number | null;
  /** The sale document it paid, and what it drew on (to undo it when the payment is taken back). */
  document_id?: number | null;
  drawn_from?: { kind: 'card' | 'gift_card' | 'membership'; id: number; amount: number } | null;
}

export interface GiftCardType {
  id: number;
  chain_id: number;
  title: string;
  balance: number;
  is_multi: boolean;
  expiration_timeout: number;
  expiration_timeout_unit_id: number;
  item_type_id?: number;
  /** 0 none, 1 fixed date, 2 period from sale. */
  expiration_type_id?: number;
  expiration_date?: string | null;
  is_allow_empty_code?: boolean;
}

export interface GiftCard {
  id: number;
  chain_id: number;
  client_id: number;
  number: string;
  type_id: number;
  balance: number;
  status_id: number;
  created_date: string;
  expiration_date: string;
}

export interface MembershipType {
  id: number;
  chain_id: number;
  title: string;
  cost: number;
  period: number;
  period_unit_id: number;
  allow_freeze: boolean;
  freeze_limit: number;
  visits: number;
  service_category_id: number;
  is_archived?: boolean;
}

export interface Membership {
  id: number;
  chain_id: number;
  client_id: number;
  number: string;
  type_id: number;
  remaining_visits: number;
  is_frozen: boolean;
  freeze_period: number;
  freeze_till?: string | null;
  expiration_date: string;
  status_id: number;
  /** Set through set_period (1 day, 2 week, 3 month, 4 year); the type's otherwise. */
  period?: number;
  period_unit_id?: number;
  services_balance?: { service_id: number; balance: number }[];
}

export interface Deposit {
  id: number;
  chain_id: number;
  client_id: number;
  balance: number;
  type_id: number;
  type_title: string;
}

export interface DepositTransaction {
  id: number;
  deposit_id: number;
  location_id: number;
  user_id: number;
  amount: number;
  comment: string;
  date_create: string;
  /** The sale document it paid (a withdrawal), if any. */
  document_id: number | null;
}

export interface ProductCategory {
  id: number;
  location_id: number;
  parent_id: number;
  title: string;
}

export interface Product {
  id: number;
  location_id: number;
  title: string;
  print_title: string;
  article: string;
  barcode: string;
  category_id: number;
  cost: number;
  actual_cost: number;
  unit_id: number;
  unit_short_title: string;
  service_unit_id: number;
  service_unit_short_title: string;
  unit_equals: number;
  /** Stock per storage. */
  amounts: { storage_id: number; amount: number }[];
  last_change_date: string;
}

export interface Storage {
  id: number;
  location_id: number;
  title: string;
  for_services: number;
  for_sale: number;
  comment: string;
}

export interface StockDocument {
  id: number;
  location_id: number;
  /** 1 product sale, 3 arrival, 4 write-off, 7 visit, … */
  type_id: number;
  storage_id: number;
  user_id: number;
  number: number;
  comment: string;
  create_date: string;
  client_id: number | null;
  record_id: number | null;
  visit_id: number | null;
}

export interface GoodsTransaction {
  id: number;
  location_id: number;
  document_id: number;
  type_id: number;
  good_id: number;
  amount: number;
  cost_per_unit: number;
  discount: number;
  cost: number;
  storage_id: number;
  client_id: number | null;
  master_id: number | null;
  supplier_id: number;
  /** 1 sale unit, 2 service unit. */
  operation_unit_type: number;
  comment: string;
  create_date: string;
  last_change_date: string;
}

export interface PaymentAccount {
  id: number;
  location_id: number;
  title: string;
  /** 0 cash, 1 non-cash. */
  type: number;
  comment: string;
}

export interface FinanceTransaction {
  id: number;
  location_id: number;
  date: string;
  expense_id: number;
  expense_title: string;
  account_id: number;
  amount: number;
  client_id: number | null;
  master_id: number | null;
  record_id: number | null;
  document_id: number | null;
  supplier_id: number;
  comment: string;
  last_change_date: string;
}

export interface CustomField {
  id: number;
  location_id: number;
  /** Which entity it extends. */
  category: 'client' | 'record';
  code: string;
  title: string;
  type_code: 'text' | 'number' | 'select' | 'date' | 'datetime';
  values: string[] | null;
  show_in_ui: boolean;
  user_can_edit: boolean;
}

export interface Tag {
  id: number;
  location_id: number;
  title: string;
  color: string;
  icon: string;
  /** 0 common, 1 client, 2 appointment (record), 3 event (activity). */
  entity: number;
  deleted: number;
  not_editable: number;
}

/** A team member's usual hours on one day of the week (1 Monday … 7 Sunday); no entry means a day off. */
export interface WorkingHours {
  id: number;
  location_id: number;
  staff_id: number;
  weekday: number;
  /** "HH:mm" ranges, in the location's time. */
  slots: { from: string; to: string }[];
}

/** The hours of one team member on one date, set through the schedule API; replaces the weekly hours that day. */
export interface ScheduleDay {
  id: number;
  location_id: number;
  staff_id: number;
  /** "YYYY-MM-DD". */
  date: string;
  /** Empty: not working that day. */
  slots: { from: string; to: string }[];
}

/** A group event (activity): a service given by a team member to up to `capacity` clients at once. */
export interface GroupEvent {
  id: number;
  location_id: number;
  service_id: number;
  staff_id: number;
  /** ISO 8601 with offset. */
  datetime: string;
  length: number;
  capacity: number;
  comment: string;
  label_ids: number[];
  resource_instance_ids: number[];
  /** The appointments booked into it. */
  record_ids: number[];
}

/**
 * Anything else the API keeps, as the document shapes it: an entity of a collection found from the paths
 * (`family` is the collection's path shape, `scope` the path values that own it, e.g. "720441/4240788" for a
 * client's comments) or the one document of a path, such as its settings. `data` has the answer's shape: an
 * entity with its own `id` (unique within the family), or any JSON value for a document.
 */
export interface StoredRecord {
  id: number;
  family: string;
  scope: string;
  /** True for the one document of a path; false for an entity of a collection. */
  document: boolean;
  data: unknown;
}

/** Every stored collection, by name. */
export interface Entities {
  users: User;
  chains: Chain;
  locations: Location;
  serviceCategories: ServiceCategory;
  services: Service;
  positions: Position;
  staff: TeamMember;
  clients: Client;
  appointments: Appointment;
  loyaltyPrograms: LoyaltyProgram;
  loyaltyCardTypes: LoyaltyCardType;
  loyaltyCards: LoyaltyCard;
  loyaltyTransactions: LoyaltyTransaction;
  giftCardTypes: GiftCardType;
  giftCards: GiftCard;
  membershipTypes: MembershipType;
  memberships: Membership;
  deposits: Deposit;
  depositTransactions: DepositTransaction;
  productCategories: ProductCategory;
  products: Product;
  storages: Storage;
  stockDocuments: StockDocument;
  goodsTransactions: GoodsTransaction;
  accounts: PaymentAccount;
  financeTransactions: FinanceTransaction;
  customFields: CustomField;
  tags: Tag;
  workingHours: WorkingHours;
  scheduleDays: ScheduleDay;
  events: GroupEvent;
  records: StoredRecord;
}

export type CollectionName = keyof Entities;

export const COLLECTION_NAMES: readonly CollectionName[] = [
  'users',
  'chains',
  'locations',
  'serviceCategories',
  'services',
  'positions',
  'staff',
  'clients',
  'appointments',
  'loyaltyPrograms',
  'loyaltyCardTypes',
  'loyaltyCards',
  'loyaltyTransactions',
  'giftCardTypes',
  'giftCards',
  'membershipTypes',
  'memberships',
  'deposits',
  'depositTransactions',
  'productCategories',
  'products',
  'storages',
  'stockDocuments',
  'goodsTransactions',
  'accounts',
  'financeTransactions',
  'customFields',
  'tags',
  'workingHours',
  'scheduleDays',
  'events',
  'records',
];

/** 2: working hours, schedule days, group events and the document-derived records were added. */
export const STATE_VERSION = 2;

/** The whole state as it is persisted: plain JSON. */
export interface SandboxState {
  version: typeof STATE_VERSION;
  collections: { [K in CollectionName]: Entities[K][] };
}
