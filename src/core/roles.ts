import type { Catalog, Locale } from './locale.js';

/**
 * The care-team roles in plain words, shown after a name ("Sam Rivera, therapist"): one list for the crisis
 * button and the scheduler. An unknown role is shown as it came.
 */
export const ROLES: Catalog<Record<string, string>> = {
  en: {
    'couples-therapist': 'couples therapist',
    'individual-therapist': 'therapist',
    'substance-use-counselor': 'drug and alcohol counselor',
    psychiatrist: 'psychiatrist',
    'case-manager': 'case manager',
    'benefits-specialist': 'benefits specialist',
  },
  es: {
    'couples-therapist': 'terapeuta de pareja',
    'individual-therapist': 'terapeuta',
    'substance-use-counselor': 'consejero de alcohol y drogas',
    psychiatrist: 'psiquiatra',
    'case-manager': 'administrador de casos',
    'benefits-specialist': 'especialista en beneficios',
  },
};

/** "Name, role" in the given language. */
export const nameAndRole = (c: { name: string; role: string }, locale: Locale): string =>
  `${c.name}, ${ROLES[locale][c.role] ?? c.role}`;
