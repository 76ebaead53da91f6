/**
 * The help every region always gets, whatever the backend says: facts from DOMAIN.md. Data only (no code), so
 * the crisis button can show it at once; hotlines.ts merges in what a backend adds.
 */
import type { Region } from './schemas.js';
import type { Locale } from './locale.js';

/** Text in every language the kit speaks. */
export type Localized = Record<Locale, string>;

/** A hotline the kit ships with: always shown for its region, whatever the backend says. */
export interface BuiltInHotline {
  id: string;
  name: Localized;
  description?: Localized;
  phone?: string;
  sms?: { number: string; body?: string };
  chatUrl?: string;
}

/** The help a region always gets: its emergency number and its crisis lines (facts from DOMAIN.md). */
export interface RegionHelp {
  emergency: string;
  hotlines: readonly BuiltInHotline[];
}

export const REGION_HELP: Readonly<Record<Region, RegionHelp>> = {
  US: {
    emergency: '911',
    hotlines: [
      {
        id: 'us-988-call',
        name: {
          en: '988 Suicide & Crisis Lifeline: call 988',
          es: '988 Línea de Prevención del Suicidio y Crisis: llama al 988',
        },
        description: { en: 'Free and open all day and night.', es: 'Gratis y abierta de día y de noche.' },
        phone: '988',
      },
      {
        id: 'us-988-text',
        name: { en: '988 Lifeline: text 988', es: 'Línea 988: envía un texto al 988' },
        sms: { number: '988' },
      },
      {
        id: 'us-988-chat',
        name: { en: '988 Lifeline: chat online', es: 'Línea 988: chat en línea' },
        chatUrl: 'https://988lifeline.org/chat/',
      },
      {
        id: 'us-988-veterans',
        name: { en: 'Veterans: call 988, then press 1', es: 'Veteranos: llama al 988 y marca 1' },
        description: { en: 'Or text 838255.', es: 'O envía un texto al 838255.' },
        phone: '988',
        sms: { number: '838255' },
      },
      {
        id: 'us-988-spanish',
        name: { en: 'In Spanish: call 988, then press 2', es: 'En español: llama al 988 y marca 2' },
        phone: '988',
      },
      {
        id: 'us-crisis-text-line',
        name: { en: 'Crisis Text Line: text HOME to 741741', es: 'Crisis Text Line: envía HOME al 741741' },
        sms: { number: '741741', body: 'HOME' },
      },
      {
        id: 'us-samhsa',
        name: { en: 'SAMHSA Helpline: 1-800-662-4357', es: 'Línea de ayuda de SAMHSA: 1-800-662-4357' },
        description: {
          en: 'Help finding treatment for mental health and drug or alcohol use. TTY 1-800-487-4889.',
          es: 'Ayuda para encontrar tratamiento de salud mental y de uso de drogas o alcohol. TTY 1-800-487-4889.',
        },
        phone: '+1-800-662-4357',
      },
    ],
  },
  CA: {
    emergency: '911',
    hotlines: [
      {
        id: 'ca-988-call',
        name: { en: 'Call 9-8-8 (English and French)', es: 'Llama al 9-8-8 (inglés y francés)' },
        phone: '988',
      },
      {
        id: 'ca-988-text',
        name: { en: 'Text 9-8-8', es: 'Envía un texto al 9-8-8' },
        sms: { number: '988' },
      },
    ],
  },
  GB: {
    emergency: '999',
    hotlines: [
      {
        id: 'gb-nhs-111',
        name: { en: 'NHS 111, option 2 (England)', es: 'NHS 111, opción 2 (Inglaterra)' },
        description: { en: 'Mental health crisis help.', es: 'Ayuda en una crisis de salud mental.' },
        phone: '111',
      },
      {
        id: 'gb-samaritans',
        name: { en: 'Samaritans: 116 123', es: 'Samaritans: 116 123' },
        phone: '116123',
      },
      {
        id: 'gb-shout',
        name: { en: 'Shout: text SHOUT to 85258', es: 'Shout: envía SHOUT al 85258' },
        sms: { number: '85258', body: 'SHOUT' },
      },
    ],
  },
  AU: {
    emergency: '000',
    hotlines: [
      {
        id: 'au-lifeline-call',
        name: { en: 'Lifeline: 13 11 14', es: 'Lifeline: 13 11 14' },
        phone: '131114',
      },
      {
        id: 'au-lifeline-text',
        name: { en: 'Lifeline text: 0477 13 11 14', es: 'Texto a Lifeline: 0477 13 11 14' },
        sms: { number: '0477131114' },
      },
    ],
  },
};
