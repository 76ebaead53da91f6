import type { Locale } from './locale.js';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** One DateTimeFormat per locale and options: making one costs far more than using it (2,400 slots). */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** Formats integer cents as money ("$1,234.50", "1234,50 US$"). Cents stay integers until here. */
export function formatMoney(cents: number, locale: Locale, currency = 'USD'): string {
  if (!Number.isInteger(cents)) throw new RangeError(`Money must be integer cents, got ${cents}`);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/** A calendar day in a time zone, e.g. "Friday, November 27". */
export function formatDay(instant: Date, locale: Locale, timeZone?: string): string {
  return dateFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone }).format(instant);
}

/** A time of day in a time zone, e.g. "2:30 PM". */
export function formatTime(instant: Date, locale: Locale, timeZone?: string): string {
  return dateFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(instant);
}

/** Day and time, e.g. "Nov 27, 2026, 2:30 PM". */
export function formatDateTime(instant: Date, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    instant,
  );
}

/** A date without time, e.g. "Nov 27, 2026". */
export function formatDate(instant: Date, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(instant);
}

/** The zone's long name at that instant ("Eastern Standard Time" vs "Eastern Daylight Time"). */
export function timeZoneName(instant: Date, locale: Locale, timeZone: string): string {
  const part = dateFormat(locale, { timeZone, timeZoneName: 'long' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone: the key for grouping by day. */
export function dayKey(instant: Date, timeZone: string): string {
  const parts = dateFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** How long ago, in words: "just now", "5 minutes ago", "hace 2 horas". */
export function formatAge(ageMs: number, locale: Locale): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const seconds = Math.max(0, Math.round(ageMs / 1000));
  if (seconds < 60) return rtf.format(0, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return rtf.format(-hours, 'hour');
  return rtf.format(-Math.round(hours / 24), 'day');
}

/** Whether a string names an IANA time zone this browser knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
