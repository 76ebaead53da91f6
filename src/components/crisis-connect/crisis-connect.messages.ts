import type { Catalog } from '../../core/locale.js';

/**
 * Words for the crisis button and the help the dialog shows at once. Plain (4th-6th grade), hopeful and
 * practical, following the Action Alliance's Framework for Successful Messaging: always a way to get help, no
 * method details. The words for the backend sections (on call, video, chat) load with them: crisis-live.ts.
 */
export interface CrisisMessages {
  button: string;
  heading: string;
  intro: string;
  emergency: (number: string) => string;
  onCallHeading: string;
  onCallLoading: string;
  hotlinesHeading: string;
  call: (number: string) => string;
  /** "Text 988", or with a keyword: "Text HOME to 741741". */
  text: (number: string, body?: string) => string;
  chatOnline: string;
  notALink: string;
  safetyPlan: string;
  quickExit: string;
  quickExitHint: string;
}

export const crisisMessages: Catalog<CrisisMessages> = {
  en: {
    button: 'Get help now',
    heading: 'You do not have to go through this alone.',
    intro: 'Pick any way to reach someone. They want to help.',
    emergency: (n) => `In danger now? Call ${n}`,
    onCallHeading: 'Your care team, on call now',
    onCallLoading: 'Finding who is on call…',
    hotlinesHeading: 'Crisis lines, open day and night',
    call: (n) => `Call ${n}`,
    text: (n, body) => (body ? `Text ${body} to ${n}` : `Text ${n}`),
    chatOnline: 'Chat online',
    notALink: 'Number:',
    safetyPlan: 'My safety plan',
    quickExit: 'Leave this site quickly',
    quickExitHint: 'Goes to a weather page. To leave no history, use a private window.',
  },
  es: {
    button: 'Ayuda ahora',
    heading: 'No tienes que pasar por esto a solas.',
    intro: 'Elige cualquier forma de hablar con alguien. Quieren ayudarte.',
    emergency: (n) => `¿En peligro ahora? Llama al ${n}`,
    onCallHeading: 'Tu equipo de atención, de guardia ahora',
    onCallLoading: 'Buscando quién está de guardia…',
    hotlinesHeading: 'Líneas de crisis, abiertas de día y de noche',
    call: (n) => `Llamar al ${n}`,
    text: (n, body) => (body ? `Envía ${body} al ${n}` : `Enviar texto al ${n}`),
    chatOnline: 'Chat en línea',
    notALink: 'Número:',
    safetyPlan: 'Mi plan de seguridad',
    quickExit: 'Salir rápido de este sitio',
    quickExitHint: 'Va a una página del clima. Para no dejar historial, usa una ventana privada.',
  },
};
