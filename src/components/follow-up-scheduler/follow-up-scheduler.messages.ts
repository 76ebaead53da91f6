import type { Catalog } from '../../core/locale.js';
import type { SlotKind } from '../../core/schemas.js';

export interface SchedulerMessages {
  heading: Record<SlotKind, string>;
  /** The day picker's label. */
  days: string;
  openTimes: (count: number) => string;
  /** A long day shows its first times; this shows the rest. */
  allTimes: (count: number) => string;
  /** The crisis debrief's soonest time, offered first: when ("today 3:00 PM") and with whom. */
  soonest: (when: string, name: string) => string;
  soon: (hours: number) => string;
  noSoon: (hours: number) => string;
  callOnCall: (phone: string) => string;
  callback: string;
  callbackDone: string;
  empty: string;
  loading: string;
  selected: (when: string, name: string) => string;
  bookAsk: string;
  withPartner: string;
  book: string;
  back: string;
  booked: string;
  taken: string;
  notBooked: string;
  yours: string;
  join: string;
  ics: string;
  cancel: string;
  cancelAsk: string;
  cancelYes: string;
  keep: string;
  cancelled: string;
  notChanged: string;
  /** A reschedule booked the new time but could not cancel the old one. */
  oldKept: string;
  reschedule: string;
  moving: string;
}

export const schedulerMessages: Catalog<SchedulerMessages> = {
  en: {
    heading: {
      'crisis-debrief': 'Book your check-in after a crisis',
      couples: 'Book a couples session',
      individual: 'Book a session',
      'substance-use': 'Book a session with your counselor',
    },
    days: 'Days with open times',
    openTimes: (n) => (n ? `${n} open ${n === 1 ? 'time' : 'times'}` : 'no open times'),
    soonest: (when, name) => `Soonest: ${when} with ${name}`,
    allTimes: (n) => `Show all ${n} times on this day`,
    soon: (h) => `In the next ${h} hours`,
    noSoon: (h) => `No time is open in the next ${h} hours. The on-call team can talk now.`,
    callOnCall: (phone) => `Call the on-call line: ${phone}`,
    callback: 'Request a call back',
    callbackDone: 'We will call you back.',
    empty: 'No open times right now.',
    loading: 'Loading open times…',
    selected: (when, name) => `Selected: ${when} with ${name}`,
    bookAsk: 'Book this time?',
    withPartner: 'For you and your partner.',
    book: 'Yes, book it',
    back: 'Pick another time',
    booked: 'You are booked.',
    taken: 'That time was just taken. Please pick another.',
    notBooked: 'Nothing was booked. Please try again.',
    yours: 'Your session',
    join: 'Join the video session',
    ics: 'Add to calendar',
    cancel: 'Cancel session',
    cancelAsk: 'Cancel this session?',
    cancelYes: 'Yes, cancel it',
    keep: 'Keep it',
    cancelled: 'Your session was cancelled.',
    notChanged: 'Nothing was changed. Please try again.',
    oldKept: 'Your new time is booked, but we could not cancel your old time. Do you want to cancel it now?',
    reschedule: 'Reschedule',
    moving: 'Pick a new time. Your session stays until then.',
  },
  es: {
    heading: {
      'crisis-debrief': 'Reserva tu llamada tras una crisis',
      couples: 'Reserva una sesión de pareja',
      individual: 'Reserva una sesión',
      'substance-use': 'Reserva una sesión con tu consejero',
    },
    days: 'Días con horas libres',
    openTimes: (n) => (n ? `${n} ${n === 1 ? 'hora libre' : 'horas libres'}` : 'sin horas libres'),
    soonest: (when, name) => `Lo antes posible: ${when} con ${name}`,
    allTimes: (n) => `Mostrar las ${n} horas de este día`,
    soon: (h) => `En las próximas ${h} horas`,
    noSoon: (h) => `No hay horas libres en las próximas ${h} horas. El equipo de guardia puede hablar ahora.`,
    callOnCall: (phone) => `Llama a la línea de guardia: ${phone}`,
    callback: 'Pide que te llamemos',
    callbackDone: 'Te vamos a llamar.',
    empty: 'No hay horas libres ahora.',
    loading: 'Cargando horas libres…',
    selected: (when, name) => `Elegiste: ${when} con ${name}`,
    bookAsk: '¿Reservar esta hora?',
    withPartner: 'Para ti y tu pareja.',
    book: 'Sí, reservar',
    back: 'Elegir otra hora',
    booked: 'Tu sesión está reservada.',
    taken: 'Alguien acaba de tomar esa hora. Elige otra.',
    notBooked: 'No se reservó nada. Inténtalo de nuevo.',
    yours: 'Tu sesión',
    join: 'Entrar a la videollamada',
    ics: 'Agregar al calendario',
    cancel: 'Cancelar sesión',
    cancelAsk: '¿Cancelar esta sesión?',
    cancelYes: 'Sí, cancelarla',
    keep: 'Mantenerla',
    cancelled: 'Tu sesión fue cancelada.',
    notChanged: 'No se cambió nada. Inténtalo de nuevo.',
    oldKept: 'Tu nueva hora está reservada, pero no pudimos cancelar la anterior. ¿Quieres cancelarla ahora?',
    reschedule: 'Cambiar la hora',
    moving: 'Elige una hora nueva. Tu sesión sigue hasta entonces.',
  },
};
