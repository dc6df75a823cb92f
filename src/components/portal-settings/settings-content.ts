/**
 * What `<portal-settings>` and `<partner-settings>` show before their screen:
 * loading, and a failed load with "Try again". This is all of them that loads
 * with the page; each screen (the forms, settings-shared.ts and most strings)
 * loads on first use together with the settings (`withModule`), so an app
 * that imports every element does not carry either form in its first load.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isPartnerKitError, type PartnerKitError } from '../../adapter/errors.js';
import type { AdapterMethod, PartnerKitAdapter, PartnerSettings, PortalSettings } from '../../adapter/types.js';
import type { DataController } from '../../internal/data-controller.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import { registerMessages } from '../../locales/index.js';
import { settingsStatesEn } from '../../locales/settings.en.js';

// The states' strings now, the screens' with them (settings-shared.ts), Spanish (all of them) when the page needs it.
registerMessages(settingsStatesEn, { es: () => import('../../locales/settings.es.js').then((module) => module.settingsEs) });

/** Detail of `pk-settings-saved`: what the backend stored, by which element. */
export type SettingsSavedDetail =
  | { kind: 'portal'; settings: PortalSettings }
  | { kind: 'partner'; settings: PartnerSettings };

declare module '../../internal/events.js' {
  interface PartnerKitEventMap {
    'pk-settings-saved': CustomEvent<SettingsSavedDetail>;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-settings-saved': CustomEvent<SettingsSavedDetail>;
  }
}

/** A localised sentence saying why an adapter call failed (the code decides, never the host's message). */
export function errorReason(error: PartnerKitError, locale: LocaleController): string {
  switch (error.code) {
    case 'network':
      return locale.msg('settings.error.network');
    case 'timeout':
      return locale.msg('settings.error.timeout');
    case 'unauthorized':
      return locale.msg('settings.error.unauthorized');
    case 'forbidden':
      return locale.msg('settings.error.forbidden');
    case 'not_found':
      return locale.msg('settings.error.not_found');
    case 'conflict':
      return locale.msg('settings.error.conflict');
    case 'rate_limited':
      return error.retryAfter === undefined
        ? locale.msg('settings.error.rate_limited')
        : locale.msg('settings.error.rate_limited-after', { seconds: Math.max(1, Math.ceil(error.retryAfter)) });
    case 'validation':
      return locale.msg('settings.error.validation');
    case 'contract':
      return locale.msg('settings.error.contract');
    case 'unknown':
      return locale.msg('settings.error.unknown');
  }
}

/** The element's adapter when it has a usable one (`adapterOrError()`'s result), else `undefined`. */
export function usableAdapter(adapterOrError: PartnerKitAdapter | PartnerKitError): PartnerKitAdapter | undefined {
  return isPartnerKitError(adapterOrError) ? undefined : adapterOrError;
}

type ContentHost = ReactiveControllerHost & { readonly renderRoot: ParentNode };

/**
 * The element's whole content: loading, the load error with "Try again", or
 * what loaded; after a retried load, focus moves to what it shows (the
 * element marks it `data-focus-after-load`).
 */
export class SettingsContent implements ReactiveController {
  private focusAfterLoad = false;

  constructor(
    private readonly host: ContentHost,
    private readonly locale: LocaleController,
    private readonly isLoading: () => boolean,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.focusAfterLoad && !this.isLoading()) {
      this.focusAfterLoad = false;
      this.host.renderRoot.querySelector<HTMLElement>('[data-focus-after-load]')?.focus();
    }
  }

  render<Loaded>(data: DataController<readonly unknown[], Loaded>, complete: (loaded: Loaded) => TemplateResult): TemplateResult {
    const { locale } = this;
    const loading = () => html`<p part="state" class="state loading" tabindex="-1" aria-busy="true">${locale.msg('settings.loading')}</p>`;
    return html`<div part="base" class="base" lang=${locale.lang}>
      ${data.render({
        initial: loading,
        pending: loading,
        complete,
        error: (error, retry) => html`
          <div part="state" class="state notice danger" tabindex="-1" data-focus-after-load>
            <p>${locale.msg('settings.load-failed')} ${errorReason(error, locale)}</p>
            <button
              part="retry-button"
              class="button"
              type="button"
              @click=${() => {
                this.focusAfterLoad = true;
                retry();
              }}
            >
              ${locale.msg('settings.retry')}
            </button>
          </div>
        `,
      })}
    </div>`;
  }
}

/** What a settings screen (loaded on first use) gets from its element. */
export interface SettingsScreenHost<Element extends ReactiveControllerHost & HTMLElement> {
  /** The element: its properties, render root and `emit`; the screen adds its controllers to it. */
  readonly element: Element;
  readonly locale: LocaleController;
  /** The element's adapter when it has a usable one. */
  adapter(): PartnerKitAdapter | undefined;
  /** Whether the adapter has `method` and the viewer may call it. */
  can(method: AdapterMethod): boolean;
}
