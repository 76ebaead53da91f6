import type { Contact, Region, SafetyPlan } from './schemas.js';
import type { Locale } from './locale.js';
import { REGION_HELP } from './hotlines.js';
import { telHref } from './links.js';

/**
 * The sections of a safety plan, in the order they are always shown: the six Stanley-Brown steps, reasons for
 * living, then the couples section and the pet. These ids are what the `sections` filter accepts.
 */
export const SECTION_IDS = [
  'warning-signs',
  'coping-strategies',
  'distractions',
  'help-contacts',
  'professionals',
  'environment-safety',
  'reasons-for-living',
  'partner-helps',
  'de-escalation',
  'grounding',
  'pet',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** One line of a section: free text, or a person or service to reach. */
export type PlanItem = string | Contact;

export interface PlanSection {
  id: SectionId;
  /** The Stanley-Brown step (1 to 6); other sections are not numbered. */
  step?: number;
  items: PlanItem[];
}

/**
 * The lines a region always gets in step 5, whatever the plan says: its first phone crisis line (988 in the
 * US and Canada), with its text line when the same number takes texts, and its emergency number.
 */
export function crisisContacts(region: Region, locale: Locale, emergencyName: string): Contact[] {
  const help = REGION_HELP[region];
  // Every region has at least one line with a phone (see REGION_HELP).
  const line = help.hotlines.find((h) => h.phone)!;
  const sms = help.hotlines.find((h) => h.sms && !h.sms.body && h.sms.number === line.phone)?.sms;
  return [
    { name: line.name[locale], phone: line.phone, ...(sms ? { sms } : {}) },
    { name: emergencyName, phone: help.emergency },
  ];
}

/**
 * The plan's sections in order. Step 5 lists the plan's professionals, then `alwaysInStep5` (see
 * crisisContacts) minus any number the plan already lists. The pet section is there only when the plan
 * names a pet. Without a plan (still loading, or nothing to show) every section but the pet has no items,
 * except step 5, which has its built-in lines.
 */
export function planSections(plan: SafetyPlan | undefined, alwaysInStep5: Contact[]): PlanSection[] {
  const planPhones = new Set((plan?.professionals ?? []).map((c) => telHref(c.phone)));
  const step5 = [
    ...(plan?.professionals ?? []),
    ...alwaysInStep5.filter((c) => !planPhones.has(telHref(c.phone))),
  ];
  const support = plan?.partnerSupport;
  const pet = plan?.pet;
  const items: PlanItem[][] = [
    plan?.warningSigns ?? [],
    plan?.copingStrategies ?? [],
    plan ? [...plan.distractions.people, ...plan.distractions.places] : [],
    plan?.helpContacts ?? [],
    step5,
    plan?.environmentSafety ?? [],
    plan?.reasonsForLiving ?? [],
    support?.howPartnerHelps ?? [],
    support?.deEscalationSteps ?? [],
    support?.groundingTechniques ?? [],
    pet ? [`${pet.name} (${pet.species})`, ...(pet.howItHelps ? [pet.howItHelps] : [])] : [],
  ];
  const count = pet ? 11 : 10;
  return SECTION_IDS.slice(0, count).map((id, i) => ({
    id,
    ...(i < 6 ? { step: i + 1 } : {}),
    items: items[i]!,
  }));
}

/**
 * Parses the `sections` attribute: comma- or space-separated section ids. Returns the ids to show (undefined
 * when the attribute is absent or blank: show everything) and the unknown ids, which are ignored.
 */
export function parseSectionFilter(value: string | null | undefined): {
  only?: Set<SectionId>;
  unknown: string[];
} {
  const words = (value ?? '')
    .split(/[\s,]+/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  if (!words.length) return { unknown: [] };
  const known = (w: string): w is SectionId => (SECTION_IDS as readonly string[]).includes(w);
  return { only: new Set(words.filter(known)), unknown: words.filter((w) => !known(w)) };
}
