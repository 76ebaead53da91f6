import { expect } from '@open-wc/testing';
import { escapeText, foldLine, toIcs, utcStamp, type CalendarEvent } from '../../src/core/ics.js';

/** A small RFC 5545 reader: unfolds, splits name and value, unescapes TEXT. */
function parseIcs(text: string): { lines: string[]; props: Map<string, string> } {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const props = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon);
    const value = line
      .slice(colon + 1)
      .replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    if (!props.has(name)) props.set(name, value);
  }
  return { lines, props };
}

const octets = (s: string) => new TextEncoder().encode(s).length;

const event: CalendarEvent = {
  id: 'appt-7-alex',
  domain: 'clinic.example',
  start: new Date('2026-03-08T07:30:00Z'),
  end: new Date('2026-03-08T08:20:00Z'),
  stamp: new Date('2026-11-27T12:34:56.789Z'),
  summary: 'Couples session; with Dr. Maya Okafor, PhD\\LMFT',
  description:
    'Sesión de pareja con la Dra. Okafor, terapeuta de parejas. Únase aquí:\nhttps://telehealth.clinic.example/join/appt-7-alex?room=a,b;c',
  url: 'https://telehealth.clinic.example/join/appt-7-alex',
};

describe('core/ics', () => {
  it('escapes TEXT values', () => {
    const table: [string, string][] = [
      ['plain', 'plain'],
      ['a,b', 'a\\,b'],
      ['a;b', 'a\\;b'],
      ['a\\b', 'a\\\\b'],
      ['one\ntwo\r\nthree\rfour', 'one\\ntwo\\nthree\\nfour'],
      ['\\,', '\\\\\\,'],
    ];
    for (const [raw, escaped] of table) expect(escapeText(raw), raw).to.equal(escaped);
  });

  it('writes UTC date-times', () => {
    const table: [string, string][] = [
      ['2026-03-08T07:30:00Z', '20260308T073000Z'],
      ['2026-11-01T05:30:00-04:00', '20261101T093000Z'],
      ['2026-12-31T23:59:59.999Z', '20261231T235959Z'],
    ];
    for (const [iso, stamp] of table) expect(utcStamp(new Date(iso)), iso).to.equal(stamp);
  });

  it('folds at 75 octets without splitting a character', () => {
    const table = [
      'x'.repeat(75),
      'x'.repeat(76),
      'é'.repeat(80),
      `DESCRIPTION:${'ñá'.repeat(60)}`,
      'a'.repeat(300),
    ];
    for (const line of table) {
      const folded = foldLine(line);
      const parts = folded.split('\r\n');
      for (const part of parts) expect(octets(part)).to.be.at.most(75);
      parts.slice(1).forEach((part) => expect(part.startsWith(' ')).to.equal(true));
      expect(folded.replace(/\r\n /g, '')).to.equal(line);
      expect(parts.length > 1).to.equal(octets(line) > 75);
    }
    expect(foldLine('x'.repeat(76)).split('\r\n')).to.deep.equal(['x'.repeat(75), ' x']);
  });

  it('writes a calendar that parses back to the same fields', () => {
    const text = toIcs(event);
    expect(text.endsWith('\r\n')).to.equal(true);
    expect(/[^\r]\n/.test(text)).to.equal(false, 'every line ends with CRLF');
    for (const raw of text.split('\r\n')) expect(octets(raw)).to.be.at.most(75);
    const { lines, props } = parseIcs(text);
    expect(lines[0]).to.equal('BEGIN:VCALENDAR');
    expect(lines.slice(-2)).to.deep.equal(['END:VCALENDAR', '']);
    expect(lines.indexOf('BEGIN:VEVENT')).to.be.lessThan(lines.indexOf('END:VEVENT'));
    expect(props.get('VERSION')).to.equal('2.0');
    expect(props.get('PRODID')).to.match(/^-\/\/iop-kit\/\//);
    expect(props.get('UID')).to.equal('appt-7-alex@clinic.example');
    expect(props.get('DTSTAMP')).to.equal('20261127T123456Z');
    expect(props.get('DTSTART')).to.equal('20260308T073000Z');
    expect(props.get('DTEND')).to.equal('20260308T082000Z');
    expect(props.get('SUMMARY')).to.equal(event.summary);
    expect(props.get('DESCRIPTION')).to.equal(event.description);
    expect(props.get('URL')).to.equal(event.url);
  });

  it('leaves out DESCRIPTION and URL when there are none', () => {
    const { props } = parseIcs(toIcs({ ...event, description: undefined, url: undefined }));
    expect(props.has('DESCRIPTION')).to.equal(false);
    expect(props.has('URL')).to.equal(false);
    expect(props.get('SUMMARY')).to.equal(event.summary);
  });
});
