import { html, nothing, type TemplateResult } from 'lit';
import type { DataState } from './data-controller.js';
import type { Catalog, Locale } from '../core/locale.js';
import { formatAge } from '../core/format.js';
import '../components/alert/define.js';
import '../components/button/define.js';

interface StatusMessages {
  savedAgo: (age: string) => string;
  offlineSaved: (age: string) => string;
  checking: string;
  offline: string;
  error: string;
  badData: string;
  notAllowed: string;
  retry: string;
  signedOut: string;
}

const messages: Catalog<StatusMessages> = {
  en: {
    savedAgo: (age) => `Last synced ${age}.`,
    offlineSaved: (age) => `You are offline. This is what was saved ${age}.`,
    checking: 'Checking for updates…',
    offline: 'You are offline. This will load when you are back online.',
    error: 'We could not load this right now.',
    badData: 'We got information we could not read, so we are not showing it.',
    notAllowed: 'You do not have access to this.',
    retry: 'Try again',
    signedOut: 'Please sign in to see this.',
  },
  es: {
    savedAgo: (age) => `Última sincronización ${age}.`,
    offlineSaved: (age) => `No tienes conexión. Esto es lo que se guardó ${age}.`,
    checking: 'Buscando cambios…',
    offline: 'No tienes conexión. Esto se cargará cuando vuelvas a tener conexión.',
    error: 'No pudimos cargar esto ahora.',
    badData: 'Recibimos información que no pudimos leer, así que no la mostramos.',
    notAllowed: 'No tienes acceso a esto.',
    retry: 'Intentar de nuevo',
    signedOut: 'Inicia sesión para ver esto.',
  },
};

export interface StatusOptions {
  locale: Locale;
  onRetry: () => void;
  /** A kinder, widget-specific message for an HTTP status (e.g. 403 for a partner's plan). */
  forStatus?: Partial<Record<number, string>>;
}

/**
 * The shared status line of every widget: how fresh the shown data is, offline, error with a retry button,
 * or signed out. It renders nothing for `loading` (widgets show their own skeleton) and for fresh data.
 */
export function renderStatus<T>(
  state: DataState<T>,
  options: StatusOptions,
): TemplateResult | typeof nothing {
  const t = messages[options.locale];
  const age =
    state.status !== 'signed-out' && state.ageMs !== undefined ? formatAge(state.ageMs, options.locale) : '';
  switch (state.status) {
    case 'signed-out':
      return html`<iop-alert part="status" variant="info">${t.signedOut}</iop-alert>`;
    case 'stale':
      return html`<p part="status" class="freshness" role="status">
        ${navigator.onLine === false || state.error ? t.offlineSaved(age) : t.savedAgo(age)}
        ${state.revalidating ? t.checking : nothing}
      </p>`;
    case 'offline':
      return html`<iop-alert part="status" variant="warning">${t.offline}</iop-alert>`;
    case 'error': {
      const error = state.error as { code?: string; status?: number } | undefined;
      const message =
        (error?.status !== undefined ? options.forStatus?.[error.status] : undefined) ??
        (error?.status === 403 ? t.notAllowed : error?.code === 'schema' ? t.badData : t.error);
      return html`<iop-alert part="status" variant=${state.value === undefined ? 'danger' : 'warning'}>
        ${message}
        <iop-button size="sm" variant="secondary" @click=${options.onRetry}>${t.retry}</iop-button>
      </iop-alert>`;
    }
    default:
      return nothing;
  }
}
