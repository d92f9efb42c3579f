// Services and service categories of a location: list with filters, read, create, replace, patch and delete.
import type { Service, ServiceCategory } from '../model';
import type { Store } from '../store';
import {
  ApiError,
  bodyOf,
  fieldProblem,
  has,
  idParam,
  notFound,
  respond,
  respondList,
  type Handler,
  type HandlerContext,
} from './context';
import { respondPage } from './paging';

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
  const id = idParam(ctx, 'service_id');
  const service = ctx.store.get('services', id);
  if (!service || service.location_id !== idParam(ctx, 'location_id')) throw notFound('Service', id);
  return service;
}

function categoryOf(ctx: HandlerContext): ServiceCategory {
  const id = idParam(ctx, 'category_id');
  const category = ctx.store.get('serviceCategories', id);
  if (!category || category.location_id !== idParam(ctx, 'location_id')) throw notFound('Service category', id);
  return category;
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

  delete_service_category(ctx) {
    // Like removing a category in Altegio's back office: its services go with it.
    const category = categoryOf(ctx);
    for (const s of ctx.store.filter('services', (x) => x.category_id === category.id))
      ctx.store.remove('services', s.id);
    ctx.store.remove('serviceCategories', category.id);
    return respond(ctx, null);
  },
};
