// Team members (staff) and positions of a location: list, read, create (quick and legacy), update and delete.
import type { Position, TeamMember } from '../model';
import type { Store } from '../store';
import { fieldProblem } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, has, idParam, locationRecord, phoneDigits } from './request';
import { respond, respondList } from './responses';

function positionRef(store: Store, member: TeamMember): { position?: { id: number; title: string } } {
  const position = member.position_id === null ? undefined : store.get('positions', member.position_id);
  return position ? { position: { id: position.id, title: position.title } } : {};
}

export function teamMemberView(store: Store, member: TeamMember) {
  const { location_id, position_id: _position, user_id, ...fields } = member;
  return {
    ...fields,
    company_id: location_id,
    ...positionRef(store, member),
    ...(user_id === null ? {} : { user_id }),
    bookable: !member.fired && !member.hidden,
  };
}

/** The short form inside appointments and GET /company/{location_id}/staff/{id}. */
export function teamMemberSummary(store: Store, member: TeamMember) {
  return {
    id: member.id,
    api_id: member.api_id,
    name: member.name,
    specialization: member.specialization,
    ...positionRef(store, member),
    avatar: member.avatar,
    rating: member.rating,
    votes_count: member.votes_count,
  };
}

function memberOf(ctx: HandlerContext): TeamMember {
  return locationRecord(ctx, 'staff', 'team_member_id', 'Team member');
}

function positionOf(ctx: HandlerContext): Position {
  return locationRecord(ctx, 'positions', 'position_id', 'Position');
}

const EDITABLE = ['name', 'specialization', 'weight', 'information', 'api_id', 'hidden', 'fired'] as const;

/** A new position of the location from the body, as both "create position" operations make it. */
function insertPosition(ctx: HandlerContext): Position {
  const body = bodyOf(ctx) as { title: string; api_id?: string | null };
  return ctx.store.insert('positions', {
    id: ctx.store.nextId('positions'),
    location_id: idParam(ctx, 'location_id'),
    title: body.title,
    api_id: body.api_id ?? null,
  });
}

function memberFields(ctx: HandlerContext, body: Record<string, unknown>): Partial<TeamMember> {
  const fields: Partial<TeamMember> = {};
  for (const key of EDITABLE)
    if (has(body, key) && body[key] !== null) (fields as Record<string, unknown>)[key] = body[key];
  if (has(body, 'user_id') && body.user_id !== null) {
    if (!ctx.store.get('users', body.user_id as number))
      throw fieldProblem('user_id', `user_id ${String(body.user_id)} is not a user of this business`);
    fields.user_id = body.user_id as number;
  }
  return fields;
}

function newMember(ctx: HandlerContext, fields: Partial<TeamMember>): TeamMember {
  return {
    id: ctx.store.nextId('staff'),
    location_id: idParam(ctx, 'location_id'),
    api_id: '',
    name: '',
    specialization: '',
    position_id: null,
    user_id: null,
    avatar: 'https://app.alteg.io/images/no-master-sm.png',
    avatar_big: 'https://app.alteg.io/images/no-master.png',
    show_rating: 0,
    rating: 0,
    votes_count: 0,
    comments_count: 0,
    weight: 0,
    information: '',
    hidden: 0,
    fired: 0,
    status: 0,
    schedule_till: '',
    ...fields,
  };
}

export const staffHandlers: Record<string, Handler> = {
  get_team_member_list(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const list = ctx.store.filter('staff', (s) => s.location_id === locationId).sort((a, b) => b.weight - a.weight);
    return respondList(
      ctx,
      list.map((s) => teamMemberView(ctx.store, s)),
    );
  },

  get_team_member_by_id(ctx) {
    return respond(ctx, teamMemberView(ctx.store, memberOf(ctx)));
  },

  get_team_member(ctx) {
    const member = memberOf(ctx);
    const { bookable: _bookable, ...view } = teamMemberView(ctx.store, member);
    return respondList(ctx, [view]);
  },

  update_team_member(ctx) {
    const member = memberOf(ctx);
    const updated = ctx.store.update('staff', member.id, memberFields(ctx, bodyOf(ctx)))!;
    return respond(ctx, teamMemberView(ctx.store, updated));
  },

  delete_team_member(ctx) {
    const member = memberOf(ctx);
    ctx.store.remove('staff', member.id);
    // The member no longer provides any service.
    for (const s of ctx.store.filter('services', (x) => x.staff.some((l) => l.id === member.id))) {
      ctx.store.update('services', s.id, { staff: s.staff.filter((l) => l.id !== member.id) });
    }
    return respond(ctx, null);
  },

  deprecated_create_team_member(ctx) {
    const member = ctx.store.insert('staff', newMember(ctx, memberFields(ctx, bodyOf(ctx))));
    return respond(ctx, teamMemberView(ctx.store, member));
  },

  create_team_member_quick(ctx) {
    const body = bodyOf(ctx) as {
      name: string;
      specialization: string;
      position_id: number | null;
      phone_number: string | null;
      user_email: string;
      user_phone: string;
      is_user_invite: boolean;
    };
    const locationId = idParam(ctx, 'location_id');
    if (body.position_id !== null) {
      const position = ctx.store.get('positions', body.position_id);
      if (!position || position.location_id !== locationId) {
        throw fieldProblem(
          'position_id',
          `position_id ${body.position_id} is not a position of location ${locationId}`,
        );
      }
    }
    if (body.phone_number !== null && !/^[0-9]{9,15}$/.test(phoneDigits(body.phone_number))) {
      throw fieldProblem('phone_number', 'phone_number must be 9 to 15 digits');
    }
    const member = ctx.store.insert(
      'staff',
      newMember(ctx, { name: body.name, specialization: body.specialization, position_id: body.position_id }),
    );
    return respond(ctx, {
      id: member.id,
      name: member.name,
      company_id: locationId,
      specialization: member.specialization,
      avatar: member.avatar,
      avatar_big: member.avatar_big,
      ...positionRef(ctx.store, member),
    });
  },

  get_position_list(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const list = ctx.store.filter('positions', (p) => p.location_id === locationId);
    return respondList(
      ctx,
      list.map(({ id, title, api_id }) => ({ id, title, api_id })),
    );
  },

  get_positions(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const list = ctx.store.filter('positions', (p) => p.location_id === locationId);
    return respondList(
      ctx,
      list.map(({ id, title }) => ({ id, title })),
    );
  },

  create_positions(ctx) {
    const position = insertPosition(ctx);
    return respond(ctx, { id: position.id, title: position.title, api_id: position.api_id });
  },

  create_position_quick(ctx) {
    const position = insertPosition(ctx);
    return respond(ctx, { id: position.id, title: position.title });
  },

  update_positions(ctx) {
    const position = positionOf(ctx);
    const body = bodyOf(ctx) as { title?: string | null; api_id?: string | null };
    ctx.store.update('positions', position.id, {
      title: body.title ?? position.title,
      api_id: body.api_id ?? position.api_id,
    });
    return respond(ctx, null);
  },

  delete_positions(ctx) {
    const position = positionOf(ctx);
    ctx.store.remove('positions', position.id);
    for (const m of ctx.store.filter('staff', (s) => s.position_id === position.id))
      ctx.store.update('staff', m.id, { position_id: null });
    return respond(ctx, null);
  },
};
