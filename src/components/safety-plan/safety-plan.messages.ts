import type { Catalog } from '../../core/locale.js';

/** Words for the safety plan: plain (4th-6th grade), hopeful, always a way to get help. */
export interface PlanMessages {
  mine: string;
  partners: string;
  jump: string;
  step: string;
  /** Section titles, in the order of SECTION_IDS. */
  titles: string[];
  empty: string;
  meta: (version: number, date: string, by?: string) => string;
  call: (phone: string) => string;
  text: (number: string, body?: string) => string;
  emergency: string;
  loading: string;
  noConsent: (name?: string) => string;
}

export const planMessages: Catalog<PlanMessages> = {
  en: {
    mine: 'My safety plan',
    partners: 'My partner’s safety plan',
    jump: 'Jump to a step',
    step: 'Step',
    titles: [
      'Warning signs',
      'Things I can do on my own',
      'People and places that take my mind off things',
      'People I can ask for help',
      'Professionals and crisis lines',
      'Making my space safe',
      'My reasons for living',
      'How my partner helps',
      'How we calm things down',
      'Ways to feel grounded',
      'My pet, a comfort',
    ],
    empty: 'Not filled in yet.',
    meta: (v, date, by) => `Version ${v}. Last reviewed ${date}${by ? ` by ${by}` : ''}.`,
    call: (phone) => `Call ${phone}`,
    text: (n, body) => (body ? `Text ${body} to ${n}` : `Text ${n}`),
    emergency: 'Emergency services',
    loading: 'Loading the safety plan…',
    noConsent: (name) => `${name ?? 'Your partner'} has not shared their plan with you. You can ask them.`,
  },
  es: {
    mine: 'Mi plan de seguridad',
    partners: 'El plan de seguridad de mi pareja',
    jump: 'Ir a un paso',
    step: 'Paso',
    titles: [
      'Señales de alerta',
      'Cosas que puedo hacer por mi cuenta',
      'Personas y lugares que me distraen',
      'Personas a quienes puedo pedir ayuda',
      'Profesionales y líneas de crisis',
      'Hacer que mi entorno sea seguro',
      'Mis razones para vivir',
      'Cómo me ayuda mi pareja',
      'Cómo calmamos las cosas',
      'Formas de volver al presente',
      'Mi mascota, un consuelo',
    ],
    empty: 'Todavía no se ha llenado.',
    meta: (v, date, by) => `Versión ${v}. Revisado por última vez el ${date}${by ? ` por ${by}` : ''}.`,
    call: (phone) => `Llamar al ${phone}`,
    text: (n, body) => (body ? `Envía ${body} al ${n}` : `Enviar texto al ${n}`),
    emergency: 'Servicios de emergencia',
    loading: 'Cargando el plan de seguridad…',
    noConsent: (name) => `${name ?? 'Tu pareja'} no ha compartido su plan contigo. Puedes pedírselo.`,
  },
};
