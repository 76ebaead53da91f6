import type { Catalog } from '../../core/locale.js';

/**
 * Words for the check-in around the screener: plain (4th-6th grade), hopeful and practical, following the Action
 * Alliance's Framework for Successful Messaging (always a way to get help, no method details, no score or risk
 * label ever shown). The screener's own questions are the instrument's published wording, never these.
 * The crisis help itself reuses the crisis dialog's words (crisis-connect.messages.ts).
 */
export interface CheckInMessages {
  title: string;
  readDefault: string;
  notWatched: (emergency: string) => string;
  offline: string;
  mood: string;
  moodLow: string;
  moodHigh: string;
  cravings: string;
  cravingsLow: string;
  cravingsHigh: string;
  plan: string;
  yes: string;
  no: string;
  shareMood: (name: string) => string;
  note: string;
  shareNote: string;
  notePrivate: string;
  safety: string;
  safetyIntro: string;
  periods: Record<'past-month' | 'lifetime' | 'past-3-months', string>;
  otherLanguage: (language: string) => string;
  next: string;
  send: string;
  back: string;
  choose: string;
  none: string;
  low: string;
  lowBody: string;
  moderate: string;
  moderateBody: string;
  book: string;
  onCall: (name: string) => string;
  followUp: string;
  followUpPending: string;
  saving: string;
  sent: string;
  pending: string;
  failed: string;
  noteKept: string;
  history: string;
  me: string;
  day: string;
}

export const checkInMessages: Catalog<CheckInMessages> = {
  en: {
    title: 'Daily check-in',
    readDefault: 'Your care team reads check-ins during office hours.',
    notWatched: (n) =>
      `Check-ins are not watched around the clock. If you need help now, call ${n} or a crisis line.`,
    offline: 'You are offline. You can still check in: it will be sent when you are back online.',
    mood: 'How are you feeling today?',
    moodLow: '0: very bad',
    moodHigh: '10: very good',
    cravings: 'How strong were your cravings today?',
    cravingsLow: '0: none',
    cravingsHigh: '10: the strongest',
    plan: 'Did you use something from your safety plan today?',
    yes: 'Yes',
    no: 'No',
    shareMood: (name) => `Share today's mood (only the number) with ${name}`,
    note: 'Anything you want to write down? (optional)',
    shareNote: 'Share this note with my care team',
    notePrivate: 'If you do not share it, it stays on this device only.',
    safety: 'Safety questions',
    safetyIntro: 'These questions help your care team keep you safe. Answer as best you can.',
    periods: {
      'past-month': 'In the past month:',
      lifetime: 'In your life:',
      'past-3-months': 'In the past 3 months:',
    },
    otherLanguage: (language) =>
      `These questions are in ${language}. We do not have an approved translation of them yet.`,
    next: 'Next',
    send: 'Send my check-in',
    back: 'Back',
    choose: 'Please choose an answer.',
    none: 'Thank you for checking in.',
    low: 'Thank you for telling us.',
    lowBody: 'These things from your safety plan can help right now:',
    moderate: 'Please talk with someone today.',
    moderateBody: 'Your care team wants to hear from you. Call the on-call line or book a time to talk.',
    book: 'Book a time to talk',
    onCall: (name) => `Call ${name}, on call now`,
    followUp:
      'We let your care team know. Someone will contact you within 24 hours. Please do not wait: reach someone now.',
    followUpPending:
      'We will let your care team know as soon as this device is back online. Please do not wait: reach someone now.',
    saving: 'Sending your check-in…',
    sent: 'Your check-in was sent to your care team.',
    pending: 'Your check-in is saved on this device. It will be sent when you are back online.',
    failed: 'We could not send this check-in. Please tell your care team at your next session.',
    noteKept: 'Your note is saved on this device only.',
    history: 'How I felt, the last 14 days',
    me: 'Me',
    day: 'Day',
  },
  es: {
    title: 'Registro diario',
    readDefault: 'Tu equipo de atención lee los registros en horario de oficina.',
    notWatched: (n) =>
      `Nadie revisa los registros las 24 horas. Si necesitas ayuda ahora, llama al ${n} o a una línea de crisis.`,
    offline:
      'No tienes conexión. Igual puedes hacer tu registro: se enviará cuando vuelvas a tener conexión.',
    mood: '¿Cómo te sientes hoy?',
    moodLow: '0: muy mal',
    moodHigh: '10: muy bien',
    cravings: '¿Qué tan fuertes fueron tus ganas de consumir hoy?',
    cravingsLow: '0: nada',
    cravingsHigh: '10: las más fuertes',
    plan: '¿Usaste algo de tu plan de seguridad hoy?',
    yes: 'Sí',
    no: 'No',
    shareMood: (name) => `Compartir mi ánimo de hoy (solo el número) con ${name}`,
    note: '¿Algo que quieras anotar? (opcional)',
    shareNote: 'Compartir esta nota con mi equipo de atención',
    notePrivate: 'Si no la compartes, se queda solo en este dispositivo.',
    safety: 'Preguntas de seguridad',
    safetyIntro: 'Estas preguntas ayudan a tu equipo de atención a cuidarte. Responde lo mejor que puedas.',
    periods: {
      'past-month': 'En el último mes:',
      lifetime: 'En tu vida:',
      'past-3-months': 'En los últimos 3 meses:',
    },
    otherLanguage: (language) =>
      `Estas preguntas están en ${language}. Todavía no tenemos una traducción aprobada de ellas.`,
    next: 'Siguiente',
    send: 'Enviar mi registro',
    back: 'Atrás',
    choose: 'Elige una respuesta, por favor.',
    none: 'Gracias por hacer tu registro.',
    low: 'Gracias por contárnoslo.',
    lowBody: 'Estas cosas de tu plan de seguridad pueden ayudarte ahora:',
    moderate: 'Por favor, habla con alguien hoy.',
    moderateBody:
      'Tu equipo de atención quiere saber de ti. Llama a la línea de guardia o reserva una hora para hablar.',
    book: 'Reservar una hora para hablar',
    onCall: (name) => `Llamar a ${name}, de guardia ahora`,
    followUp:
      'Le avisamos a tu equipo de atención. Alguien se comunicará contigo en menos de 24 horas. No esperes: habla con alguien ahora.',
    followUpPending:
      'Le avisaremos a tu equipo de atención en cuanto este dispositivo vuelva a tener conexión. No esperes: habla con alguien ahora.',
    saving: 'Enviando tu registro…',
    sent: 'Tu registro se envió a tu equipo de atención.',
    pending: 'Tu registro está guardado en este dispositivo. Se enviará cuando vuelvas a tener conexión.',
    failed: 'No pudimos enviar este registro. Cuéntaselo a tu equipo de atención en tu próxima sesión.',
    noteKept: 'Tu nota está guardada solo en este dispositivo.',
    history: 'Cómo me sentí, los últimos 14 días',
    me: 'Yo',
    day: 'Día',
  },
};
