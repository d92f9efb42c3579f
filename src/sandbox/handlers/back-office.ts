// Back-office lists of a location read from the seed business: payment accounts, storages, custom fields and
// the users who work there.
import type { CustomField } from '../model';
import type { Handler } from './handler';
import { idParam } from './request';
import { respondList } from './responses';

export function customFieldView(field: CustomField) {
  return {
    id: field.id,
    salon_id: field.location_id,
    custom_field: {
      id: field.id,
      code: field.code,
      entity_type: null,
      show_in_ui: field.show_in_ui,
      title: field.title,
      user_can_edit: field.user_can_edit,
      type: { code: field.type_code, title: field.type_code[0].toUpperCase() + field.type_code.slice(1) },
      values: field.values,
    },
  };
}

export const backOfficeHandlers: Record<string, Handler> = {
  get_account_list(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const accounts = ctx.store.filter('accounts', (a) => a.location_id === locationId);
    return respondList(
      ctx,
      accounts.map(({ id, title, type, comment }) => ({ id, title, type, comment })),
    );
  },

  get_location_inventories(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const storages = ctx.store.filter('storages', (s) => s.location_id === locationId);
    return respondList(
      ctx,
      storages.map(({ location_id: _l, ...s }) => s),
    );
  },

  get_custom_field_list(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const category = ctx.pathParams.field_category;
    const fields = ctx.store.filter('customFields', (f) => f.location_id === locationId && f.category === category);
    return respondList(ctx, fields.map(customFieldView));
  },

  get_location_users(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const users = ctx.store.filter('users', (u) => u.location_ids.includes(locationId));
    return respondList(
      ctx,
      users.map((u) => ({
        id: u.id,
        name: u.name,
        phone: u.phone,
        email: u.email,
        information: u.information,
        is_approved: u.is_approved,
        is_non_deletable: u.is_non_deletable,
      })),
    );
  },
};
