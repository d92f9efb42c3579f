// Tags (labels) of a location: create and update (202 Accepted, as Altegio answers), list by entity, delete,
// and the client-tag list and create calls.
import type { Tag } from '../model';
import type { Store } from '../store';
import { ApiError, fieldProblem, notFound } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, idParam } from './request';
import { accepted, respond, respondList } from './responses';
import { paginate } from './paging';

/** Entity codes and the names Altegio accepts for them. */
const ENTITY_CODES: Record<string, number> = { common: 0, client: 1, record: 2, appointment: 2, activity: 3, event: 3 };
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

function entityCode(raw: unknown, field: string): number {
  const text = String(raw).toLowerCase();
  const code = /^[0-3]$/.test(text) ? Number(text) : ENTITY_CODES[text];
  if (code === undefined)
    throw new ApiError(400, `${field} must be common, client, record or activity (or 0 to 3)`, {
      [field]: [`${field} must be common, client, record or activity (or 0 to 3)`],
    });
  return code;
}

function tagView(tag: Tag) {
  const { location_id, ...fields } = tag;
  return { ...fields, salon_id: location_id };
}

function tagOf(ctx: HandlerContext): Tag {
  const id = idParam(ctx, 'tag_id');
  const tag = ctx.store.get('tags', id);
  if (!tag || tag.deleted || tag.location_id !== idParam(ctx, 'location_id')) throw notFound('Tag', id);
  return tag;
}

function tagFields(body: Record<string, unknown>): Pick<Tag, 'title' | 'color'> & Partial<Tag> {
  const title = String(body.title ?? '').trim();
  if (!title) throw fieldProblem('title', 'title must not be empty');
  const color = String(body.color ?? '');
  if (!HEX_COLOUR.test(color)) throw fieldProblem('color', 'color must be a hex colour like #ff2828');
  const fields: Pick<Tag, 'title' | 'color'> & Partial<Tag> = { title, color };
  if (body.entity !== undefined && body.entity !== null) fields.entity = entityCode(body.entity, 'entity');
  if (typeof body.icon === 'string') fields.icon = body.icon;
  return fields;
}

function createTag(ctx: HandlerContext, fields: Partial<Tag>): Tag {
  return ctx.store.insert('tags', {
    id: ctx.store.nextId('tags'),
    location_id: idParam(ctx, 'location_id'),
    title: '',
    color: '#009800',
    icon: '',
    entity: 0,
    deleted: 0,
    not_editable: 0,
    ...fields,
  });
}

function liveTags(store: Store, locationId: number, entity: number): Tag[] {
  return store.filter('tags', (t) => t.location_id === locationId && t.entity === entity && !t.deleted);
}

export const tagHandlers: Record<string, Handler> = {
  create_tag(ctx) {
    // The fields may come in the query instead of the body (the YCLIENTS blueprint's only documented form).
    createTag(ctx, tagFields({ ...ctx.query, ...bodyOf(ctx) }));
    return accepted(ctx);
  },

  get_tag_list_by_entity(ctx) {
    const tags = liveTags(ctx.store, idParam(ctx, 'location_id'), entityCode(ctx.pathParams.entity, 'entity'));
    return respondList(ctx, tags.map(tagView));
  },

  update_tag_by_tag_id(ctx) {
    const tag = tagOf(ctx);
    if (tag.not_editable) throw new ApiError(422, `Tag ${tag.id} cannot be edited.`);
    ctx.store.update('tags', tag.id, tagFields(bodyOf(ctx)));
    return accepted(ctx);
  },

  delete_tag_by_tag_id(ctx) {
    const tag = tagOf(ctx);
    ctx.store.remove('tags', tag.id);
    // Nothing keeps pointing at a tag that is gone.
    for (const c of ctx.store.filter('clients', (x) => x.category_ids.includes(tag.id))) {
      ctx.store.update('clients', c.id, { category_ids: c.category_ids.filter((id) => id !== tag.id) });
    }
    for (const a of ctx.store.filter('appointments', (x) => x.record_labels.includes(tag.id))) {
      ctx.store.update('appointments', a.id, { record_labels: a.record_labels.filter((id) => id !== tag.id) });
    }
    return respond(ctx, null);
  },

  get_labels_clients(ctx) {
    const term = typeof ctx.query.term === 'string' ? ctx.query.term.toLowerCase() : '';
    const tags = liveTags(ctx.store, idParam(ctx, 'location_id'), 1).filter((t) =>
      t.title.toLowerCase().includes(term),
    );
    // The client-tag list has no icons.
    const rows = tags.map((t) => {
      const { icon: _icon, ...view } = tagView(t);
      return view;
    });
    const { items, meta } = paginate(ctx, rows);
    return respond(ctx, items, meta);
  },

  create_labels_clients_create(ctx) {
    createTag(ctx, { ...tagFields(bodyOf(ctx)), entity: 1 });
    return respond(ctx, null);
  },
};
