import type { DigestSchedule } from '../../core/types.js';
import { weekdayName } from '../parse-digest-args.js';

/** "Mondays at 09:00 (Europe/Berlin)" or "off". */
export function describeSchedule(schedule: DigestSchedule): string {
  if (!schedule.enabled) return 'off';
  return `${weekdayName(schedule.weekday)}s at ${schedule.time} (${schedule.timeZone})`;
}
