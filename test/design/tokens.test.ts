import { expect } from '@open-wc/testing';
import { contrastPairs, tokenValues } from '../../src/design/tokens.generated.js';
import { contrastRatio, relativeLuminance } from '../../src/design/contrast.js';

describe('design tokens: contrast', () => {
  it('computes WCAG contrast ratios correctly', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.be.closeTo(21, 0.001);
    expect(contrastRatio('#fff', '#fff')).to.equal(1);
    // #767676 on white is the well-known smallest grey that passes 4.5:1; #777777 fails.
    expect(contrastRatio('#767676', '#ffffff')).to.be.greaterThan(4.5);
    expect(contrastRatio('#777777', '#ffffff')).to.be.lessThan(4.5);
    expect(() => relativeLuminance('red')).to.throw(TypeError, /Not a hex colour/);
  });

  it('lists the text and UI pairs the components use', () => {
    const names = contrastPairs.map((p) => `${p.fg}/${p.bg}`);
    for (const pair of [
      'text/surface',
      'on-accent/accent',
      'on-crisis/crisis',
      'crisis/surface',
      'focus-ring/surface',
    ]) {
      expect(names).to.include(pair);
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const pair of contrastPairs) {
      it(`${theme}: ${pair.fg} on ${pair.bg} (${pair.use}) reaches ${pair.min}:1`, () => {
        const values = tokenValues[theme] as Record<string, string | number>;
        const fg = values[`color-${pair.fg}`];
        const bg = values[`color-${pair.bg}`];
        expect(fg, `color-${pair.fg} exists`).to.be.a('string');
        expect(bg, `color-${pair.bg} exists`).to.be.a('string');
        expect(contrastRatio(fg as string, bg as string)).to.be.at.least(pair.min);
      });
    }
  }
});
