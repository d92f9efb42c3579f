// Services and service categories of a location: list with filters, read, create, replace, patch and delete.
import type { Service, ServiceCategory, ServiceStaffLink } from '../model';
import type { Store } from '../store';
import { ApiError, fieldProblem } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, has, idParam, locationRecord } from './request';
import { respond, respondList } from './responses';
import { respondPage } from './paging';
import { pathShape } from './resources/paths';
import { entityOf } from './resources/records';

export function serviceView(service: Service) {
  const { location_id: _location, ...fields } = service;
  return fields;
}

function categoryView(store: Store, category: ServiceCategory) {
  const staff = new Set<number>();
  for (const s of store.filter('services', (x) => x.category_id === category.id))
    for (const link of s.staff) staff.add(link.id);
  const { location_id: _location, ...fields } = category;
  return { ...fields, staff: [...staff].sort((a, b) => a - b) };
}

function serviceOf(ctx: HandlerContext): Service {
  return locationRecord(ctx, 'services', 'service_id', 'Service');
}

function categoryOf(ctx: HandlerContext): ServiceCategory {
  return locationRecord(ctx, 'serviceCategories', 'category_id', 'Service category');
}

/** Checks the references a service body makes (category, team members) and returns the fields to store. */
function serviceFields(ctx: HandlerContext, body: Record<string, unknown>): Partial<Service> {
  const locationId = idParam(ctx, 'location_id');
  const fields: Partial<Service> = {};
  if (has(body, 'category_id')) {
    const category = ctx.store.get('serviceCategories', body.category_id as number);
    if (!category || category.location_id !== locationId) {
      throw fieldProblem(
        'category_id',
        `category_id ${String(body.category_id)} is not a service category of location ${locationId}`,
      );
    }
    fields.category_id = category.id;
  }
  if (has(body, 'staff')) {
    const links = body.staff as { id: number; seance_length?: number }[];
    const errors: Record<string, string[]> = {};
    links.forEach((link, i) => {
      const member = ctx.store.get('staff', link.id);
      if (!member || member.location_id !== locationId)
        errors[`staff[${i}].id`] = [`staff[${i}].id ${link.id} is not a team member of location ${locationId}`];
    });
    if (Object.keys(errors).length) throw new ApiError(422, 'Some team members do not work at this location.', errors);
    fields.staff = links.map((l) => ({
      id: l.id,
      seance_length: l.seance_length ?? (body.duration as number | undefined) ?? 3600,
    }));
  }
  for (const key of [
    'title',
    'price_min',
    'price_max',
    'discount',
    'comment',
    'weight',
    'active',
    'api_id',
    'duration',
    'prepaid',
  ] as const) {
    if (has(body, key) && body[key] !== null) (fields as Record<string, unknown>)[key] = body[key];
  }
  if (has(body, 'technical_break_duration'))
    fields.technical_break_duration = body.technical_break_duration as number | null;
  return fields;
}

function checkLength(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 300 || seconds > 86100)
    throw fieldProblem('seance_length', 'seance_length must be between 300 and 86100 seconds');
  return seconds;
}

/** A tech card id must name a bill of materials of the location (null: none). */
function checkTechCard(ctx: HandlerContext, id: number | null | undefined): number | null {
  if (id === null || id === undefined) return null;
  const card = entityOf(ctx.store, TECH_CARDS, String(idParam(ctx, 'location_id')), id);
  if (!card)
    throw fieldProblem(
      'technological_card_id',
      `technological_card_id ${id} is not a bill of materials of location ${idParam(ctx, 'location_id')}`,
    );
  return id;
}

const TECH_CARDS = pathShape('/technological_cards/{location_id}');

function linkOf(ctx: HandlerContext, service: Service): ServiceStaffLink {
  const memberId = idParam(ctx, 'team_member_id');
  const link = service.staff.find((l) => l.id === memberId);
  if (!link) throw new ApiError(404, `Team member ${memberId} does not provide service ${service.id}.`);
  return link;
}

function linkView(serviceId: number, link: ServiceStaffLink) {
  return {
    service_id: serviceId,
    master_id: link.id,
    length: link.seance_length,
    // 0 when the link has no bill of materials (the document types it as an integer).
    technological_card_id: link.technological_card_id ?? 0,
    api_id: '',
    is_online: true,
    is_offline_records_allowed: true,
    price: link.price ?? null,
  };
}

function checkPrices(service: Pick<Service, 'price_min' | 'price_max'>): void {
  if (service.price_min > service.price_max)
    throw fieldProblem(
      'price_max',
      `price_max ${service.price_max} must not be lower than price_min ${service.price_min}`,
    );
}

function replaceService(ctx: HandlerContext) {
  const service = serviceOf(ctx);
  const fields = serviceFields(ctx, bodyOf(ctx));
  checkPrices({ ...service, ...fields });
  const updated = ctx.store.update('services', service.id, fields)!;
  return respond(ctx, serviceView(updated));
}

export const serviceHandlers: Record<string, Handler> = {
  get_service_list(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const { staff_id, category_id } = ctx.query as { staff_id?: number; category_id?: number };
    const list = ctx.store.filter(
      'services',
      (s) =>
        s.location_id === locationId &&
        (category_id === undefined || s.category_id === category_id) &&
        (staff_id === undefined || s.staff.some((l) => l.id === staff_id)),
    );
    return respondPage(ctx, list, serviceView);
  },

  create_service(ctx) {
    const body = bodyOf(ctx);
    const fields = serviceFields(ctx, body);
    const id = ctx.store.nextId('services');
    const service: Service = {
      id,
      location_id: idParam(ctx, 'location_id'),
      salon_service_id: 322000 + (id % 1000),
      title: '',
      category_id: 0,
      price_min: 0,
      price_max: 0,
      discount: 0,
      comment: '',
      weight: 0,
      active: 1,
      api_id: '',
      duration: 3600,
      technical_break_duration: null,
      prepaid: 'forbidden',
      staff: [],
      ...fields,
    };
    // A single price given as the minimum is also the maximum.
    if (fields.price_max === undefined) service.price_max = service.price_min;
    checkPrices(service);
    return respond(ctx, serviceView(ctx.store.insert('services', service)));
  },

  get_service(ctx) {
    return respondList(ctx, [serviceView(serviceOf(ctx))]);
  },

  deprecated_get_service_list_by_id(ctx) {
    return respondList(ctx, [serviceView(serviceOf(ctx))]);
  },

  deprecated_update_service_by_id: replaceService,
  patch_service: replaceService,

  delete_service(ctx) {
    ctx.store.remove('services', serviceOf(ctx).id);
    return respond(ctx, null);
  },

  get_service_category(ctx) {
    return respond(ctx, categoryView(ctx.store, categoryOf(ctx)));
  },

  get_service_category_list(ctx) {
    return respondList(ctx, [categoryView(ctx.store, categoryOf(ctx))]);
  },

  deprecated_get_service_category_list(ctx) {
    return respondList(ctx, [categoryView(ctx.store, categoryOf(ctx))]);
  },

  create_service_category(ctx) {
    const body = bodyOf(ctx) as { title: string; api_id?: string | null; weight?: number | null };
    const id = ctx.store.nextId('serviceCategories');
    const category = ctx.store.insert('serviceCategories', {
      id,
      location_id: idParam(ctx, 'location_id'),
      salon_service_id: 350 + (id % 100),
      title: body.title,
      api_id: body.api_id ?? '',
      weight: body.weight ?? 0,
    });
    return respond(ctx, categoryView(ctx.store, category));
  },

  update_service_category(ctx) {
    const category = categoryOf(ctx);
    const body = bodyOf(ctx) as { title: string; api_id?: string | null; weight?: number | null };
    const updated = ctx.store.update('serviceCategories', category.id, {
      title: body.title,
      api_id: body.api_id ?? category.api_id,
      weight: body.weight ?? category.weight,
    })!;
    return respond(ctx, categoryView(ctx.store, updated));
  },

  assign_service_to_team_member(ctx) {
    const service = serviceOf(ctx);
    const body = bodyOf(ctx) as { master_id: number; seance_length: number; technological_card_id?: number | null };
    const member = ctx.store.get('staff', body.master_id);
    if (!member || member.location_id !== service.location_id)
      throw fieldProblem(
        'master_id',
        `master_id ${body.master_id} is not a team member of location ${service.location_id}`,
      );
    checkTechCard(ctx, body.technological_card_id);
    // Linking a member who already provides the service sets their duration and tech card again.
    const link = {
      id: member.id,
      seance_length: checkLength(body.seance_length),
      technological_card_id: body.technological_card_id ?? null,
    };
    ctx.store.update('services', service.id, { staff: [...service.staff.filter((l) => l.id !== member.id), link] });
    return respond(ctx, linkView(service.id, link));
  },

  update_service_team_member_assignment(ctx) {
    const service = serviceOf(ctx);
    const link = linkOf(ctx, service);
    const body = bodyOf(ctx) as { seance_length?: number | null; technological_card_id?: number | null };
    const updated = {
      ...link,
      ...(body.seance_length != null ? { seance_length: checkLength(body.seance_length) } : {}),
      ...(has(body, 'technological_card_id')
        ? { technological_card_id: checkTechCard(ctx, body.technological_card_id) }
        : {}),
    };
    ctx.store.update('services', service.id, { staff: service.staff.map((l) => (l.id === link.id ? updated : l)) });
    return respond(ctx, linkView(service.id, updated));
  },

  remove_service_from_team_member(ctx) {
    const service = serviceOf(ctx);
    const link = linkOf(ctx, service);
    ctx.store.update('services', service.id, { staff: service.staff.filter((l) => l.id !== link.id) });
    return respond(ctx, null);
  },

  /**
   * Replaces a service's team-member links in one call: `{service_id, master_settings: [{master_id, seance_length,
   * technological_card_id, price}]}`. The document does not capture the body; an empty body changes nothing.
   */
  update_service_links(ctx) {
    const body = bodyOf(ctx) as { service_id?: number; master_settings?: unknown; staff?: unknown };
    if (!Object.keys(body).length) return respond(ctx, null);
    const locationId = idParam(ctx, 'location_id');
    const service = ctx.store.get('services', Number(body.service_id));
    if (!service || service.location_id !== locationId)
      throw fieldProblem(
        'service_id',
        `service_id ${String(body.service_id)} is not a service of location ${locationId}`,
      );
    const settings = (body.master_settings ?? body.staff ?? []) as Record<string, unknown>[];
    if (!Array.isArray(settings))
      throw fieldProblem('master_settings', 'master_settings must be a list of team member links');
    const links = settings.map((raw, i) => {
      const memberId = Number(raw.master_id ?? raw.staff_id ?? raw.id);
      const member = ctx.store.get('staff', memberId);
      if (!member || member.location_id !== locationId)
        throw fieldProblem(
          `master_settings[${i}].master_id`,
          `master_settings[${i}].master_id ${memberId} is not a team member of location ${locationId}`,
        );
      return {
        id: memberId,
        seance_length: checkLength(Number(raw.seance_length ?? raw.length ?? service.duration)),
        technological_card_id: (raw.technological_card_id as number | null | undefined) ?? null,
        price: (raw.price as number | null | undefined) ?? null,
      };
    });
    ctx.store.update('services', service.id, { staff: links });
    return respond(ctx, null);
  },

  /** The chain's service categories: each category title the chain's locations share, with where it is used. */
  get_chain_service_category_list(ctx) {
    const chainId = idParam(ctx, 'chain_id');
    const locations = new Set(ctx.store.filter('locations', (l) => l.chain_id === chainId).map((l) => l.id));
    const byChainId = new Map<
      number,
      { id: number; title: string; api_id: string; weight: number; company_ids: number[]; category_ids: number[] }
    >();
    for (const c of ctx.store.filter('serviceCategories', (x) => locations.has(x.location_id))) {
      const entry = byChainId.get(c.salon_service_id) ?? {
        id: c.salon_service_id,
        title: c.title,
        api_id: c.api_id,
        weight: c.weight,
        company_ids: [],
        category_ids: [],
      };
      entry.company_ids.push(c.location_id);
      entry.category_ids.push(c.id);
      byChainId.set(c.salon_service_id, entry);
    }
    return respondList(
      ctx,
      [...byChainId.values()].sort((a, b) => b.weight - a.weight),
    );
  },

  delete_service_category(ctx) {
    // Like removing a category in Altegio's back office: its services go with it.
    const category = categoryOf(ctx);
    for (const s of ctx.store.filter('services', (x) => x.category_id === category.id))
      ctx.store.remove('services', s.id);
    ctx.store.remove('serviceCategories', category.id);
    return respond(ctx, null);
  },
};
