// The medicine module's patient (a client of the location, seen through its medical profile), the doctor's notes
// of an appointment kept field by field, and the telephony (VoIP) integration's setup and call log.
import { nowEastern } from '../time';
import { ApiError, fieldProblem } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, idParam } from './request';
import { accepted, respond } from './responses';
import { fullName } from './client-view';
import { pathShape } from './resources/paths';
import { documentOf, entityOf, insertEntity, saveDocument, scopeOf } from './resources/records';

const NOTES = pathShape('/medicine/{location_id}/record/{record_id}/appointments');
const VOIP = pathShape('/voip/integration');
/** The fields of a doctor's notes the sandbox knows, with their titles (others are kept under their slug). */
const NOTE_FIELDS: Record<string, string> = {
  symptoms: 'Complaints',
  morbi_anamnesis: 'History of the present illness',
  vitae_anamnesis: 'Life history',
  objective_status: 'Examination',
  diagnosis: 'Diagnosis',
  recommendations: 'Recommendations',
};
const MAX_CALLS = 200;

type NoteField = {
  slug: string;
  value: string;
  title: string;
  type: string;
  is_required: boolean;
  is_editable: boolean;
  sort_number: number;
};

/** The sent fields laid over the stored ones by slug; a field keeps its title, type and place. */
function mergeNotes(current: NoteField[], sent: unknown): NoteField[] {
  if (!Array.isArray(sent)) throw fieldProblem('fields', 'fields must be a list of {slug, value}');
  const out = [...current];
  sent.forEach((raw: { slug?: unknown; value?: unknown }, i) => {
    const slug = String(raw?.slug ?? '').trim();
    if (!slug) throw fieldProblem(`fields[${i}].slug`, `fields[${i}].slug must name a field`);
    const value = raw.value === null || raw.value === undefined ? '' : String(raw.value);
    const at = out.findIndex((f) => f.slug === slug);
    if (at >= 0) out[at] = { ...out[at], value };
    else
      out.push({
        slug,
        value,
        title: NOTE_FIELDS[slug] ?? slug,
        type: 'textarea',
        is_required: false,
        is_editable: true,
        sort_number: out.length + 1,
      });
  });
  return out;
}

function notesScope(ctx: HandlerContext): string {
  return scopeOf(ctx.pathParams, ['location_id', 'record_id']);
}

export const medicineHandlers: Record<string, Handler> = {
  get_medical_patient(ctx) {
    const client = ctx.store.get('clients', idParam(ctx, 'patient_id'))!;
    return respond(ctx, {
      id: client.id,
      patient_type: 'client',
      full_name: fullName(client),
      sex: client.gender_id,
      date_birthday: client.birth_date || null,
      phone: `+${client.phone}`,
    });
  },

  create_medical_appointment(ctx) {
    const { record } = insertEntity(ctx.store, NOTES, notesScope(ctx), { fields: mergeNotes([], bodyOf(ctx).fields) });
    return respond(ctx, record.data);
  },

  update_medical_appointment(ctx) {
    const record = entityOf(ctx.store, NOTES, notesScope(ctx), idParam(ctx, 'medical_appointment_id'))!;
    const data = record.data as { id: number; fields: NoteField[] };
    const updated = { ...data, fields: mergeNotes(data.fields, bodyOf(ctx).fields) };
    ctx.store.update('records', record.id, { data: updated });
    return respond(ctx, updated);
  },

  /** `setup` turns the integration on or off; `event` and `history` need it on, and log the call. */
  voip_integration(ctx) {
    const body = bodyOf(ctx) as {
      command?: string;
      type?: string;
      crm_token?: string;
      phone?: string;
      [key: string]: unknown;
    };
    const state = (documentOf(ctx.store, VOIP, '')?.data as
      { enabled: boolean; crm_token: string; calls: unknown[] } | undefined) ?? {
      enabled: false,
      crm_token: '',
      calls: [],
    };
    if (body.command === 'setup') {
      if (body.type !== 'enable' && body.type !== 'disable')
        throw fieldProblem('type', 'type must be enable or disable for setup');
      saveDocument(ctx.store, VOIP, '', {
        ...state,
        enabled: body.type === 'enable',
        crm_token: String(body.crm_token ?? state.crm_token),
      });
      return accepted(ctx);
    }
    if (!state.enabled)
      throw new ApiError(422, 'The telephony integration is not enabled; send command setup with type enable first.');
    if (state.crm_token && body.crm_token !== state.crm_token)
      throw fieldProblem('crm_token', 'crm_token is not the token the integration was set up with');
    if (!body.phone) throw fieldProblem('phone', `phone is required for ${String(body.command)}`);
    const call = { ...body, received_at: nowEastern() };
    saveDocument(ctx.store, VOIP, '', { ...state, calls: [...state.calls, call].slice(-MAX_CALLS) });
    return accepted(ctx);
  },
};
