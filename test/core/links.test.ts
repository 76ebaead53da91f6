import { expect } from '@open-wc/testing';
import { pageLinkHref, safeExternalUrl, smsHref, telHref } from '../../src/core/links.js';

describe('links: tel:', () => {
  const cases: Array<[string | undefined, string | undefined]> = [
    ['988', 'tel:988'],
    ['911', 'tel:911'],
    ['000', 'tel:000'],
    ['1-800-662-4357', 'tel:18006624357'],
    ['+1-800-662-4357', 'tel:+18006624357'],
    ['(555) 010-1234', 'tel:5550101234'],
    ['+44 116 123', 'tel:+44116123'],
    ['call me maybe', undefined],
    ['12', undefined],
    ['+0123456789', undefined],
    ['javascript:alert(1)', undefined],
    ['988; DROP', undefined],
    ['', undefined],
    [undefined, undefined],
    ['1234567890123456', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${String(expected)}`, () => {
      expect(telHref(input)).to.equal(expected);
    });
  }
});

describe('links: sms:', () => {
  it('uses the ?&body= form that works on iOS and Android', () => {
    expect(smsHref('741741', 'HOME')).to.equal('sms:741741?&body=HOME');
    expect(smsHref('988')).to.equal('sms:988');
    expect(smsHref('85258', 'SHOUT me')).to.equal('sms:85258?&body=SHOUT%20me');
  });
  it('gives nothing for a number that is not one', () => {
    expect(smsHref('text us', 'HOME')).to.equal(undefined);
    expect(smsHref(undefined)).to.equal(undefined);
  });
});

describe('links: external URLs from a backend', () => {
  const allowed = ['https://telehealth.clinic.example', 'not a url'];
  it('allows https on an allowed origin', () => {
    expect(safeExternalUrl('https://telehealth.clinic.example/room/1?t=x', allowed)).to.equal(
      'https://telehealth.clinic.example/room/1?t=x',
    );
  });
  for (const bad of [
    'javascript:alert(1)',
    'http://telehealth.clinic.example/room',
    'https://evil.example/room',
    'https://telehealth.clinic.example.evil.example/',
    'https://user:pw@telehealth.clinic.example/',
    'data:text/html,hi',
    '::::',
    '',
    undefined,
  ]) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      expect(safeExternalUrl(bad, allowed)).to.equal(undefined);
    });
  }
});

describe('links: a link the page gives a widget', () => {
  for (const good of [
    'https://portal.example/book',
    'http://localhost:8080/book',
    '/book?kind=debrief',
    '#book-heading',
  ])
    it(`keeps ${good}`, () => expect(pageLinkHref(good)).to.equal(good));
  for (const bad of [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,hi',
    '//evil.example/book',
    '/\\evil.example/book',
    '/\t/evil.example',
    '/\n/evil.example',
    ' javascript:alert(1)',
    'book',
    '',
    undefined,
  ])
    it(`drops ${JSON.stringify(bad)}`, () => expect(pageLinkHref(bad)).to.equal(undefined));
});
