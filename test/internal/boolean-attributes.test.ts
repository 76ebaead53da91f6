/**
 * Boolean attributes as frameworks write them: Vue (and any template that writes strings) puts
 * `include-partner="false"` in the attribute for false. Every boolean attribute of every tag reads "false" as
 * false, "" or any other value as true, and no attribute as false.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../src/register.js';
// Not in the drop-in (src/register.ts) for its size; 'iop-kit' (src/index.ts) registers it.
import '../../src/components/check-in/define.js';
import { booleanAttribute } from '../../src/internal/iop-element.js';

const BOOLEAN_ATTRIBUTES: [tag: string, attribute: string, property: string][] = [
  ['iop-alert', 'dismissible', 'dismissible'],
  ['iop-button', 'loading', 'loading'],
  ['iop-button', 'disabled', 'disabled'],
  ['iop-button', 'block', 'block'],
  ['iop-check-in', 'cravings', 'cravings'],
  ['iop-coverage-explainer', 'self-pay', 'selfPay'],
  ['iop-coverage-explainer', 'example-plan', 'examplePlan'],
  ['iop-crisis-connect', 'include-partner', 'includePartner'],
  ['iop-dialog', 'open', 'open'],
  ['iop-dialog', 'light-dismiss', 'lightDismiss'],
  ['iop-safety-plan', 'printable', 'printable'],
  ['iop-switch', 'disabled', 'disabled'],
  ['iop-switch', 'required', 'required'],
  ['iop-switch', 'checked', 'checked'],
  ['iop-pet-friendly-toggle', 'checked', 'checked'],
  ['iop-pet-friendly-toggle', 'disabled', 'disabled'],
  ['iop-pet-friendly-toggle', 'required', 'required'],
  ['iop-term', 'open', 'open'],
];

describe('boolean attributes', () => {
  it('the list above is every boolean attribute of every kit tag, and each uses the kit converter', async () => {
    // src/register.ts imports every components/<name>/define.js: the kit's tags.
    const register = await (await fetch(new URL('../../src/register.ts', import.meta.url))).text();
    const index = await (await fetch(new URL('../../src/index.ts', import.meta.url))).text();
    const tags = [
      ...new Set(
        [...(register + index).matchAll(/components\/([a-z-]+)\/define/g)].map((m) => `iop-${m[1]}`),
      ),
    ];
    expect(tags).to.include('iop-safety-plan');
    const found: string[] = [];
    for (const tag of tags) {
      const ctor = customElements.get(tag) as unknown as {
        elementProperties: Map<string, { type?: unknown; attribute?: unknown; converter?: unknown }>;
      };
      for (const [property, options] of ctor.elementProperties) {
        if (options.type !== Boolean || options.attribute === false) continue;
        expect(options.converter, `${tag}.${property}`).to.equal(booleanAttribute);
        found.push(`${tag}.${property}`);
      }
    }
    expect(found.sort()).to.deep.equal(BOOLEAN_ATTRIBUTES.map(([t, , p]) => `${t}.${p}`).sort());
  });

  for (const [tag, attribute, property] of BOOLEAN_ATTRIBUTES) {
    it(`<${tag} ${attribute}>: "false" is false, "" and "true" are true, none is false`, async () => {
      const read = async (value: string | null) => {
        const el = await fixture<HTMLElement>(
          value === null
            ? `<${tag} bind="none"></${tag}>`
            : `<${tag} bind="none" ${attribute}="${value}"></${tag}>`,
        );
        const result = (el as unknown as Record<string, unknown>)[property];
        el.remove();
        return result;
      };
      expect(await read('false'), '"false"').to.equal(false);
      expect(await read(''), '""').to.equal(true);
      expect(await read('true'), '"true"').to.equal(true);
      expect(await read(null), 'absent').to.equal(false);
    });
  }

  it('what a person sees: disabled="false" leaves the button usable, checked="false" leaves the switch off', async () => {
    const button = await fixture<HTMLElement>(`<iop-button disabled="false">Save</iop-button>`);
    expect(button.shadowRoot!.querySelector('button')!.disabled).to.equal(false);
    const toggle = await fixture<HTMLElement>(
      `<iop-switch checked="false" label="Pets welcome"></iop-switch>`,
    );
    expect(toggle.shadowRoot!.querySelector('[role=switch]')!.getAttribute('aria-checked')).to.equal('false');
  });
});
