import type { Catalog } from '../../core/locale.js';

/** What iop-switch says. Plain words, 4th-6th grade reading level. */
export const switchMessages: Catalog<{ required: string }> = {
  en: { required: 'Turn this on to continue.' },
  es: { required: 'Active esta opción para continuar.' },
};
