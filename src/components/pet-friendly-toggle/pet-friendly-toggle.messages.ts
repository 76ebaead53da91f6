import type { Catalog } from '../../core/locale.js';

/** What iop-pet-friendly-toggle says. Plain words, 4th-6th grade reading level. */
export interface PetToggleMessages {
  label: string;
  loading: string;
  idle: string;
  saving: string;
  saved: string;
  pending: string;
  conflict: string;
  /** Said when a save failed and the switch went back to `on` (true) or off. */
  failed: (on: boolean) => string;
  details: string;
  name: string;
  species: string;
  choose: string;
  dog: string;
  cat: string;
  other: string;
  save: string;
  nameMissing: string;
  nameLong: string;
  nameChars: string;
  speciesMissing: string;
}

export const petToggleMessages: Catalog<PetToggleMessages> = {
  en: {
    label: 'Bring my pet to sessions',
    loading: 'Loading your setting…',
    idle: '',
    saving: 'Saving…',
    saved: 'Saved',
    pending: "Will save when you're back online",
    conflict: 'This changed on another device. We are showing the latest setting.',
    failed: (on) => `Could not save. Your setting is back to ${on ? 'On' : 'Off'}.`,
    details: 'Pet details',
    name: "Pet's name",
    species: 'Kind of pet',
    choose: 'Choose one',
    dog: 'Dog',
    cat: 'Cat',
    other: 'Other',
    save: 'Save pet details',
    nameMissing: "Type your pet's name.",
    nameLong: 'Use 40 letters or fewer.',
    nameChars: "Use only letters, spaces, - and '.",
    speciesMissing: 'Choose the kind of pet.',
  },
  es: {
    label: 'Llevar a mi mascota a las sesiones',
    loading: 'Cargando tu opción…',
    idle: '',
    saving: 'Guardando…',
    saved: 'Guardado',
    pending: 'Se guardará cuando vuelvas a tener conexión',
    conflict: 'Esto cambió en otro dispositivo. Te mostramos la opción más reciente.',
    failed: (on) => `No se pudo guardar. Tu opción volvió a estar ${on ? 'activada' : 'desactivada'}.`,
    details: 'Datos de la mascota',
    name: 'Nombre de la mascota',
    species: 'Tipo de mascota',
    choose: 'Elige uno',
    dog: 'Perro',
    cat: 'Gato',
    other: 'Otro',
    save: 'Guardar datos de la mascota',
    nameMissing: 'Escribe el nombre de tu mascota.',
    nameLong: 'Usa 40 letras o menos.',
    nameChars: "Usa solo letras, espacios, - y '.",
    speciesMissing: 'Elige el tipo de mascota.',
  },
};
