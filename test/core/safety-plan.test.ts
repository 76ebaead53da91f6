import { expect } from '@open-wc/testing';
import { SECTION_IDS, crisisContacts, parseSectionFilter, planSections } from '../../src/core/safety-plan.js';
import { createSeed } from '../../src/demo-data/seed.js';
import type { Region, SafetyPlan } from '../../src/core/schemas.js';

const plan = (): SafetyPlan => structuredClone(createSeed(new Date('2026-11-27T12:00:00Z')).safetyPlans.alex);

const minimal: SafetyPlan = {
  id: 'p',
  participantId: 'x',
  version: 1,
  reviewedAt: '2026-11-01T10:00:00Z',
  warningSigns: ['Not sleeping'],
  copingStrategies: [],
  distractions: { people: [], places: [] },
  helpContacts: [],
  professionals: [],
  environmentSafety: [],
  reasonsForLiving: [],
};

describe('core/safety-plan', () => {
  describe('crisisContacts', () => {
    const cases: [Region, string, string, string | undefined, string][] = [
      ['US', 'en', '988', '988', '911'],
      ['CA', 'en', '988', '988', '911'],
      ['GB', 'en', '111', undefined, '999'],
      ['AU', 'es', '131114', undefined, '000'],
    ];
    for (const [region, locale, line, sms, emergency] of cases) {
      it(`${region}: the first crisis line (${line}) and the emergency number ${emergency}`, () => {
        const [first, second] = crisisContacts(region, locale as 'en' | 'es', 'Emergency');
        expect(first!.phone).to.equal(line);
        expect(first!.sms?.number).to.equal(sms);
        expect(second).to.deep.equal({ name: 'Emergency', phone: emergency });
      });
    }
    it('names the line in the reader’s language', () => {
      expect(crisisContacts('US', 'es', 'Emergencias')[0]!.name).to.contain('Línea');
      expect(crisisContacts('US', 'en', 'Emergency')[0]!.name).to.contain('Lifeline');
    });
  });

  describe('planSections', () => {
    const builtIn = crisisContacts('US', 'en', 'Emergency services');

    it('keeps the fixed order: six numbered steps, reasons, couples, pet', () => {
      const sections = planSections(plan(), builtIn);
      expect(sections.map((s) => s.id)).to.deep.equal([...SECTION_IDS]);
      expect(sections.map((s) => s.step)).to.deep.equal([1, 2, 3, 4, 5, 6, ...Array(5).fill(undefined)]);
      expect(sections[2]!.items).to.have.length(5); // 2 people, then 3 places
      expect(sections[2]!.items[0]).to.have.property('phone');
      expect(sections[2]!.items[4]).to.equal('The climbing gym');
      expect(sections[10]!.items).to.deep.equal([
        'Biscuit (dog)',
        'Walking and petting Biscuit calms me down.',
      ]);
    });

    it('adds 988 and 911 to step 5 only when the plan does not list them', () => {
      const full = planSections(plan(), builtIn)[4]!.items;
      expect(full).to.deep.equal(plan().professionals); // the seed lists 988 and 911 already

      const none = planSections(minimal, builtIn)[4]!.items;
      expect(none).to.deep.equal(builtIn);

      const with988 = { ...minimal, professionals: [{ name: 'Lifeline', phone: '9 8 8' }] };
      const items = planSections(with988, builtIn)[4]!.items;
      expect(items).to.deep.equal([{ name: 'Lifeline', phone: '9 8 8' }, builtIn[1]]);
    });

    it('has no pet section without a pet, and empty couples sections without partner support', () => {
      const sections = planSections(minimal, builtIn);
      expect(sections.map((s) => s.id)).to.deep.equal(SECTION_IDS.slice(0, 10));
      expect(sections.slice(7).every((s) => s.items.length === 0)).to.equal(true);
      const petNoHow = planSections({ ...minimal, pet: { name: 'Mo', species: 'cat' } }, builtIn);
      expect(petNoHow[10]!.items).to.deep.equal(['Mo (cat)']);
    });

    it('without a plan: every section but the pet, empty except step 5’s built-in lines', () => {
      const sections = planSections(undefined, builtIn);
      expect(sections.map((s) => s.id)).to.deep.equal(SECTION_IDS.slice(0, 10));
      expect(sections.filter((s) => s.items.length).map((s) => s.id)).to.deep.equal(['professionals']);
      expect(sections[4]!.items).to.deep.equal(builtIn);
    });
  });

  describe('parseSectionFilter', () => {
    const cases: [string | null | undefined, string[] | undefined, string[]][] = [
      [undefined, undefined, []],
      [null, undefined, []],
      ['  ', undefined, []],
      ['warning-signs', ['warning-signs'], []],
      ['Warning-Signs, professionals ,pet', ['warning-signs', 'professionals', 'pet'], []],
      ['professionals grounding', ['professionals', 'grounding'], []],
      ['pets,step-1,professionals', ['professionals'], ['pets', 'step-1']],
      ['nope', [], ['nope']],
    ];
    for (const [input, only, unknown] of cases) {
      it(`${JSON.stringify(input)} -> ${JSON.stringify(only)}, unknown ${JSON.stringify(unknown)}`, () => {
        const result = parseSectionFilter(input);
        expect(result.only && [...result.only]).to.deep.equal(only);
        expect(result.unknown).to.deep.equal(unknown);
      });
    }
  });
});
