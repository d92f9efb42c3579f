// Messages and media: SMS and email to chosen clients or to those a filter finds (each message is kept, with the
// delivery status SMS providers report back), and images uploaded for team members and services.
import type { Client } from '../model';
import { nowEastern } from '../time';
import { ApiError, fieldProblem } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, idParam, phoneDigits } from './request';
import { accepted, respond, respondList } from './responses';
import { fullName } from './client-view';
import { pathShape } from './resources/paths';
import { entitiesOf, insertEntity } from './resources/records';

const MESSAGES = pathShape('/sms/clients/by_id/{location_id}');
const IMAGES = pathShape('/images/{entity}');
/** Delivery statuses SMS providers report: 1 delivered, 2 not delivered, 4 sent to phone, 8 passed to operator, 16 rejected, 52 no funds. */
const STATUSES = new Set([1, 2, 4, 8, 16, 52]);

interface Message {
  id: number;
  channel: 'sms' | 'email';
  client_id: number;
  to: string;
  subject: string;
  text: string;
  status: number;
  created_at: string;
}

function clientsById(ctx: HandlerContext): Client[] {
  const locationId = idParam(ctx, 'location_id');
  const ids = (bodyOf(ctx).client_ids ?? []) as number[];
  if (!Array.isArray(ids) || !ids.length) throw fieldProblem('client_ids', 'client_ids must name at least one client');
  const clients = ids.map((id) => ctx.store.get('clients', Number(id)));
  const unknown = ids.filter((_, i) => !clients[i] || clients[i]!.location_id !== locationId);
  if (unknown.length)
    throw fieldProblem('client_ids', `clients ${unknown.join(', ')} are not clients of location ${locationId}`);
  return clients as Client[];
}

/** The location's clients the query's filters (parts of name, phone, email, card) find; no filter: all. */
function clientsByFilter(ctx: HandlerContext): Client[] {
  const locationId = idParam(ctx, 'location_id');
  const part = (v: unknown) => (v === undefined ? undefined : String(v).toLowerCase());
  const name = part(ctx.query.fullname);
  const phone = ctx.query.phone === undefined ? undefined : phoneDigits(ctx.query.phone);
  const email = part(ctx.query.email);
  const card = part(ctx.query.card);
  return ctx.store.filter(
    'clients',
    (c) =>
      c.location_id === locationId &&
      (name === undefined || fullName(c).toLowerCase().includes(name)) &&
      (phone === undefined || c.phone.includes(phone)) &&
      (email === undefined || c.email.toLowerCase().includes(email)) &&
      (card === undefined || c.card.toLowerCase().includes(card)),
  );
}

/**
 * Queues one message per client who can receive it (a phone for SMS, an email address and no opt-out); the answer
 * lists the messages queued.
 */
function send(ctx: HandlerContext, channel: Message['channel'], clients: Client[]) {
  const body = bodyOf(ctx) as { text?: string; subject?: string };
  const text = String(body.text ?? '').trim();
  if (!text) throw fieldProblem('text', 'text must not be empty');
  if (channel === 'sms' && text.length > 1000) throw fieldProblem('text', 'an SMS text has at most 1000 characters');
  const scope = String(idParam(ctx, 'location_id'));
  const queued = clients
    .filter((c) => (channel === 'sms' ? c.phone && !c.sms_not : c.email))
    .map((c) => {
      const { record } = insertEntity(ctx.store, MESSAGES, scope, {
        channel,
        client_id: c.id,
        to: channel === 'sms' ? c.phone : c.email,
        subject: channel === 'email' ? String(body.subject ?? '') : '',
        text,
        status: 8,
        created_at: nowEastern(),
      });
      const m = record.data as Message;
      return { id: m.id, client_id: c.id, name: fullName(c), to: m.to, status: m.status };
    });
  return respondList(ctx, queued);
}

export const messageHandlers: Record<string, Handler> = {
  send_sms_to_clients: (ctx) => send(ctx, 'sms', clientsById(ctx)),
  send_sms_campaign_to_filtered_clients: (ctx) => send(ctx, 'sms', clientsByFilter(ctx)),
  send_email_newsletter_to_clients: (ctx) => send(ctx, 'email', clientsById(ctx)),
  send_email_campaign_to_filtered_clients: (ctx) => send(ctx, 'email', clientsByFilter(ctx)),

  /** An SMS provider reports delivery statuses of messages the sandbox sent. */
  get_message_status_list(ctx) {
    const rows = (Array.isArray(ctx.body) ? ctx.body : (bodyOf(ctx)['[]'] ?? [])) as {
      id?: unknown;
      status?: unknown;
    }[];
    const messages = entitiesOf(ctx.store, [MESSAGES], '');
    const unknown: string[] = [];
    rows.forEach((row, i) => {
      const status = Number(row.status);
      if (!STATUSES.has(status))
        throw fieldProblem(`[${i}].status`, `[${i}].status must be one of ${[...STATUSES].join(', ')}`);
      const found = messages.find((r) => String((r.data as Message).id) === String(row.id));
      if (!found) unknown.push(String(row.id));
      else ctx.store.update('records', found.id, { data: { ...(found.data as Message), status } });
    });
    if (unknown.length) throw new ApiError(404, `No message was sent with id ${unknown.join(', ')}.`);
    return { status: 200, body: { success: true } };
  },

  upload_image(ctx) {
    const entity = String(ctx.pathParams.entity);
    const file = String(bodyOf(ctx).image ?? '');
    const name = /^(.*) \(\d+ bytes\)$/.exec(file)?.[1] ?? 'image.png';
    const { record, id } = insertEntity(ctx.store, IMAGES, entity, { entity, file_name: name });
    const imageId = record.id;
    return respond(ctx, {
      image_binded: false,
      image_group: {
        id,
        entity,
        entity_id: 0,
        images: {
          basic: {
            id: imageId,
            path: `https://app.alteg.io/uploads/sandbox/${entity}/${id}/${encodeURIComponent(name)}`,
            width: 373,
            height: 280,
            type: name.split('.').pop() ?? 'png',
            image_group_id: id,
            version: 'basic',
          },
        },
      },
    });
  },

  /** Deletes the entity's uploaded images (the one group named by image_group_id, or all of them). */
  delete_image(ctx) {
    const entity = String(ctx.pathParams.entity);
    const groupId = bodyOf(ctx).image_group_id;
    const groups = entitiesOf(ctx.store, [IMAGES], entity).filter(
      (r) => groupId === undefined || String((r.data as { id: number }).id) === String(groupId),
    );
    if (!groups.length)
      throw new ApiError(
        404,
        `No images of ${entity} are stored${groupId === undefined ? '' : ` in group ${String(groupId)}`}.`,
      );
    for (const g of groups) ctx.store.remove('records', g.id);
    return accepted(ctx);
  },
};
