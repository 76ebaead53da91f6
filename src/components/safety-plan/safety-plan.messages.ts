import type { Catalog } from '../../core/locale.js';
import type { SectionId } from '../../core/safety-plan.js';

/** Words for the safety plan: plain (4th-6th grade), hopeful, always a way to get help. */
export interface PlanMessages {
  mine: string;
  partners: string;
  jump: string;
  step: (n: number, title: string) => string;
  titles: Record<SectionId, string>;
  empty: string;
  meta: (version: number, date: string, by?: string) => string;
  call: (phone: string) => string;
  text: (number: string, body?: string) => string;
  phone: string;
  textLine: string;
  emergency: string;
  loading: string;
  noConsent: (name?: string) => string;
}

export const planMessages: Catalog<PlanMessages> = {
  en: {
    mine: 'My safety plan',
    partners: 'My partner’s safety plan',
    jump: 'Jump to a step',
    step: (n, title) => `Step ${n}: ${title}`,
    titles: {
      'warning-signs': 'Warning signs',
      'coping-strategies': 'Things I can do on my own',
      distractions: 'People and places that take my mind off things',
      'help-contacts': 'People I can ask for help',
      professionals: 'Professionals and crisis lines',
      'environment-safety': 'Making my space safe',
      'reasons-for-living': 'My reasons for living',
      'partner-helps': 'How my partner helps',
      'de-escalation': 'How we calm things down',
      grounding: 'Ways to feel grounded',
      pet: 'My pet, a comfort',
    },
    empty: 'Not filled in yet.',
    meta: (v, date, by) => `Version ${v}. Last reviewed ${date}${by ? ` by ${by}` : ''}.`,
    call: (phone) => `Call ${phone}`,
    text: (n, body) => (body ? `Text ${body} to ${n}` : `Text ${n}`),
    phone: 'Phone:',
    textLine: 'Text:',
    emergency: 'Emergency services',
    loading: 'Loading the safety plan…',
    noConsent: (name) => `${name ?? 'Your partner'} has not shared their plan with you. You can ask them.`,
  },
  es: {
    mine: 'Mi plan de seguridad',
    partners: 'El plan de seguridad de mi pareja',
    jump: 'Ir a un paso',
    step: (n, title) => `Paso ${n}: ${title}`,
    titles: {
      'warning-signs': 'Señales de alerta',
      'coping-strategies': 'Cosas que puedo hacer por mi cuenta',
      distractions: 'Personas y lugares que me distraen',
      'help-contacts': 'Personas a quienes puedo pedir ayuda',
      professionals: 'Profesionales y líneas de crisis',
      'environment-safety': 'Hacer que mi entorno sea seguro',
      'reasons-for-living': 'Mis razones para vivir',
      'partner-helps': 'Cómo me ayuda mi pareja',
      'de-escalation': 'Cómo calmamos las cosas',
      grounding: 'Formas de volver al presente',
      pet: 'Mi mascota, un consuelo',
    },
    empty: 'Todavía no se ha llenado.',
    meta: (v, date, by) => `Versión ${v}. Revisado por última vez el ${date}${by ? ` por ${by}` : ''}.`,
    call: (phone) => `Llamar al ${phone}`,
    text: (n, body) => (body ? `Envía ${body} al ${n}` : `Enviar texto al ${n}`),
    phone: 'Teléfono:',
    textLine: 'Texto:',
    emergency: 'Servicios de emergencia',
    loading: 'Cargando el plan de seguridad…',
    noConsent: (name) => `${name ?? 'Tu pareja'} no ha compartido su plan contigo. Puedes pedírselo.`,
  },
};
