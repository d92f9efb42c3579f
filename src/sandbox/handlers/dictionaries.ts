// Altegio's reference dictionaries as the sandbox knows them (countries, cities, business types, fiscal tax systems)
// and the phone number check. They do not change through the API; filters and ids in the request choose from them.
import type { Handler } from './handler';
import { respond, respondList } from './responses';

interface Country {
  id: number;
  title: string;
  full_title: string;
  iso_code: string;
  phone_code: string;
  phone_template: string;
  phone_example: string;
  currency: string;
  exchange: number;
  lang_id: number;
  /** National significant number length (digits after the country code). */
  digits: number;
}

const COUNTRIES: Country[] = [
  {
    id: 1,
    title: 'Russia',
    full_title: 'Russian Federation',
    iso_code: 'RU',
    phone_code: '7',
    phone_template: '+7 xxx xxx-xx-xx',
    phone_example: '+7 912 345-67-89',
    currency: '₽',
    exchange: 92.5,
    lang_id: 1,
    digits: 10,
  },
  {
    id: 7,
    title: 'USA',
    full_title: 'United States',
    iso_code: 'US',
    phone_code: '1',
    phone_template: '+1 xxx-xxx-xxxx',
    phone_example: '+1 201-123-4567',
    currency: '$',
    exchange: 1,
    lang_id: 2,
    digits: 10,
  },
  {
    id: 9,
    title: 'Canada',
    full_title: 'Canada',
    iso_code: 'CA',
    phone_code: '1',
    phone_template: '+1 xxx-xxx-xxxx',
    phone_example: '+1 416-123-4567',
    currency: 'C$',
    exchange: 1.36,
    lang_id: 2,
    digits: 10,
  },
  {
    id: 12,
    title: 'UK',
    full_title: 'United Kingdom',
    iso_code: 'GB',
    phone_code: '44',
    phone_template: '+44 xxxx xxxxxx',
    phone_example: '+44 7400 123456',
    currency: '£',
    exchange: 0.79,
    lang_id: 2,
    digits: 10,
  },
  {
    id: 15,
    title: 'Germany',
    full_title: 'Germany',
    iso_code: 'DE',
    phone_code: '49',
    phone_template: '+49 xxx xxxxxxxx',
    phone_example: '+49 151 23456789',
    currency: '€',
    exchange: 0.92,
    lang_id: 2,
    digits: 11,
  },
  {
    id: 21,
    title: 'Kazakhstan',
    full_title: 'Republic of Kazakhstan',
    iso_code: 'KZ',
    phone_code: '7',
    phone_template: '+7 xxx xxx-xx-xx',
    phone_example: '+7 701 123-45-67',
    currency: '₸',
    exchange: 495.2,
    lang_id: 1,
    digits: 10,
  },
];

const CITIES = [
  { id: 2, country_id: 1, title: 'Moscow' },
  { id: 3, country_id: 1, title: 'Saint Petersburg' },
  { id: 181, country_id: 7, title: 'New York' },
  { id: 182, country_id: 7, title: 'Los Angeles' },
  { id: 183, country_id: 7, title: 'Chicago' },
  { id: 184, country_id: 7, title: 'Miami' },
  { id: 201, country_id: 9, title: 'Toronto' },
  { id: 202, country_id: 9, title: 'Vancouver' },
  { id: 301, country_id: 12, title: 'London' },
  { id: 302, country_id: 12, title: 'Manchester' },
  { id: 401, country_id: 15, title: 'Berlin' },
  { id: 402, country_id: 15, title: 'Munich' },
  { id: 501, country_id: 21, title: 'Almaty' },
  { id: 502, country_id: 21, title: 'Astana' },
];

/** A business group with its types (id → title); each type names its group. */
function businessGroup(id: number, title: string, types: Record<number, string>) {
  const typeList = Object.entries(types).map(([typeId, name]) => ({
    id: Number(typeId),
    title: name,
    business_group_id: id,
  }));
  return { id, title, types: typeList };
}

const BUSINESS_GROUPS = [
  businessGroup(1, 'Beauty industry', { 1: 'Beauty salon', 2: 'Barbershop', 3: 'Nail studio', 4: 'Spa' }),
  businessGroup(2, 'Health', { 11: 'Medical clinic', 12: 'Dental clinic', 13: 'Massage' }),
  businessGroup(3, 'Sport', { 21: 'Fitness club', 22: 'Yoga studio' }),
  businessGroup(10, 'Household services', { 31: 'Tailoring' }),
];

interface TaxSystem {
  title: string;
  slug: string;
  vats: { title: string; slug: string }[];
}

/** A fiscal tax system with its VAT rates (slug → title), in the order given. */
function taxSystem(title: string, slug: string, vats: Record<string, string>): TaxSystem {
  return { title, slug, vats: Object.entries(vats).map(([vatSlug, vatTitle]) => ({ title: vatTitle, slug: vatSlug })) };
}

/** Fiscal tax systems by country; countries without fiscalisation have none. */
const TAX_SYSTEMS: Record<number, TaxSystem[]> = {
  1: [
    taxSystem('General tax system', 'ru_osn', {
      ru_vat_none: 'No VAT',
      ru_vat_0: '0%',
      ru_vat_10: '10%',
      ru_vat_20: '20%',
    }),
    taxSystem('Simplified (income)', 'ru_usn_income', { ru_vat_none: 'No VAT' }),
    taxSystem('Patent', 'ru_patent', { ru_vat_none: 'No VAT' }),
  ],
  7: [taxSystem('Sales tax', 'us_sales_tax', { us_tax_0: '0%', us_tax_8875: '8.875%' })],
  21: [
    taxSystem('General tax regime', 'kz_general', { kz_vat_none: 'No VAT', kz_vat_12: '12%' }),
    taxSystem('Simplified declaration', 'kz_simplified', { kz_vat_none: 'No VAT' }),
  ],
};

export function countryById(id: number): Country | undefined {
  return COUNTRIES.find((c) => c.id === id);
}

export function cityById(id: number) {
  return CITIES.find((c) => c.id === id);
}

function countryView({ digits: _digits, ...country }: Country) {
  return country;
}

/** Whether a phone is a full international number of a known country (with or without "+"). */
export function isValidPhone(raw: string): boolean {
  if (!/^\+?[0-9\s()-]+$/.test(raw)) return false;
  const digits = raw.replace(/[^0-9]/g, '');
  return COUNTRIES.some((c) => digits.startsWith(c.phone_code) && digits.length === c.phone_code.length + c.digits);
}

export const dictionaryHandlers: Record<string, Handler> = {
  get_countries(ctx) {
    return respondList(ctx, COUNTRIES.map(countryView));
  },

  get_cities(ctx) {
    const country = ctx.query.country_id === undefined ? undefined : Number(ctx.query.country_id);
    const locationId = ctx.query.salon_id === undefined ? undefined : Number(ctx.query.salon_id);
    // A location filter narrows the list to its city; a location the sandbox does not have matches none.
    const location = locationId === undefined ? undefined : ctx.store.get('locations', locationId);
    return respondList(
      ctx,
      CITIES.filter(
        (c) =>
          (country === undefined || c.country_id === country) &&
          (locationId === undefined || c.id === location?.city_id),
      ),
    );
  },

  get_references_business_groups_with_types(ctx) {
    return respondList(ctx, BUSINESS_GROUPS);
  },

  get_tax_system_list(ctx) {
    return respondList(ctx, TAX_SYSTEMS[Number(ctx.pathParams.country_id)] ?? []);
  },

  phone_number_format_check(ctx) {
    return respond(ctx, { is_valid: isValidPhone(String(ctx.pathParams.phone)) });
  },
};
