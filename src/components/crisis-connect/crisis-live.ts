/**
 * The backend half of the crisis dialog: the on-call clinician, the emergency video session and the care-team
 * chat. It arrives with the client (one dynamic import), after the button is interactive and the built-in help
 * is on screen, so none of it counts toward the button's size budget. Until it arrives, the dialog says
 * "Finding who is on call…".
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { connectCrisis, type CrisisService } from '../../core/crisis.js';
import { SESSION_ENDED_EVENT } from '../../core/client.js';
import { safeExternalUrl } from '../../core/links.js';
import { addedHotlines } from '../../core/hotlines.js';
import { formatAge, formatTime } from '../../core/format.js';
import type { Catalog, Locale } from '../../core/locale.js';
import { ROLES } from '../../core/roles.js';
import type { CrisisResources, Hotline, Region } from '../../core/schemas.js';
import type { ReadState } from '../../core/storage/cache.js';
import type { SessionSettings } from '../../core/session.js';
import type { CrisisActionDetail } from './crisis-connect.js';
// The on-call, video and chat actions are iop-buttons; the button itself and the built-in help are plain elements.
import '../button/define.js';

type Action = CrisisActionDetail['action'];

/** What the crisis button lends the live part: its update cycle, its settings and its two helpers. */
export interface CrisisLiveHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly includePartner: boolean;
}

/** Fires `iop-crisis-action` and logs it. */
export type ActFn = (action: Action, target?: string) => void;
/** A `tel:` button, or the number as plain text when it cannot be dialled. */
export type PhoneLinkFn = (
  phone: string,
  label: string,
  action: Action,
  variant?: 'primary',
) => TemplateResult;

type VideoPhase = 'idle' | 'where' | 'asking' | 'starting' | 'ready' | 'failed' | 'unsafe';

/** Words for the backend sections (the always-shown ones live in crisis-connect.messages.ts). */
interface LiveMessages {
  unavailable: string;
  offline: string;
  signedOut: string;
  call: (name: string) => string;
  hasPlan: string;
  until: (time: string) => string;
  saved: (age: string) => string;
  video: string;
  start: string;
  starting: string;
  whereAsk: string;
  whereLabel: string;
  whereNote: string;
  shareLocation: string;
  locating: string;
  noLocation: string;
  near: (coordinates: string, metres: number) => string;
  startNow: string;
  skip: string;
  askPartner: string;
  withPartner: string;
  justMe: string;
  ready: string;
  join: string;
  failed: string;
  unsafe: string;
  noVideo: string;
  chat: string;
}

const liveMessages: Catalog<LiveMessages> = {
  en: {
    unavailable: 'We could not reach your care team just now. The lines below are always open.',
    offline: 'You seem to be offline. Phone calls still work.',
    signedOut: 'Sign in to see your on-call therapist.',
    call: (name) => `Call ${name}`,
    hasPlan: 'Has your safety plan',
    until: (time) => `On call until ${time}`,
    saved: (age) => `Saved ${age}`,
    video: 'Video',
    start: 'Start an emergency video session',
    starting: 'Starting your video session…',
    whereAsk: 'Where are you right now? Your clinician needs to know in case they must send help to you.',
    whereLabel: 'Address or place',
    whereNote: 'It is sent only with this video request and not kept on this device.',
    shareLocation: 'Use my location',
    locating: 'Finding your location…',
    noLocation: 'Your location could not be found. You can type it, or skip.',
    near: (coordinates, metres) => `Near ${coordinates} (within ${metres} m)`,
    startNow: 'Start the video session',
    skip: 'Skip',
    askPartner: 'Do you want your partner to join too?',
    withPartner: 'Yes, with my partner',
    justMe: 'Just me',
    ready: 'Your video session is ready.',
    join: 'Join the video session',
    failed: 'The video session did not start. Please call instead: the numbers on this page work now.',
    unsafe: 'We got a video link we cannot trust, so we did not open it. Please call instead.',
    noVideo: 'Video is not available right now. Please call instead.',
    chat: 'Chat with your care team',
  },
  es: {
    unavailable: 'No pudimos contactar a tu equipo ahora. Las líneas de abajo siempre están abiertas.',
    offline: 'Parece que no tienes conexión. Las llamadas siguen funcionando.',
    signedOut: 'Inicia sesión para ver a tu terapeuta de guardia.',
    call: (name) => `Llamar a ${name}`,
    hasPlan: 'Tiene tu plan de seguridad',
    until: (time) => `De guardia hasta las ${time}`,
    saved: (age) => `Guardado ${age}`,
    video: 'Video',
    start: 'Iniciar una sesión de video de emergencia',
    starting: 'Iniciando tu sesión de video…',
    whereAsk: '¿Dónde estás ahora? Tu clínico necesita saberlo por si tiene que enviarte ayuda.',
    whereLabel: 'Dirección o lugar',
    whereNote: 'Solo se envía con esta solicitud de video y no se guarda en este dispositivo.',
    shareLocation: 'Usar mi ubicación',
    locating: 'Buscando tu ubicación…',
    noLocation: 'No se pudo encontrar tu ubicación. Puedes escribirla u omitir este paso.',
    near: (coordinates, metres) => `Cerca de ${coordinates} (a menos de ${metres} m)`,
    startNow: 'Iniciar la sesión de video',
    skip: 'Omitir',
    askPartner: '¿Quieres que tu pareja también se una?',
    withPartner: 'Sí, con mi pareja',
    justMe: 'Solo yo',
    ready: 'Tu sesión de video está lista.',
    join: 'Entrar a la sesión de video',
    failed: 'La sesión de video no empezó. Por favor llama: los números de esta página funcionan ahora.',
    unsafe:
      'Recibimos un enlace de video en el que no podemos confiar, así que no lo abrimos. Por favor llama.',
    noVideo: 'El video no está disponible ahora. Por favor llama.',
    chat: 'Chatear con tu equipo de atención',
  },
};

/**
 * The crisis button's connection to the backend and the sections that depend on it. Holds the on-call data and
 * the video session's phase, and asks the host to re-render when either changes.
 */
export class CrisisLive {
  readonly service: CrisisService;
  private resources?: ReadState<CrisisResources>;
  private video: { phase: VideoPhase; joinUrl?: string } = { phase: 'idle' };
  /** Where the person says they are: held in memory for the one request it goes with, then forgotten. */
  private where = '';
  /** The browser's location: being found, or not found. */
  private locating?: 'finding' | 'failed';
  private readonly unsubscribe?: () => void;

  constructor(
    private readonly host: CrisisLiveHost,
    settings: SessionSettings,
    private readonly act: ActFn,
    private readonly phoneLink: PhoneLinkFn,
  ) {
    this.service = connectCrisis(settings);
    this.unsubscribe = this.service.resources?.subscribe((next) => {
      this.resources = next;
      host.requestUpdate();
    });
    globalThis.addEventListener(SESSION_ENDED_EVENT, this.onSessionEnded);
  }

  /** A 401 anywhere on this client: the on-call part says signed out (service.state reads it). */
  private readonly onSessionEnded = (): void => this.host.requestUpdate();

  /** Stops following the on-call data. */
  stop(): void {
    this.unsubscribe?.();
    globalThis.removeEventListener(SESSION_ENDED_EVENT, this.onSessionEnded);
  }

  /** The dialog closed: a video session that is ready stays ready; anything else starts over. */
  closed(): void {
    if (this.video.phase !== 'ready') this.video = { phase: 'idle' };
    this.where = '';
    this.locating = undefined;
  }

  /** The lines the backend adds for the region (never one that changes or repeats a built-in line). */
  addedHotlines(region: Region): Hotline[] {
    return addedHotlines(region, this.resources?.value?.hotlines);
  }

  /** Whether the on-call section has anything to say (not without a backend). */
  get hasOnCall(): boolean {
    return this.service.state !== 'no-backend';
  }

  /** The on-call section's body; `loading` while the data is on its way. */
  onCall(locale: Locale, loading: TemplateResult): TemplateResult {
    const t = liveMessages[locale];
    if (this.service.state === 'signed-out') return html`<p class="muted">${t.signedOut}</p>`;
    if (this.service.state === 'unavailable') return html`<p>${t.unavailable}</p>`;
    const state = this.resources;
    const onCall = state?.value?.onCall;
    if (onCall) {
      const { name, role } = onCall.clinician;
      return html`
        <p><span class="who">${name}</span>, ${ROLES[locale][role] ?? role}</p>
        ${onCall.hasSafetyPlanAccess ? html`<p class="has-plan">${t.hasPlan}</p>` : nothing}
        <p class="muted">${t.until(formatTime(new Date(onCall.until), locale))}</p>
        ${
          state.fromCache && state.ageMs !== undefined
            ? html`<p class="muted">${t.saved(formatAge(state.ageMs, locale))}</p>`
            : nothing
        }
        ${this.phoneLink(onCall.phone, t.call(name), 'call-on-call', 'primary')}
      `;
    }
    if (!state || state.status === 'loading') return loading;
    return html`<p>${state.status === 'offline' ? t.offline : t.unavailable}</p>`;
  }

  /** "Start an emergency video session" and what follows; nothing when signed out. */
  videoSection(locale: Locale): TemplateResult | typeof nothing {
    const t = liveMessages[locale];
    if (!this.service.signedIn) return nothing;
    if (this.resources?.value?.telehealth.available === false) {
      return html`<section class="video"><p>${t.noVideo}</p></section>`;
    }
    const { phase, joinUrl } = this.video;
    let body: TemplateResult;
    if (phase === 'where') {
      const { locating } = this;
      body = html`<p data-focus tabindex="-1" id="where-ask">${t.whereAsk}</p>
        <label class="where"
          >${t.whereLabel}
          <input
            type="text"
            maxlength="500"
            aria-describedby="where-ask where-note"
            .value=${this.where}
            @input=${(e: Event) => (this.where = (e.target as HTMLInputElement).value)}
            @keydown=${this.onWhereKey}
        /></label>
        <p class="muted" id="where-note">${t.whereNote}</p>
        ${
          'geolocation' in navigator
            ? html`<iop-button
                variant="secondary"
                ?loading=${locating === 'finding'}
                @click=${() => this.locate(locale)}
                >${locating === 'finding' ? t.locating : t.shareLocation}</iop-button
              >`
            : nothing
        }
        ${locating === 'failed' ? html`<p role="status">${t.noLocation}</p>` : nothing}
        <div class="actions">
          <iop-button @click=${() => this.afterWhere()}>${t.startNow}</iop-button>
          <iop-button variant="secondary" @click=${() => this.afterWhere(true)}>${t.skip}</iop-button>
        </div>`;
    } else if (phase === 'asking') {
      body = html`<p data-focus tabindex="-1">${t.askPartner}</p>
        <div class="actions">
          <iop-button @click=${() => this.start(true)}>${t.withPartner}</iop-button>
          <iop-button variant="secondary" @click=${() => this.start(false)}>${t.justMe}</iop-button>
        </div>`;
    } else if (phase === 'starting') {
      body = html`<iop-button loading>${t.starting}</iop-button>`;
    } else if (phase === 'ready') {
      body = html`<p role="status">${t.ready}</p>
        <iop-button data-focus href=${joinUrl!} target="_blank" @click=${() => this.act('telehealth-join')}
          >${t.join}</iop-button
        >`;
    } else {
      const failed = phase === 'failed' || phase === 'unsafe';
      body = html`${
          failed
            ? html`<p role="alert" data-focus tabindex="-1">${phase === 'failed' ? t.failed : t.unsafe}</p>`
            : nothing
        }
        <iop-button variant=${failed ? 'secondary' : 'primary'} @click=${this.onVideoClick}
          >${t.start}</iop-button
        >`;
    }
    return html`<section class="video" aria-label=${t.video}>${body}</section>`;
  }

  /** The secure chat with the care team, when the backend offers a chat URL we may open. */
  chatSection(locale: Locale): TemplateResult | typeof nothing {
    const url = safeExternalUrl(this.resources?.value?.chat?.url, this.service.allowedOrigins);
    if (!url) return nothing;
    return html`<section class="chat">
      <iop-button variant="secondary" href=${url} target="_blank" @click=${() => this.act('chat-care-team')}
        >${liveMessages[locale].chat}</iop-button
      >
    </section>`;
  }

  /** First: where are you? (never blocking: "Skip" is always there, and the call options stay on screen). */
  private readonly onVideoClick = (): void => this.setVideo({ phase: 'where' });

  /**
   * Enter in the field goes on. Its default is prevented so that no keypress reaches the join link that may
   * have taken focus by then (it would open the session in a new tab).
   */
  private readonly onWhereKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.afterWhere();
  };

  /** Then the partner question, when the button offers it, or the session. */
  private afterWhere(skip = false): void {
    if (skip) this.where = '';
    this.locating = undefined;
    if (this.host.includePartner) this.setVideo({ phase: 'asking' });
    else void this.start(false);
  }

  /** Fills the field from the browser's location, only because the person tapped to share it. */
  private locate(locale: Locale): void {
    this.locating = 'finding';
    this.host.requestUpdate();
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        if (this.video.phase !== 'where') return;
        const at = `${coords.latitude.toFixed(5)}, ${coords.longitude.toFixed(5)}`;
        this.where = liveMessages[locale].near(at, Math.round(coords.accuracy));
        this.locating = undefined;
        this.host.requestUpdate();
      },
      () => {
        // An answer after the question was left (dialog closed, skipped) says nothing.
        if (this.video.phase !== 'where') return;
        this.locating = 'failed';
        this.host.requestUpdate();
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  private async start(includePartner: boolean): Promise<void> {
    const location = this.where.trim() || undefined;
    this.where = '';
    this.setVideo({ phase: 'starting' }, false);
    // The crisis event says a session started, never where the person is.
    this.act('telehealth-start', includePartner ? 'with-partner' : 'alone');
    try {
      const session = await this.service.startTelehealth(includePartner, location);
      const joinUrl = safeExternalUrl(session.joinUrl, this.service.allowedOrigins);
      this.setVideo(joinUrl ? { phase: 'ready', joinUrl } : { phase: 'unsafe' });
    } catch {
      this.setVideo({ phase: 'failed' });
    }
  }

  /** Shows the new phase and, when asked, moves focus to what it says (so a screen reader hears it). */
  private setVideo(video: CrisisLive['video'], focus = true): void {
    this.video = video;
    this.host.requestUpdate();
    if (focus) {
      void this.host.updateComplete.then(() =>
        this.host.renderRoot.querySelector<HTMLElement>('.video [data-focus]')?.focus(),
      );
    }
  }
}
