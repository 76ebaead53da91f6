import { expect } from '@open-wc/testing';
import { REGION_HELP, addedHotlines } from '../../src/core/hotlines.js';
import { smsHref, telHref } from '../../src/core/links.js';
import type { Hotline } from '../../src/core/schemas.js';

describe('built-in hotlines', () => {
  it('has the emergency number of each region', () => {
    expect(REGION_HELP.US.emergency).to.equal('911');
    expect(REGION_HELP.CA.emergency).to.equal('911');
    expect(REGION_HELP.GB.emergency).to.equal('999');
    expect(REGION_HELP.AU.emergency).to.equal('000');
  });

  it('lists the US lines from DOMAIN.md in order', () => {
    const ids = REGION_HELP.US.hotlines.map((h) => h.id);
    expect(ids).to.deep.equal([
      'us-988-call',
      'us-988-text',
      'us-988-chat',
      'us-988-veterans',
      'us-988-spanish',
      'us-crisis-text-line',
      'us-samhsa',
    ]);
    const ctl = REGION_HELP.US.hotlines.find((h) => h.id === 'us-crisis-text-line')!;
    expect(smsHref(ctl.sms!.number, ctl.sms!.body)).to.equal('sms:741741?&body=HOME');
  });

  it('never mentions the ended 988 "press 3" line, in any language', () => {
    const text = JSON.stringify(REGION_HELP).toLowerCase();
    expect(text).not.to.match(/press 3|marca 3|lgbtq/);
  });

  it('has a valid tel: or sms: link or an https chat for every line', () => {
    for (const region of Object.values(REGION_HELP)) {
      expect(telHref(region.emergency)).to.be.a('string');
      for (const h of region.hotlines) {
        const links = [telHref(h.phone), h.sms && smsHref(h.sms.number, h.sms.body), h.chatUrl].filter(
          Boolean,
        );
        expect(links, h.id).not.to.be.empty;
        if (h.chatUrl) expect(h.chatUrl).to.match(/^https:\/\//);
        expect(h.name.es, `${h.id} has Spanish`).to.be.a('string').and.not.equal('');
      }
    }
  });
});

describe('addedHotlines', () => {
  const extra: Hotline = { id: 'clinic-warmline', name: 'Clinic warm line', phone: '555-0142', region: 'US' };

  it('gives the backend lines of the region, in the backend order', () => {
    const second: Hotline = {
      id: 'clinic-text',
      name: 'Clinic text line',
      sms: { number: '555-0143' },
      region: 'US',
    };
    expect(addedHotlines('US', [extra, second])).to.deep.equal([extra, second]);
    expect(addedHotlines('US')).to.deep.equal([]);
  });

  it('lets no backend remove or change a built-in line, nor add another region', () => {
    const hostile: Hotline[] = [
      { id: 'us-988-call', name: 'Call 555-0100 instead', phone: '555-0100', region: 'US' },
      { id: 'gb-only', name: 'Not for the US', phone: '116123', region: 'GB' },
    ];
    expect(addedHotlines('US', hostile)).to.deep.equal([]);
    expect(REGION_HELP.US.hotlines.find((h) => h.id === 'us-988-call')!.phone).to.equal('988');
  });

  it('skips a backend line that only repeats numbers already shown', () => {
    const repeats: Hotline[] = [
      {
        id: 'us-988',
        name: '988 Lifeline',
        phone: '988',
        sms: { number: '988' },
        chatUrl: 'https://988lifeline.org',
        region: 'US',
      },
      { id: 'odd-chat', name: 'Odd', chatUrl: 'not a url', region: 'US' },
      { id: 'note-only', name: 'Walk-in clinic on Main Street', region: 'US' },
    ];
    expect(addedHotlines('US', repeats).map((h) => h.id)).to.deep.equal(['odd-chat', 'note-only']);
  });
});
