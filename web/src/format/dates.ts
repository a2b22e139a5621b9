// Dates in each locale's form. API dates are YYYY-MM-DD strings (calendar dates, no time zone); timestamps are
// ISO instants, shown in China Standard Time, where the cooperation happens.
import type { Locale } from "./money.ts";

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

function dateFormat(locale: Locale): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: locale === "zh-CN" ? "long" : "short",
      day: "numeric",
      timeZone: "UTC",
    });
    dateFormats.set(locale, format);
  }
  return format;
}

function dateTimeFormat(locale: Locale): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: locale === "zh-CN" ? "long" : "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
      timeZone: "Asia/Shanghai",
    });
    dateTimeFormats.set(locale, format);
  }
  return format;
}

/** "2022-04-02" → "2022年4月2日" (zh-CN) or "Apr 2, 2022" (en-US). Text that is not a date is returned as it is. */
export function formatDate(isoDate: string | null | undefined, locale: Locale): string {
  if (!isoDate) return "";
  const match = datePattern.exec(isoDate);
  if (!match) return isoDate;
  const [, y, m, d] = match;
  return dateFormat(locale).format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))));
}

/** An ISO instant in China Standard Time: "2026年11月24日 20:46" or "Nov 24, 2026, 20:46". */
export function formatDateTime(isoInstant: string | null | undefined, locale: Locale): string {
  if (!isoInstant) return "";
  const instant = new Date(isoInstant);
  if (Number.isNaN(instant.getTime())) return isoInstant;
  return dateTimeFormat(locale).format(instant);
}

/** Today in China Standard Time as YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
