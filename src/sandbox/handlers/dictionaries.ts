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

const BUSINESS_GROUPS = [
  {
    id: 1,
    title: 'Beauty industry',
    types: [
      { id: 1, title: 'Beauty salon', business_group_id: 1 },
      { id: 2, title: 'Barbershop', business_group_id: 1 },
      { id: 3, title: 'Nail studio', business_group_id: 1 },
      { id: 4, title: 'Spa', business_group_id: 1 },
    ],
  },
  {
    id: 2,
    title: 'Health',
    types: [
      { id: 11, title: 'Medical clinic', business_group_id: 2 },
      { id: 12, title: 'Dental clinic', business_group_id: 2 },
      { id: 13, title: 'Massage', business_group_id: 2 },
    ],
  },
  {
    id: 3,
    title: 'Sport',
    types: [
      { id: 21, title: 'Fitness club', business_group_id: 3 },
      { id: 22, title: 'Yoga studio', business_group_id: 3 },
    ],
  },
  { id: 10, title: 'Household services', types: [{ id: 31, title: 'Tailoring', business_group_id: 10 }] },
];

/** Fiscal tax systems by country; countries without fiscalisation have none. */
const TAX_SYSTEMS: Record<number, { title: string; slug: string; vats: { title: string; slug: string }[] }[]> = {
  1: [
    {
      title: 'General tax system',
      slug: 'ru_osn',
      vats: [
        { title: 'No VAT', slug: 'ru_vat_none' },
        { title: '0%', slug: 'ru_vat_0' },
        { title: '10%', slug: 'ru_vat_10' },
        { title: '20%', slug: 'ru_vat_20' },
      ],
    },
    { title: 'Simplified (income)', slug: 'ru_usn_income', vats: [{ title: 'No VAT', slug: 'ru_vat_none' }] },
    { title: 'Patent', slug: 'ru_patent', vats: [{ title: 'No VAT', slug: 'ru_vat_none' }] },
  ],
  7: [
    {
      title: 'Sales tax',
      slug: 'us_sales_tax',
      vats: [
        { title: '0%', slug: 'us_tax_0' },
        { title: '8.875%', slug: 'us_tax_8875' },
      ],
    },
  ],
  21: [
    {
      title: 'General tax regime',
      slug: 'kz_general',
      vats: [
        { title: 'No VAT', slug: 'kz_vat_none' },
        { title: '12%', slug: 'kz_vat_12' },
      ],
    },
    { title: 'Simplified declaration', slug: 'kz_simplified', vats: [{ title: 'No VAT', slug: 'kz_vat_none' }] },
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
