// The team's usual working week: each member's days and hours (in the location's time), from which schedules,
// free slots and the "is the team member working then?" check of a booking are computed.
import type { WorkingHours } from '../model';

/** ISO weekdays: 1 Monday … 7 Sunday. */
const WEEK: Record<number, { days: number[]; from: string; to: string }> = {
  5905: { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' }, // Emma Johnson
  5907: { days: [2, 3, 4, 5, 6], from: '10:00', to: '20:00' }, // Natalie Green, Saturday evening yoga
  5908: { days: [1, 3, 4, 5, 6], from: '10:00', to: '19:00' }, // Sophia Martinez
  5909: { days: [2, 3, 4, 5, 6], from: '10:00', to: '19:00' }, // Ava Wilson
  5910: { days: [3, 4, 5, 6, 7], from: '12:00', to: '21:00' }, // Isabella Moore
  8886: { days: [2, 3, 4, 5, 6], from: '10:00', to: '20:00' }, // Michael Davis
  5920: { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' }, // Liam Taylor
  5921: { days: [3, 4, 5, 6, 7], from: '10:00', to: '19:00' }, // Mia Anderson
  5922: { days: [2, 3, 4, 5, 6], from: '12:00', to: '21:00' }, // Charlotte Thomas
  5923: { days: [1, 2, 3, 6, 7], from: '09:00', to: '18:00' }, // Lucas White
};

export function generateWorkingHours(team: { id: number; location_id: number }[]): WorkingHours[] {
  let id = 61000;
  const out: WorkingHours[] = [];
  for (const member of team) {
    const week = WEEK[member.id];
    if (!week) continue;
    for (const weekday of week.days) {
      out.push({
        id: id++,
        location_id: member.location_id,
        staff_id: member.id,
        weekday,
        slots: [{ from: week.from, to: week.to }],
      });
    }
  }
  return out;
}

/** The ISO weekday (1 Monday … 7 Sunday) of a calendar date "YYYY-MM-DD". */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}
