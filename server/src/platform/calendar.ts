// The officials' calendar is China Standard Time (UTC+8, no daylight saving): "today", "in the future" and
// date-only as-of reads are judged there, whatever the server's time zone.
const chinaOffsetMs = 8 * 3600_000;

/** Today's date (YYYY-MM-DD) in China Standard Time. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + chinaOffsetMs).toISOString().slice(0, 10);
}
