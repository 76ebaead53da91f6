import type { Catalog } from '../../core/locale.js';

/**
 * Words for the crisis dialog. Plain (4th-6th grade), hopeful and practical, following the Action Alliance's
 * Framework for Successful Messaging: always a way to get help, no method details.
 */
export interface CrisisMessages {
  button: string;
  heading: string;
  intro: string;
  emergency: (number: string) => string;
  emergencyCall: (number: string) => string;
  onCallHeading: string;
  onCallLoading: string;
  onCallUnavailable: string;
  onCallOffline: string;
  onCallSignedOut: string;
  onCallCall: (name: string) => string;
  hasPlan: string;
  until: (time: string) => string;
  fromCache: (age: string) => string;
  videoHeading: string;
  videoStart: string;
  videoStarting: string;
  videoAskPartner: string;
  videoWithPartner: string;
  videoJustMe: string;
  videoReady: string;
  videoJoin: string;
  videoFailed: string;
  videoUnsafe: string;
  videoUnavailable: string;
  chat: string;
  hotlinesHeading: string;
  call: (number: string) => string;
  text: (number: string) => string;
  textWithBody: (body: string, number: string) => string;
  chatOnline: string;
  notALink: string;
  safetyPlan: string;
  quickExit: string;
  quickExitHint: string;
  roles: Record<string, string>;
}

export const crisisMessages: Catalog<CrisisMessages> = {
  en: {
    button: 'Get help now',
    heading: 'You do not have to go through this alone.',
    intro: 'Pick any way to reach someone. They want to help.',
    emergency: (n) => `In danger now? Call ${n}`,
    emergencyCall: (n) => `Call ${n}`,
    onCallHeading: 'Your care team, on call now',
    onCallLoading: 'Finding who is on call…',
    onCallUnavailable: 'We could not reach your care team just now. The lines below are always open.',
    onCallOffline: 'You seem to be offline. Phone calls still work.',
    onCallSignedOut: 'Sign in to see your on-call therapist.',
    onCallCall: (name) => `Call ${name}`,
    hasPlan: 'Has your safety plan',
    until: (time) => `On call until ${time}`,
    fromCache: (age) => `Saved ${age}`,
    videoHeading: 'Video',
    videoStart: 'Start an emergency video session',
    videoStarting: 'Starting your video session…',
    videoAskPartner: 'Do you want your partner to join too?',
    videoWithPartner: 'Yes, with my partner',
    videoJustMe: 'Just me',
    videoReady: 'Your video session is ready.',
    videoJoin: 'Join the video session',
    videoFailed: 'The video session did not start. Please call instead: the numbers on this page work now.',
    videoUnsafe: 'We got a video link we cannot trust, so we did not open it. Please call instead.',
    videoUnavailable: 'Video is not available right now. Please call instead.',
    chat: 'Chat with your care team',
    hotlinesHeading: 'Crisis lines, open day and night',
    call: (n) => `Call ${n}`,
    text: (n) => `Text ${n}`,
    textWithBody: (body, n) => `Text ${body} to ${n}`,
    chatOnline: 'Chat online',
    notALink: 'Number:',
    safetyPlan: 'My safety plan',
    quickExit: 'Leave this site quickly',
    quickExitHint: 'Goes to a weather page. To leave no history, use a private window.',
    roles: {
      'couples-therapist': 'Couples therapist',
      'individual-therapist': 'Therapist',
      'substance-use-counselor': 'Drug and alcohol counselor',
      psychiatrist: 'Psychiatrist',
      'case-manager': 'Case manager',
      'benefits-specialist': 'Benefits specialist',
    },
  },
  es: {
    button: 'Ayuda ahora',
    heading: 'No tienes que pasar por esto a solas.',
    intro: 'Elige cualquier forma de hablar con alguien. Quieren ayudarte.',
    emergency: (n) => `¿En peligro ahora? Llama al ${n}`,
    emergencyCall: (n) => `Llamar al ${n}`,
    onCallHeading: 'Tu equipo de atención, de guardia ahora',
    onCallLoading: 'Buscando quién está de guardia…',
    onCallUnavailable: 'No pudimos contactar a tu equipo ahora. Las líneas de abajo siempre están abiertas.',
    onCallOffline: 'Parece que no tienes conexión. Las llamadas siguen funcionando.',
    onCallSignedOut: 'Inicia sesión para ver a tu terapeuta de guardia.',
    onCallCall: (name) => `Llamar a ${name}`,
    hasPlan: 'Tiene tu plan de seguridad',
    until: (time) => `De guardia hasta las ${time}`,
    fromCache: (age) => `Guardado ${age}`,
    videoHeading: 'Video',
    videoStart: 'Iniciar una sesión de video de emergencia',
    videoStarting: 'Iniciando tu sesión de video…',
    videoAskPartner: '¿Quieres que tu pareja también se una?',
    videoWithPartner: 'Sí, con mi pareja',
    videoJustMe: 'Solo yo',
    videoReady: 'Tu sesión de video está lista.',
    videoJoin: 'Entrar a la sesión de video',
    videoFailed: 'La sesión de video no empezó. Por favor llama: los números de esta página funcionan ahora.',
    videoUnsafe:
      'Recibimos un enlace de video en el que no podemos confiar, así que no lo abrimos. Por favor llama.',
    videoUnavailable: 'El video no está disponible ahora. Por favor llama.',
    chat: 'Chatear con tu equipo de atención',
    hotlinesHeading: 'Líneas de crisis, abiertas de día y de noche',
    call: (n) => `Llamar al ${n}`,
    text: (n) => `Enviar texto al ${n}`,
    textWithBody: (body, n) => `Envía ${body} al ${n}`,
    chatOnline: 'Chat en línea',
    notALink: 'Número:',
    safetyPlan: 'Mi plan de seguridad',
    quickExit: 'Salir rápido de este sitio',
    quickExitHint: 'Va a una página del clima. Para no dejar historial, usa una ventana privada.',
    roles: {
      'couples-therapist': 'Terapeuta de pareja',
      'individual-therapist': 'Terapeuta',
      'substance-use-counselor': 'Consejero de drogas y alcohol',
      psychiatrist: 'Psiquiatra',
      'case-manager': 'Administrador de casos',
      'benefits-specialist': 'Especialista en beneficios',
    },
  },
};
