// The seed business's records that have no typed model: booking widgets, client comments and files, reviews,
// repeating event schedules, tips and webhook settings, notification preferences, users' roles, and the settings
// of each location. Each is stored under its collection path (or settings path) and the ids that own it; the ids
// the OpenAPI document uses in its path examples address records here.
import { DEMO_USER_ID, OWNER_USER } from '../credentials';
import { pathShape } from '../handlers/resources/paths';
import type { StoredRecord } from '../model';
import { BROOKLYN, MANHATTAN, positions, staff } from './business';

const OLIVIA = 4240788;
const OWNER = OWNER_USER.id;
const DEMO_USER = DEMO_USER_ID;

class Records {
  readonly list: StoredRecord[] = [];

  /** An entity of the collection at `path` (a template such as /company/{location_id}/booking_forms). */
  entity(path: string, owners: (number | string)[], data: Record<string, unknown> & { id: number }): this {
    this.list.push({
      id: this.list.length + 1,
      family: pathShape(path),
      scope: owners.join('/'),
      document: false,
      data,
    });
    return this;
  }

  /** The one document at `path` for these owners (settings and the like). */
  document(path: string, owners: (number | string)[], data: unknown): this {
    this.list.push({
      id: this.list.length + 1,
      family: pathShape(path),
      scope: owners.join('/'),
      document: true,
      data,
    });
    return this;
  }
}

export function generateRecords(): StoredRecord[] {
  const r = new Records();
  bookingWidgets(r);
  clientNotes(r);
  reviews(r);
  eventSchedules(r);
  backOffice(r);
  for (const location of [MANHATTAN, BROOKLYN]) locationSettings(r, location);
  return r.list;
}

function bookingWidgets(r: Records): void {
  const path = '/company/{location_id}/booking_forms';
  r.entity(path, [MANHATTAN], {
    id: 8801,
    title: 'Website widget',
    description: 'Book now button on bloom.example',
    is_default: true,
  })
    .entity(path, [MANHATTAN], {
      id: 8802,
      title: 'Instagram link',
      description: 'Link in the profile bio',
      is_default: false,
    })
    .entity(path, [BROOKLYN], {
      id: 8811,
      title: 'Website widget',
      description: 'Brooklyn page of bloom.example',
      is_default: true,
    });
}

function clientNotes(r: Records): void {
  const comments = '/clients/{location_id}/clients/{client_id}/comments';
  const owner = { id: OWNER, name: 'James Smith' };
  r.entity(comments, [MANHATTAN, OLIVIA], {
    id: 7001,
    create_date: '2026-02-20T16:10:00-05:00',
    update_date: '2026-02-20T16:10:00-05:00',
    type: 'default',
    text: 'Prefers Emma; patch test before any new colour.',
    files: [],
    user: owner,
  }).entity(comments, [MANHATTAN, OLIVIA], {
    id: 7002,
    create_date: '2026-03-05T11:05:00-05:00',
    update_date: '2026-03-05T11:05:00-05:00',
    type: 'default',
    text: 'Bought the argan shampoo; ask how it worked next visit.',
    files: [],
    user: owner,
  });
  // The medicine module's card of Olivia and the notes of her reference appointment (a patch test before colour).
  r.entity('/medicine/{location_id}/patients/{patient_type}/{patient_id}/cards', [MANHATTAN, 'clients', OLIVIA], {
    id: 10,
    number: 'MC-0010',
    fill_date: '2026-02-20',
    place_of_registration: '415 East 52nd Street, New York, NY',
    locality: 'urban',
    document_name: 'Driver license',
    document_number_series: 'NY 123 456 789',
    polis_oms: '',
    snils: '',
    marital_status: 'single',
    education: 'higher',
    occupation: 'employed',
    place_of_work: 'Hudson & Co.',
    position: 'Architect',
    exemption_code: '',
    insurance_organization: 'Empire Health',
    disability: null,
    blood_type: 'blood_type_a',
    rhesus_factor: 'positive',
    allergies: 'Ammonia-based hair colour',
  });
  const note = (slug: string, title: string, value: string, sort: number) => ({
    slug,
    value,
    title,
    type: 'textarea',
    is_required: false,
    is_editable: true,
    sort_number: sort,
  });
  r.entity('/medicine/{location_id}/record/{record_id}/appointments', [MANHATTAN, 140967944], {
    id: 21558,
    fields: [
      note('symptoms', 'Complaints', 'Itchy scalp after the last colour', 1),
      note('morbi_anamnesis', 'History of the present illness', 'Patch test on 2026-02-20: mild redness after 48 h', 2),
    ],
  });
  r.entity('/company/{location_id}/clients/files/{client_id}', [MANHATTAN, OLIVIA], {
    id: 3301,
    client_id: OLIVIA,
    name: 'patch-test-consent.pdf',
    description: 'Signed consent for colour services',
    date_create: '2026-02-20T16:12:00-0500',
    extension: 'pdf',
    mime: 'application/pdf',
    link: `/client_files/download/${MANHATTAN}/3301/`,
    user_name: 'James Smith',
    user_avatar: '/images/no-master.png',
    size: '182 KB',
    can_edit: true,
  });
}

function reviews(r: Records): void {
  const path = '/comments/{location_id}/{team_member_id}';
  const review = (id: number, master: number, rating: number, text: string, date: string, name: string, record = 0) =>
    r.entity(path, [MANHATTAN, master], {
      id,
      type: 1,
      master_id: master,
      salon_id: MANHATTAN,
      text,
      date,
      rating,
      user_id: 0,
      user_name: name,
      user_avatar: '/images/no-master.png',
      record_id: record,
    });
  review(
    7001,
    5905,
    5,
    'Emma is the best, my colour has never looked better.',
    '2026-03-05 19:40:12',
    'Olivia B.',
    140967944,
  );
  review(7003, 5905, 4, 'Great cut, had to wait ten minutes.', '2026-03-09 18:02:40', 'Grace K.');
  review(7004, 5908, 5, 'Perfect gel manicure, lasted three weeks.', '2026-03-12 20:15:03', 'Hannah L.');
  review(7005, 8886, 5, 'Quick, precise fade. Will be back.', '2026-03-14 13:30:55', 'Daniel R.');
  review(7006, 5909, 4, 'Relaxing facial, skin feels great.', '2026-03-20 17:45:21', 'Chloe M.');
}

function eventSchedules(r: Records): void {
  const day = {
    id: 6601,
    created_at: '2026-02-25T10:00:00-05:00',
    updated_at: '2026-02-25T10:00:00-05:00',
    deleted_at: null,
    timetable_event_schedule_id: 5501,
    day_of_week: 'sat',
    events_time: '18:30:00',
    events_duration: 3600,
    event_technical_break_duration: 0,
    events_master: { id: 5907, name: 'Natalie Green' },
    events_labels: [{ id: 67347, title: 'Beginner friendly', color: '#0052cc' }],
    events_resource_instances: [],
    events: [],
  };
  r.entity('/company/{location_id}/schedules', [MANHATTAN], {
    id: 5501,
    original_entity_type: 'activity',
    original_entity_id: 3480140,
    date_end: '2026-06-27',
    days: [
      {
        id: 6601,
        day_of_week: 'sat',
        events_master_id: 5907,
        events_time: '18:30:00',
        events_duration: 3600,
        events_capacity: 12,
      },
    ],
  });
  r.entity('/company/{location_id}/schedules/{schedule_id}/days', [MANHATTAN, 5501], day);
  r.entity('/company/{location_id}/schedules/{schedule_id}/client_schedules', [MANHATTAN, 5501], {
    id: 7701,
    client_id: OLIVIA,
    loyalty_abonement_id: 659878,
    final_day: '2026-06-27 18:30:00',
    days: [
      {
        id: 6601,
        timetable_event_schedule_id: 5501,
        day_of_week: 'sat',
        events_time: '18:30:00',
        events_duration: 3600,
        event_technical_break_duration: 0,
      },
    ],
  });
  r.entity('/activity/{location_id}/duplication_strategy', [MANHATTAN], {
    id: 9901,
    company_id: MANHATTAN,
    title: 'Every Saturday',
    repeat_mode_id: 5,
    repeat_mode: { id: 5, title: 'Every week' },
    days: [6],
    interval: 1,
    content_type: 1,
  });
}

function backOffice(r: Records): void {
  const cards = '/technological_cards/{location_id}';
  r.entity(cards, [MANHATTAN], {
    id: 36069,
    title: 'Cut and blow-dry',
    items: [
      { id: 208568, storage_id: 36540, good_id: 232680, amount: 15 },
      { id: 208569, storage_id: 36539, good_id: 232674, amount: 10 },
    ],
  })
    .entity(cards, [MANHATTAN], {
      id: 36070,
      title: 'Colour service',
      items: [
        { id: 208570, storage_id: 36540, good_id: 232686, amount: 60 },
        { id: 208571, storage_id: 36540, good_id: 232680, amount: 10 },
      ],
    })
    .entity(cards, [MANHATTAN], {
      id: 36071,
      title: 'Gel manicure',
      items: [{ id: 208572, storage_id: 36540, good_id: 232681, amount: 2 }],
    });
  r.entity('/company/{location_id}/salary/payroll/staff/{team_member_id}/calculation', [MANHATTAN, 5905], {
    id: 789,
    company_id: MANHATTAN,
    staff_id: 5905,
    amount: 2840,
    status: 'confirmed',
    date_create: '2026-04-01',
    date_from: '2026-03-01',
    date_to: '2026-03-31',
    comment: 'March payroll',
    salary_items: [
      {
        date: '2026-03-05',
        time: '10:00',
        item_id: 140967944,
        item_type_slug: 'record',
        salary_sum: '32.40',
        record_id: 140967944,
        client_id: OLIVIA,
      },
    ],
  });
  // Stylists and the barber earn 40% of their services and 10% of the products they sell; the others 35% and 5%.
  for (const member of staff) {
    const senior = [5905, 8886, 5920].includes(member.id);
    r.document(
      '/company/{location_id}/salary/staff/{team_member_id}/salary_schemes',
      [member.location_id, member.id],
      [
        {
          id: 7100 + (member.id % 100),
          title: senior ? 'Senior: 40% services' : 'Standard: 35% services',
          services_percent: senior ? 40 : 35,
          goods_percent: 0,
        },
        {
          id: 7200 + (member.id % 100),
          title: senior ? 'Retail: 10% products' : 'Retail: 5% products',
          services_percent: 0,
          goods_percent: senior ? 10 : 5,
        },
      ],
    );
  }
  r.entity('/sms/clients/by_id/{location_id}', [MANHATTAN], {
    id: 232674,
    channel: 'sms',
    client_id: OLIVIA,
    to: '13155550179',
    subject: '',
    text: 'Bloom Beauty: see you tomorrow at 10:00 with Emma. Reply C to cancel.',
    status: 4,
    created_at: '2026-03-04T10:00:00-05:00',
  });
  for (const [id, entity, name] of [
    [72256, 'master', 'emma-johnson.jpg'],
    [72257, 'service', 'balayage.jpg'],
    [72258, 'client', 'olivia-brown.jpg'],
  ] as const)
    r.entity('/images/{entity}', [entity], { id, entity, file_name: name });
  // The business's telephony is connected; calls are logged as the provider reports them.
  r.document('/voip/integration', [], { enabled: true, crm_token: '', calls: [] });
  const kkm = '/kkm_transactions/{location_id}';
  r.entity(kkm, [MANHATTAN], {
    id: 1059,
    uuid: '3f0c7a1e-5b2d-4c61-9a8e-2d7c4b1e6f30',
    print_date: '2026-03-05 11:06:12',
    printed_count: 1,
    sum: 21.6,
    type_id: 0,
    status_id: 1,
    document_id: 22254960,
    cashier_id: OWNER,
  }).entity(kkm, [MANHATTAN], {
    id: 1060,
    uuid: 'd72fece5-6825-4895-9395-0133195612a4',
    print_date: '2026-03-12 17:41:03',
    printed_count: 1,
    sum: 48,
    type_id: 0,
    status_id: 2,
    document_id: 22254962,
    cashier_id: OWNER,
  });
  const tips = '/tips/{location_id}/settings';
  /** A team member's tips settings; the member and their position come from the business's staff. */
  const tip = (id: number, staffId: number, enabled: boolean) => {
    const member = staff.find((m) => m.id === staffId)!;
    const role = positions.find((p) => p.id === member.position_id)!;
    const location = member.location_id;
    const hash = `b10${id}e2c-4f1a-4c2e-9d7e-${String(staffId).padStart(12, '0')}`;
    r.entity(tips, [location], {
      id,
      location_id: location,
      staff_id: staffId,
      hash,
      status: enabled ? 1 : 3,
      status_title: enabled ? 'active' : 'pending account',
      is_enabled: enabled,
      landing_external: `https://app.alteg.io/tips/external/${location}/${hash}/`,
      master_tips_form_link: `https://app.alteg.io/companies/${location}/staff/${staffId}/tips/pay/`,
      invite_sms_sent: enabled,
      staff: {
        id: staffId,
        name: member.name,
        specialization: member.specialization,
        position: { id: role.id, title: role.title },
      },
    });
  };
  tip(4401, 5905, true);
  tip(4402, 5908, true);
  tip(4403, 8886, false);
  tip(4411, 5921, true);
}

/** Settings every location has, with this business's values. */
function locationSettings(r: Records, location: number): void {
  const manhattan = location === MANHATTAN;
  r.document('/company/{location_id}/settings/online', [location], {
    confirm_number: true,
    any_master: true,
    seance_delay_step: manhattan ? 900 : 1800,
    activity_online_record_clients_count_max: manhattan ? 2 : 1,
  });
  r.document('/company/{location_id}/settings/timetable', [location], {
    record_type: 0,
    activity_record_clients_count_max: manhattan ? 12 : 8,
    is_show_newsletter_agreement: true,
    is_show_personal_data_processing_agreement: true,
  });
  const grid = {
    grid_first_timeslot: 32400,
    grid_last_timeslot: 75600,
    grid_display_step: 900,
    grid_nearest_timeslot_delay: 3600,
    grid_base_type: 'predefined',
  };
  r.document('/company/{location_id}/settings/timeslots', [location], {
    is_enabled: manhattan,
    weekdays_settings: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      timeslots: weekday >= 6 ? [36000, 43200, 50400, 57600] : [32400, 39600, 46800, 54000, 61200, 68400],
      setting: grid,
    })),
    dates_settings: [],
  });
  r.document('/hooks_settings/{location_id}', [location], {
    urls: manhattan ? ['https://hooks.bloom.example/altegio'] : [],
    active: manhattan ? 1 : 0,
    salon: 1,
    service_category: 0,
    service: 1,
    good: 0,
    master: 1,
    client: 1,
    record: 1,
    goods_operations_sale: 0,
    goods_operations_receipt: 0,
    goods_operations_consumable: 0,
    goods_operations_stolen: 0,
    goods_operations_move: 0,
    finances_operation: manhattan ? 1 : 0,
  });
  const types = [
    { type: 'record_create_online_staff', channels: { push: 1, sms: 0, email: 1 } },
    { type: 'record_create_online_admin', channels: { push: 1, sms: 0, email: 1 } },
    { type: 'record_move_admin', channels: { push: 1, sms: 0, email: 0 } },
    { type: 'record_delete_admin', channels: { push: 1, sms: 1, email: 0 } },
    { type: 'license_expire', channels: { push: 1, sms: 1, email: 1 } },
  ];
  r.document('/notification_settings/{location_id}/notification_types', [location], types);
  r.document('/notification_settings/{location_id}/users/{user_id}', [location, OWNER], {
    mode: 'admin',
    notification_types: types,
  });
  r.document('/notification_settings/{location_id}/users/{user_id}', [location, DEMO_USER], {
    mode: 'staff',
    notification_types: types.filter((t) => t.type.startsWith('record_')),
  });
  const permissions = (admin: boolean) => [
    { slug: 'timetable_access', value: true },
    { slug: 'clients_access', value: true },
    { slug: 'finances_access', value: admin },
    { slug: 'settings_access', value: admin },
    { slug: 'loyalty_access', value: true },
  ];
  r.document('/company/{location_id}/users/{user_id}/permissions', [location, OWNER], {
    is_editable: false,
    staff_id: manhattan ? 5905 : 0,
    user_role: 'owner',
    has_any_paid_permission: true,
    user_permissions: permissions(true),
  });
  r.document('/company/{location_id}/users/{user_id}/permissions', [location, DEMO_USER], {
    is_editable: true,
    staff_id: 0,
    user_role: 'administrator',
    has_any_paid_permission: false,
    user_permissions: permissions(false),
  });
  r.document('/company/{location_id}/users/roles', [location], roles());
  r.document(
    '/company/{location_id}/users/{user_id}/roles',
    [location, OWNER],
    roles().filter((x) => x.slug === 'owner'),
  );
  r.document(
    '/company/{location_id}/users/{user_id}/roles',
    [location, DEMO_USER],
    roles().filter((x) => x.slug === 'administrator'),
  );
  r.document('/user/permissions/{location_id}', [location], {
    timetable: {
      timetable_access: true,
      master_id: 0,
      position_id: 0,
      last_days_count: 1000,
      schedule_edit_access: true,
      timetable_phones_access: true,
    },
    record_form: { record_form_access: true, record_form_client_access: true },
  });
  r.document('/privacy_policy/{location_id}', [location], {
    agreement: {
      content:
        `I agree that ${manhattan ? 'Bloom Beauty - Manhattan' : 'Bloom Beauty - Brooklyn'} (Bloom Beauty Group) processes ` +
        'my name, phone number and email to book and remind me of appointments, as described at bloom.example/privacy.',
    },
  });
  r.document('/license/{location_id}', [location], {
    id: manhattan ? 91001 : 91002,
    salon_id: location,
    staff_limit: manhattan ? 10 : 5,
    deactivation_date: '31.12.2026',
    start_date: manhattan ? '01.06.2024' : '15.03.2025',
    name: manhattan ? 'Business' : 'Start',
    active: 1,
    options: manhattan
      ? [
          { id: 3, title: 'Online payment' },
          { id: 7, title: 'Loyalty programs' },
        ]
      : [{ id: 7, title: 'Loyalty programs' }],
  });
  r.document(
    '/resources/{location_id}',
    [location],
    manhattan
      ? [
          { id: 70, title: 'Pedicure chair', instances: [{ id: 181, title: 'Pedicure chair #1', resource_id: 70 }] },
          {
            id: 71,
            title: 'Yoga studio',
            instances: [{ id: 3127, title: 'Studio A', resource_id: 71 }],
          },
        ]
      : [{ id: 72, title: 'Shampoo station', instances: [{ id: 190, title: 'Station 1', resource_id: 72 }] }],
  );
}

function roles() {
  const permission = (slug: string, title: string, recommended: boolean) => ({
    slug,
    title,
    hint: '',
    is_recommended: recommended,
    is_editable: true,
    default_value: recommended,
    entity_name: null,
    children: [],
  });
  return [
    {
      slug: 'owner',
      title: 'owner',
      description: 'Full access to the business',
      weight: 4,
      user_permissions: [
        permission('timetable_access', 'Appointment calendar', true),
        permission('finances_access', 'Finances', true),
      ],
    },
    {
      slug: 'administrator',
      title: 'administrator',
      description: 'Runs the front desk',
      weight: 3,
      user_permissions: [
        permission('timetable_access', 'Appointment calendar', true),
        permission('clients_access', 'Client database', true),
      ],
    },
    {
      slug: 'staff_member',
      title: 'team member',
      description: 'Provides services',
      weight: 1,
      user_permissions: [permission('timetable_access', 'Appointment calendar', true)],
    },
  ];
}
