/**
 * An appointment as an iCalendar file (RFC 5545): one VEVENT in a VCALENDAR, CRLF line endings, lines folded
 * at 75 octets, TEXT values escaped, times in UTC.
 */

export interface CalendarEvent {
  /** Unique within `domain`; the UID becomes `id@domain`. */
  id: string;
  domain: string;
  start: Date;
  end: Date;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
  summary: string;
  description?: string;
  /** A link to the session (already checked to be safe). */
  url?: string;
}

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, '\\n');
}

/** A UTC DATE-TIME, e.g. 20261127T140000Z. */
export function utcStamp(date: Date): string {
  return date.toISOString().replace(/\.\d+/, '').replace(/[-:]/g, '');
}

const encoder = new TextEncoder();

/**
 * Folds a content line so no line is longer than 75 octets (RFC 5545 3.1): continuation lines start with one
 * space. Never splits a UTF-8 character.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/** The .ics text of one event (ends with CRLF). */
export function toIcs(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//iop-kit//EN',
    'BEGIN:VEVENT',
    `UID:${event.id}@${event.domain}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART:${utcStamp(event.start)}`,
    `DTEND:${utcStamp(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
