import { expect, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { createMemoryBackend } from '../../src/core/backends/memory-backend.js';
import { createSeed, DEMO_TELEHEALTH_ORIGIN, type Seed } from '../../src/demo-data/seed.js';
import { signOut } from '../../src/core/client.js';
import type { SchemaError } from '../../src/core/errors.js';
import type { IopErrorDetail } from '../../src/internal/data-controller.js';

// A document with one invalid item: the widget shows every valid item, leaves out only the bad one, and the
// developer gets one `iop-error` naming its path (issue 13 part 4).

const text = (node: Element | null | undefined) => (node as HTMLElement | null)?.innerText?.trim() ?? '';

async function show(tag: string, seed: Seed, ready: (root: ShadowRoot) => boolean) {
  configure({
    backend: createMemoryBackend({ participant: 'alex', seed }),
    allowedOrigins: [DEMO_TELEHEALTH_ORIGIN],
  });
  const errors: IopErrorDetail[] = [];
  const el = document.createElement(tag);
  el.addEventListener('iop-error', (event) => errors.push((event as CustomEvent<IopErrorDetail>).detail));
  document.body.append(el);
  await waitUntil(() => el.shadowRoot && ready(el.shadowRoot), `${tag} shows its data`, { timeout: 4000 });
  // Give any second report the chance to arrive (there must be none).
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { el, root: el.shadowRoot!, errors };
}

describe('partial data in the widgets', () => {
  let el: Element | undefined;
  afterEach(async () => {
    el?.remove();
    await signOut();
    resetConfig();
  });

  it('iop-safety-plan shows every warning sign but the bad one, and says which was left out', async () => {
    const seed = createSeed(new Date());
    const good = [...seed.safetyPlans.alex.warningSigns];
    seed.safetyPlans.alex.warningSigns.splice(1, 0, '');
    const shown = await show('iop-safety-plan', seed, (r) => !!r.querySelector('#h-warning-signs'));
    el = shown.el;
    const section = shown.root.querySelector('#h-warning-signs')!.closest('section')!;
    expect([...section.querySelectorAll('li')].map(text)).to.deep.equal(good);
    // The rest of the plan is there too.
    expect(shown.root.querySelector('#h-professionals')).to.exist;
    expect(shown.errors).to.have.length(1);
    const error = shown.errors[0]!.error as SchemaError;
    expect(error.code).to.equal('schema');
    expect(error.path).to.equal('warningSigns[1]');
    expect(error.dropped).to.deep.equal(['warningSigns[1]']);
    expect(shown.errors[0]!.operation).to.equal('read safety-plan:me');
    expect(text(shown.root.querySelector('[part="status"]'))).to.not.contain('could not');
  });

  it('iop-coverage-explainer lists every service but the bad one', async () => {
    const seed = createSeed(new Date());
    const labels = seed.coverage.alex.services.map((s) => s.label);
    seed.coverage.alex.services[1]!.inNetwork.coinsurancePct = 250;
    const shown = await show('iop-coverage-explainer', seed, (r) => !!r.querySelector('[part="service"]'));
    el = shown.el;
    // Every service's benefits are behind one disclosure: open it as a person would.
    shown.root.querySelector<HTMLElement>('[part="all-services"] summary')!.click();
    await waitUntil(() => shown.root.querySelector<HTMLDetailsElement>('[part="all-services"]')!.open);
    const rows = [...shown.root.querySelectorAll('[part="service"]')].map(text);
    expect(rows).to.have.length(labels.length - 1);
    expect(rows.some((row) => row.includes(labels[1]!))).to.be.false;
    for (const label of labels.filter((_, i) => i !== 1)) {
      expect(
        rows.some((row) => row.includes(label)),
        label,
      ).to.be.true;
    }
    expect(shown.errors.map((e) => (e.error as SchemaError).path)).to.deep.equal([
      'services[1].inNetwork.coinsurancePct',
    ]);
  });

  it('iop-follow-up-scheduler offers every slot but the bad one', async () => {
    const hasOptions = (r: ShadowRoot) => r.querySelectorAll('[role=option]').length > 0;
    // What the day grid says each day offers ("Wednesday, December 2: 4 open times"), over the two weeks: the
    // scheduler lists one day's times at a time.
    const perDay = (r: ShadowRoot) =>
      [...r.querySelectorAll('[part=days] td .sr-only')].map((cell) => text(cell));
    const count = (day: string) => Number(/: (\d+)/.exec(day)?.[1] ?? 0);
    const reference = await show('iop-follow-up-scheduler', createSeed(new Date()), hasOptions);
    const all = perDay(reference.root);
    reference.el.remove();
    await signOut();

    const seed = createSeed(new Date());
    const bad = seed.slots.find((s) => s.kind === 'crisis-debrief' && Date.parse(s.start) > Date.now())!;
    bad.end = bad.start;
    const shown = await show('iop-follow-up-scheduler', seed, hasOptions);
    el = shown.el;
    const offered = perDay(shown.root);
    const total = (days: string[]) => days.reduce((sum, day) => sum + count(day), 0);
    expect(total(all)).to.be.greaterThan(1);
    expect(total(offered)).to.equal(total(all) - 1);
    // One day has one time fewer, and every other day is as it was.
    expect(all.filter((day, i) => day !== offered[i])).to.have.length(1);
    expect(shown.errors).to.have.length(1);
    const error = shown.errors[0]!.error as SchemaError;
    expect(error.path).to.match(/^\[\d+\]\.end$/);
    expect(error.dropped).to.have.length(1);
  });

  it('a plan whose core is unusable still fails as a whole, with its error', async () => {
    const seed = createSeed(new Date());
    (seed.safetyPlans.alex as { reviewedAt: string }).reviewedAt = 'last week';
    const shown = await show('iop-safety-plan', seed, (r) => !!r.querySelector('[part="status"] iop-button'));
    el = shown.el;
    expect(shown.root.querySelector('#h-warning-signs')).to.not.exist;
    expect(shown.errors).to.have.length(1);
    expect((shown.errors[0]!.error as SchemaError).path).to.equal('reviewedAt');
    expect((shown.errors[0]!.error as SchemaError).dropped).to.deep.equal([]);
  });
});
