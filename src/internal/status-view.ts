import { html, nothing, type TemplateResult } from 'lit';
import type { DataState } from './data-controller.js';
import type { Catalog, Locale } from '../core/locale.js';
import { formatAge } from '../core/format.js';
import { isStorageUnavailable } from '../core/storage/storage-status.js';
import '../components/alert/define.js';
import '../components/button/define.js';

/**
 * One message per state, each saying what happened and what still works. "Sign in" only for signed out (no
 * session configured, or the backend said 401); a network, server or storage failure never asks for it.
 */
interface StatusMessages {
  savedAgo: (age: string) => string;
  offlineSaved: (age: string) => string;
  unreachableSaved: (age: string) => string;
  checking: string;
  offline: string;
  unreachable: string;
  slow: string;
  error: string;
  serverError: string;
  badData: string;
  notAllowed: string;
  notFound: string;
  setup: string;
  retry: string;
  signedOut: string;
  noCopy: string;
}

const messages: Catalog<StatusMessages> = {
  en: {
    savedAgo: (age) => `Last synced ${age}.`,
    offlineSaved: (age) => `You are offline. This is what was saved ${age}.`,
    unreachableSaved: (age) => `We could not reach the clinic's server. This is what was saved ${age}.`,
    checking: 'Checking for updates…',
    offline: 'You are offline. This will load when you are back online.',
    unreachable: "We could not reach the clinic's server. The crisis lines still work.",
    slow: "The clinic's server is taking too long to answer. The crisis lines still work.",
    error: 'We could not load this right now.',
    serverError: "We could not load this right now. The clinic's server had a problem. Try again soon.",
    badData: 'We got information we could not read, so we are not showing it.',
    notAllowed: 'You do not have access to this.',
    notFound: 'There is nothing to show here yet.',
    setup: 'This page is not set up to show this yet. Please tell the clinic.',
    retry: 'Try again',
    signedOut: 'Please sign in to see this.',
    noCopy: 'This device cannot keep a copy for offline use.',
  },
  es: {
    savedAgo: (age) => `Última sincronización ${age}.`,
    offlineSaved: (age) => `No tienes conexión. Esto es lo que se guardó ${age}.`,
    unreachableSaved: (age) =>
      `No pudimos comunicarnos con el servidor de la clínica. Esto es lo que se guardó ${age}.`,
    checking: 'Buscando cambios…',
    offline: 'No tienes conexión. Esto se cargará cuando vuelvas a tener conexión.',
    unreachable:
      'No pudimos comunicarnos con el servidor de la clínica. Las líneas de crisis siguen funcionando.',
    slow: 'El servidor de la clínica tarda demasiado en responder. Las líneas de crisis siguen funcionando.',
    error: 'No pudimos cargar esto ahora.',
    serverError:
      'No pudimos cargar esto ahora. El servidor de la clínica tuvo un problema. Inténtalo de nuevo pronto.',
    badData: 'Recibimos información que no pudimos leer, así que no la mostramos.',
    notAllowed: 'No tienes acceso a esto.',
    notFound: 'Todavía no hay nada que mostrar aquí.',
    setup: 'Esta página todavía no está lista para mostrar esto. Avísale a la clínica.',
    retry: 'Intentar de nuevo',
    signedOut: 'Inicia sesión para ver esto.',
    noCopy: 'Este dispositivo no puede guardar una copia para usarla sin conexión.',
  },
};

export interface StatusOptions {
  locale: Locale;
  onRetry: () => void;
  /** A kinder, widget-specific message for an HTTP status (e.g. 403 for a partner's plan). */
  forStatus?: Partial<Record<number, string>>;
}

type Failure = { code?: string; status?: number } | undefined;

/** The message for a failed read with nothing to show. */
function failureMessage(error: Failure, t: StatusMessages, forStatus: StatusOptions['forStatus']): string {
  const status = error?.status;
  const kinder = status !== undefined ? forStatus?.[status] : undefined;
  if (kinder) return kinder;
  if (error?.code === 'schema') return t.badData;
  if (error?.code === 'config') return t.setup;
  if (status === 403) return t.notAllowed;
  if (status === 404) return t.notFound;
  if (status !== undefined && status >= 500) return t.serverError;
  return t.error;
}

/**
 * The shared status line of every widget: how fresh the shown data is, offline or unreachable, error with a
 * retry button, or signed out; and, when the browser's storage failed (see storage-status.ts), that this
 * device keeps no offline copy. It renders nothing for `loading` (widgets show their own skeleton) and for
 * fresh data on a device that keeps its copy.
 */
export function renderStatus<T>(
  state: DataState<T>,
  options: StatusOptions,
): TemplateResult | typeof nothing {
  const t = messages[options.locale];
  if (state.status === 'signed-out')
    return html`<iop-alert part="status" variant="info">${t.signedOut}</iop-alert>`;
  const age = state.ageMs !== undefined ? formatAge(state.ageMs, options.locale) : '';
  const error = state.error as Failure;
  const offline = navigator.onLine === false;
  const retry = html`<iop-button size="sm" variant="secondary" @click=${options.onRetry}
    >${t.retry}</iop-button
  >`;
  let line: TemplateResult | typeof nothing = nothing;
  switch (state.status) {
    case 'stale':
      line = html`<p part="status" class="freshness" role="status">
        ${error ? (offline ? t.offlineSaved(age) : t.unreachableSaved(age)) : t.savedAgo(age)}
        ${state.revalidating ? t.checking : nothing}
      </p>`;
      break;
    case 'offline':
      // No copy to show. Offline: it loads by itself when the browser is back online. Online but the server
      // did not answer: say so (not "you are offline") and offer to try again.
      line = offline
        ? html`<iop-alert part="status" variant="warning">${t.offline}</iop-alert>`
        : html`<iop-alert part="status" variant="warning">
            ${error?.code === 'timeout' ? t.slow : t.unreachable} ${retry}
          </iop-alert>`;
      break;
    case 'error': {
      const shown = state.value !== undefined;
      line = html`<iop-alert part="status" variant=${shown ? 'warning' : 'danger'}>
        ${failureMessage(error, t, options.forStatus)} ${shown && age ? t.savedAgo(age) : nothing} ${retry}
      </iop-alert>`;
      break;
    }
  }
  if (state.status === 'loading' || !isStorageUnavailable()) return line;
  return html`${line}
    <p part="device-note" class="freshness">${t.noCopy}</p>`;
}
