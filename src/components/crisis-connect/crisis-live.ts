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

type VideoPhase = 'idle' | 'asking' | 'starting' | 'ready' | 'failed' | 'unsafe';

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
    if (phase === 'asking') {
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

  private readonly onVideoClick = (): void => {
    if (this.host.includePartner) this.setVideo({ phase: 'asking' });
    else void this.start(false);
  };

  private async start(includePartner: boolean): Promise<void> {
    this.setVideo({ phase: 'starting' }, false);
    this.act('telehealth-start', includePartner ? 'with-partner' : 'alone');
    try {
      const session = await this.service.startTelehealth(includePartner);
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
