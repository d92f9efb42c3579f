// The generic resource engine: every operation without a handler of its own reads and writes stored records by
// what its path says it is (a collection and its items, an action on an item, or the one document of a path),
// and answers in the shape its documented schema gives. New operations of the document work without code here.
import type { Catalog, JsonSchema, OperationSpec } from '../../../api/catalog';
import type { StoredRecord } from '../../model';
import { compactOffset, nowEastern, wallClock } from '../../time';
import { ApiError } from '../errors';
import type { Handler, HandlerContext } from '../handler';
import { bodyOf } from '../request';
import { accepted, respond, respondList } from '../responses';
import { respondPage } from '../paging';
import { paramNames, planResources, type ResourcePlan, type ResourceRole } from './paths';
import { documentOf, entitiesOf, entityOf, insertEntity, saveDocument, scopeOf } from './records';
import { aliasesOf, answersList, answersNothing, emptyValue, entitySchema, fitToSchema, overlay } from './shapes';

interface Family {
  /** Every field any operation of the family documents for one entity. */
  schema: JsonSchema;
  /** An example entity, to write timestamps the way the document shows them. */
  example: Record<string, unknown>;
  /** The path parameters that own an entity (the collection path's parameters). */
  scopeParams: string[];
}

/** Fields stamped with the time of a create, and of every change. */
const CREATED_FIELDS = new Set(['create_date', 'created_at', 'date_create', 'date_created', 'created_date']);
const CHANGED_FIELDS = new Set(['update_date', 'updated_at', 'last_change_date', 'date_update', 'changed_at']);

/** What a verb at the end of an item's path does, where it is not a plain update. */
const VERBS: Record<string, Record<string, unknown>> = {
  enable: { is_enabled: true, enabled: true, is_active: true },
  disable: { is_enabled: false, enabled: false, is_active: false },
  archive: { is_archived: true, archived: true },
  restore: { is_archived: false, archived: false, deleted: false, is_deleted: false },
  freeze: { is_frozen: true },
  unfreeze: { is_frozen: false },
};
const COPY_VERBS = new Set(['clone', 'copy', 'duplicate']);

export class ResourceEngine {
  private readonly plan: ResourcePlan;
  private readonly roles = new Map<string, ResourceRole>();
  private readonly families = new Map<string, Family>();

  constructor(catalog: Catalog) {
    this.plan = planResources(catalog);
    for (const op of catalog.operations) {
      const role = this.plan.role(op);
      this.roles.set(op.id, role);
      const names = role.kind === 'list' ? role.families : [role.family];
      for (const name of names) this.learn(name, op);
    }
  }

  role(op: OperationSpec): ResourceRole {
    return this.roles.get(op.id) ?? this.plan.role(op);
  }

  /** The generic item ids in an operation's path (e.g. schedule_id), with the collection each belongs to. */
  itemParams(op: OperationSpec) {
    return this.plan.itemParams(op);
  }

  /** A 404 message when a generic item id in the path names nothing; undefined when everything exists. */
  missingItem(ctx: Pick<HandlerContext, 'op' | 'store' | 'pathParams'>): string | undefined {
    for (const { param, family, scopeParams } of this.plan.itemParams(ctx.op)) {
      const id = Number(ctx.pathParams[param]);
      if (!Number.isInteger(id) || !entityOf(ctx.store, family, scopeOf(ctx.pathParams, scopeParams), id))
        return `${describeParam(param)} ${String(ctx.pathParams[param])} not found.`;
    }
    return undefined;
  }

  handler(): Handler {
    return (ctx) => this.answer(ctx);
  }

  private learn(name: string, op: OperationSpec): void {
    const family = this.families.get(name) ?? {
      schema: { type: 'object', properties: {} },
      example: {},
      scopeParams: [],
    };
    const entity = entitySchema(op);
    if (entity?.properties) family.schema.properties = { ...entity.properties, ...family.schema.properties };
    const example = exampleEntity(op);
    if (example) family.example = { ...example, ...family.example };
    family.scopeParams = this.plan.scopeParams(name) ?? paramNames(op.path);
    this.families.set(name, family);
  }

  private answer(ctx: HandlerContext) {
    const role = this.role(ctx.op);
    switch (role.kind) {
      case 'list':
        return this.list(ctx, role.families);
      case 'create':
        return this.create(ctx, role.family);
      case 'read':
        return this.present(ctx, this.item(ctx, role.family, role.itemParam).data);
      case 'update':
        return this.update(ctx, role.family, role.itemParam);
      case 'delete': {
        const record = this.item(ctx, role.family, role.itemParam);
        ctx.store.remove('records', record.id);
        return ctx.op.success.status === 202 ? accepted(ctx) : respond(ctx, null);
      }
      case 'action':
        return this.act(ctx, role.family, role.itemParam, role.verb);
      case 'document':
        return this.document(ctx, role.family);
    }
  }

  private item(ctx: HandlerContext, family: string, itemParam: string): StoredRecord {
    const scope = scopeOf(ctx.pathParams, this.families.get(family)?.scopeParams ?? []);
    const id = Number(ctx.pathParams[itemParam]);
    const record = entityOf(ctx.store, family, scope, id);
    if (!record) throw new ApiError(404, `${describeParam(itemParam)} ${String(ctx.pathParams[itemParam])} not found.`);
    return record;
  }

  private list(ctx: HandlerContext, families: string[]) {
    const scope = scopeOf(ctx.pathParams, paramNames(ctx.op.path));
    const entities = entitiesOf(ctx.store, families, scope)
      .map((r) => r.data as Record<string, unknown>)
      .filter(matchesQuery(ctx));
    const schema = entitySchema(ctx.op);
    const now = nowEastern();
    const view = (e: Record<string, unknown>) => fitToSchema(e, schema, now);
    if (ctx.op.paging) return respondPage(ctx, entities, view);
    return respondList(ctx, entities.map(view));
  }

  private create(ctx: HandlerContext, name: string) {
    const family = this.families.get(name)!;
    const now = nowEastern();
    const base = emptyValue(family.schema, now, true) as Record<string, unknown>;
    let entity = overlay(base, bodyFields(ctx), family.schema);
    entity = { ...entity, ...this.ownedFields(ctx, family), ...this.stamps(family, entity, now, true, ctx) };
    const { record } = insertEntity(ctx.store, name, scopeOf(ctx.pathParams, family.scopeParams), entity);
    return this.present(ctx, record.data);
  }

  private update(ctx: HandlerContext, name: string, itemParam: string) {
    const family = this.families.get(name)!;
    const record = this.item(ctx, name, itemParam);
    const now = nowEastern();
    let data = overlay(record.data as Record<string, unknown>, bodyFields(ctx), family.schema);
    data = {
      ...data,
      ...this.ownedFields(ctx, family),
      ...this.stamps(family, data, now, false, ctx),
      id: (record.data as { id: number }).id,
    };
    ctx.store.update('records', record.id, { data });
    return this.present(ctx, data);
  }

  private act(ctx: HandlerContext, name: string, itemParam: string, verb: string) {
    const family = this.families.get(name)!;
    const record = this.item(ctx, name, itemParam);
    const current = record.data as Record<string, unknown>;
    const props = family.schema.properties ?? {};
    if (COPY_VERBS.has(verb)) {
      const copy = { ...current, ...this.stamps(family, current, nowEastern(), true, ctx) };
      if (typeof copy.title === 'string') copy.title = `${copy.title} (copy)`;
      const created = insertEntity(ctx.store, name, record.scope, overlay(copy, bodyFields(ctx), family.schema));
      return this.present(ctx, created.record.data);
    }
    const flags = Object.fromEntries(Object.entries(VERBS[verb] ?? {}).filter(([k]) => k in props || k in current));
    const data = { ...overlay(current, bodyFields(ctx), family.schema), ...flags };
    ctx.store.update('records', record.id, { data });
    return this.present(ctx, data);
  }

  private document(ctx: HandlerContext, name: string) {
    const scope = scopeOf(ctx.pathParams, paramNames(ctx.op.path));
    const stored = documentOf(ctx.store, name, scope);
    if (ctx.op.method === 'GET') {
      const now = nowEastern();
      return this.present(ctx, stored ? stored.data : emptyValue(entitySchema(ctx.op) ?? {}, now, true), true);
    }
    if (ctx.op.method === 'DELETE') {
      if (!stored) throw new ApiError(404, `Nothing is stored at ${ctx.op.path} for these parameters.`);
      ctx.store.remove('records', stored.id);
      return ctx.op.success.status === 202 ? accepted(ctx) : respond(ctx, null);
    }
    const sent = Array.isArray(ctx.body) ? ctx.body : bodyFields(ctx);
    const current = stored?.data;
    const family = this.families.get(name);
    const data =
      Array.isArray(sent) || !current || typeof current !== 'object' || Array.isArray(current)
        ? sent
        : overlay(current as Record<string, unknown>, sent, family?.schema);
    saveDocument(ctx.store, name, scope, data);
    return this.present(ctx, data);
  }

  /** The answer for an entity or document: its documented shape, as a list where the answer is one. */
  private present(ctx: HandlerContext, value: unknown, isDocument = false) {
    if (ctx.op.success.status === 202) return accepted(ctx);
    if (answersNothing(ctx.op)) return respond(ctx, null);
    const now = nowEastern();
    const list = answersList(ctx.op);
    if (isDocument && Array.isArray(value)) {
      const items = value.map((v) => fitToSchema(v, entitySchema(ctx.op), now));
      return list ? respondList(ctx, items) : respond(ctx, items);
    }
    const shaped = fitToSchema(value, entitySchema(ctx.op), now);
    return list ? respondList(ctx, [shaped]) : respond(ctx, shaped);
  }

  /** The fields the path fixes: owners (company_id ← location_id) and parents (…_schedule_id ← schedule_id). */
  private ownedFields(ctx: HandlerContext, family: Family): Record<string, unknown> {
    const props = family.schema.properties ?? {};
    const out: Record<string, unknown> = {};
    for (const param of paramNames(ctx.op.path)) {
      const value = ctx.pathParams[param];
      if (value === undefined || param === 'phone') continue;
      for (const name of aliasesOf(param)) if (name in props) out[name] = value;
      for (const name of Object.keys(props)) if (name.endsWith(`_${param}`) && name !== param) out[name] = value;
    }
    return out;
  }

  /** Creation and change times, and who made the change, under the names and in the formats the family uses. */
  private stamps(
    family: Family,
    entity: Record<string, unknown>,
    now: string,
    creating: boolean,
    ctx: HandlerContext,
  ): Record<string, unknown> {
    const props = family.schema.properties ?? {};
    const body = bodyFields(ctx);
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(props)) {
      if (name in body) continue;
      if ((creating && CREATED_FIELDS.has(name)) || CHANGED_FIELDS.has(name))
        out[name] = formatLike(family.example[name], now);
      if (creating && ctx.user) {
        if (name === 'user_id') out[name] = ctx.user.id;
        if (name === 'user_name') out[name] = ctx.user.name;
        if (name === 'user' && props.user?.properties)
          out[name] = { ...(entity.user as object), id: ctx.user.id, name: ctx.user.name };
      }
    }
    return out;
  }
}

function describeParam(param: string): string {
  const words = param.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function bodyFields(ctx: HandlerContext): Record<string, unknown> {
  return bodyOf(ctx);
}

function exampleEntity(op: OperationSpec): Record<string, unknown> | undefined {
  const example = op.success.example as { data?: unknown } | undefined;
  const data = op.enveloped ? example?.data : example;
  const item = Array.isArray(data) ? data[0] : data;
  return item && typeof item === 'object' ? (item as Record<string, unknown>) : undefined;
}

/** `now` written the way the document writes that field: "Y-m-d H:i:s", a date, or ISO with or without a colon. */
function formatLike(example: unknown, now: string): string {
  const text = typeof example === 'string' ? example : '';
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return wallClock(now);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return now.slice(0, 10);
  if (/[+-]\d{4}$/.test(text)) return compactOffset(now);
  return now;
}

const PAGING_PARAMS = new Set([
  'page',
  'count',
  'page_size',
  'limit',
  'offset',
  'include',
  'fields',
  'editable_length',
]);
const FROM_PARAMS = new Set(['start_date', 'date_from', 'from', 'c_start_date', 'created_after']);
const TILL_PARAMS = new Set(['end_date', 'date_to', 'till', 'to', 'c_end_date', 'created_before']);
const TEXT_PARAMS = new Set(['term', 'title', 'search', 'query', 'q']);
const DATE_FIELDS = ['date', 'datetime', 'create_date', 'created_at', 'date_create', 'date_created'];

/**
 * A filter from the query: a parameter named like a field (or its alias) must match it, `ids`/`…_ids` lists
 * select by id, date ranges apply to the entity's date, and a search term to its title, name or text.
 */
function matchesQuery(ctx: HandlerContext): (entity: Record<string, unknown>) => boolean {
  const tests: ((e: Record<string, unknown>) => boolean)[] = [];
  for (const [name, raw] of Object.entries(ctx.query)) {
    if (raw === undefined || raw === '' || PAGING_PARAMS.has(name)) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    if (FROM_PARAMS.has(name) || TILL_PARAMS.has(name)) {
      const bound = String(raw).slice(0, 10);
      const after = FROM_PARAMS.has(name);
      tests.push((e) => {
        // A period (date_from … date_to) matches when it overlaps the range asked for.
        if (typeof e.date_from === 'string' && typeof e.date_to === 'string')
          return after ? e.date_to.slice(0, 10) >= bound : e.date_from.slice(0, 10) <= bound;
        const field = DATE_FIELDS.find((f) => typeof e[f] === 'string' && e[f] !== '');
        if (!field) return true;
        const day = (e[field] as string).slice(0, 10);
        return after ? day >= bound : day <= bound;
      });
      continue;
    }
    if (TEXT_PARAMS.has(name)) {
      const term = String(raw).toLowerCase();
      tests.push((e) =>
        ['title', 'name', 'text', 'comment'].some((f) =>
          String(e[f] ?? '')
            .toLowerCase()
            .includes(term),
        ),
      );
      continue;
    }
    const field = name === 'ids' ? 'id' : name.endsWith('_ids') ? name.slice(0, -1) : name;
    const candidates = aliasesOf(field);
    tests.push((e) => {
      const key = candidates.find((k) => k in e);
      if (!key) return true;
      const value = e[key];
      if (Array.isArray(value)) return value.some((v) => values.includes(String(v)));
      if (typeof value === 'boolean') return values.includes(value ? '1' : '0') || values.includes(String(value));
      return values.includes(String(value));
    });
  }
  return (e) => tests.every((t) => t(e));
}
