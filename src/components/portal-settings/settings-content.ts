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
import { DataController } from '../../internal/data-controller.js';
import { withModule, type LazyModule } from '../../internal/lazy-module.js';
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

/** What a settings screen offers its element. */
export interface SettingsScreen<Loaded> {
  /** Whether there are edits that are not saved yet. */
  readonly hasUnsavedChanges: boolean;
  /** Starts over from what loaded. */
  take(loaded: Loaded): void;
  render(loaded: Loaded): TemplateResult;
}

export interface SettingsContentOptions<Args extends readonly unknown[], Loaded, Module> {
  locale: LocaleController;
  /** The inputs of the load (adapter, organisation); a change loads again. */
  args: () => Args;
  /** Loads the settings; must pass `signal` on to the adapter. */
  load: (args: Args, context: { signal: AbortSignal }) => Promise<Loaded>;
  /** The screen's code, loaded together with the settings. */
  code: LazyModule<Module>;
  /** The screen, once its code is in (once per element). */
  createScreen: (module: Module) => SettingsScreen<Loaded>;
}

/**
 * A settings element's whole content: the load of its settings together with
 * its screen's code, loading, the load error with "Try again", then the screen
 * with what loaded. After a retried load, focus moves to what it shows (the
 * element marks it `data-focus-after-load`).
 */
export class SettingsContent<Args extends readonly unknown[], Loaded, Module> implements ReactiveController {
  private readonly data: DataController<Args, Loaded>;
  private screen: SettingsScreen<Loaded> | undefined;
  /** The load the screen was last given. */
  private applied: Loaded | undefined;
  private focusAfterLoad = false;

  constructor(
    private readonly host: ContentHost,
    private readonly options: SettingsContentOptions<Args, Loaded, Module>,
  ) {
    this.data = new DataController(host, {
      args: options.args,
      load: async (args, context) => {
        const [module, loaded] = await withModule(options.code, options.load(args, context), 'The settings screen');
        this.screen ??= options.createScreen(module);
        return loaded;
      },
    });
    host.addController(this);
  }

  get hasUnsavedChanges(): boolean {
    return this.screen?.hasUnsavedChanges ?? false;
  }

  hostUpdate(): void {
    const loaded = this.data.value;
    if (loaded === this.applied || this.screen === undefined) return;
    this.applied = loaded;
    if (loaded !== undefined) this.screen.take(loaded);
  }

  hostUpdated(): void {
    if (this.focusAfterLoad && !this.data.pending) {
      this.focusAfterLoad = false;
      this.host.renderRoot.querySelector<HTMLElement>('[data-focus-after-load]')?.focus();
    }
  }

  render(): TemplateResult {
    const { locale } = this.options;
    const loading = () => html`<p part="state" class="state loading" tabindex="-1" aria-busy="true">${locale.msg('settings.loading')}</p>`;
    return html`<div part="base" class="base" lang=${locale.lang}>
      ${this.data.render({
        initial: loading,
        pending: loading,
        // The screen is there whenever settings have loaded: both arrive together.
        complete: (loaded) => (this.screen as SettingsScreen<Loaded>).render(loaded),
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
