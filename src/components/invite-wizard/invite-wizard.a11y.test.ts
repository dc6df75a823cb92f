import { expect, fixture, html } from '@open-wc/testing';
import { forEachBackend } from '../../../test/support/backends.js';
import { PartnerKitError } from '../../adapter/errors.js';
import { setLocale } from '../../locales/index.js';
import type { InviteWizard } from './invite-wizard.component.js';
import {
  $,
  addRecipients,
  chooseImage,
  click,
  contactNamed,
  CONNECTED_CONTACT,
  darkTheme,
  heading,
  imageFile,
  input,
  paste,
  pickContact,
  ready,
  resetTheme,
  setup,
  typeRecipients,
  until,
  waitForHeading,
} from './invite-wizard.harness.test.js';

/** axe in the light theme and in the dark one. */
async function accessible(wizard: InviteWizard): Promise<void> {
  resetTheme();
  await expect(wizard).to.be.accessible();
  darkTheme();
  await wizard.updateComplete;
  await expect(wizard).to.be.accessible();
  resetTheme();
}

afterEach(() => {
  resetTheme();
  setLocale(undefined);
  document.documentElement.lang = 'en';
});

forEachBackend('<invite-wizard> accessibility', (kind) => {
  it('loading, session error and not-permitted states', async () => {
    const slow = await setup(kind, { memory: { latency: 3000 }, wait: false });
    expect($(slow.wizard, '[role="status"]')!.textContent).to.contain('Loading');
    await accessible(slow.wizard);

    const failing = await setup(kind, { memory: { failureRate: 1 }, wait: false });
    await waitForHeading(failing.wizard, 'The invitation form could not be opened');
    await accessible(failing.wizard);

    const agent = await setup(kind, { prepare: (backend) => backend.memory.store.setSession({ role: 'agent' }), wait: false });
    await waitForHeading(agent.wizard, "You can't invite co-marketing partners");
    await accessible(agent.wizard);
  });

  it('Contact Selection: empty, with valid and invalid chips and an error, and with the listbox open', async () => {
    const { wizard } = await setup(kind);
    await accessible(wizard);
    await paste(wizard, 'ann@example.com, Bob Smith <bob@example.com>, not-an-address');
    await click(wizard, 'Next');
    await until(() => $(wizard, '#recipient-error'), 'the error');
    await accessible(wizard);
    await typeRecipients(wizard, 'Siobhan');
    await until(() => input(wizard).getAttribute('aria-expanded') === 'true', 'the listbox is open');
    await accessible(wizard);
  });

  it('the pre-fill steps, with errors, an image and the review choice missing', async () => {
    const { wizard } = await setup(kind);
    await pickContact(wizard, 'Rosa Benn');
    await click(wizard, 'Next');
    await waitForHeading(wizard, /General info/);
    await accessible(wizard);
    await click(wizard, 'Next');
    await waitForHeading(wizard, /MLS info/);
    await accessible(wizard);
    await click(wizard, 'Next');
    await waitForHeading(wizard, /Images for/);
    await chooseImage(wizard, 'photo', await imageFile('image/png', 'me.png'));
    await chooseImage(wizard, 'logo', new File(['x'], 'logo.gif', { type: 'image/gif' }));
    await until(() => $(wizard, '#image-logo-error') && !$(wizard, '#image-photo-status'), 'an error and an upload');
    await accessible(wizard);
    await click(wizard, 'Next');
    await click(wizard, 'Confirm and Create Account');
    await until(() => $(wizard, '#send-error'), 'the missing choice');
    await accessible(wizard);
    $<HTMLInputElement>(wizard, '#send-yes')!.click();
    await click(wizard, 'Confirm and Create Account');
    await waitForHeading(wizard, /account was created/);
    await accessible(wizard);
  });

  it('a field error on General Info', async () => {
    const { wizard } = await setup(kind);
    await pickContact(wizard, 'Rosa Benn');
    await click(wizard, 'Next');
    await waitForHeading(wizard, /General info/);
    const zip = $<HTMLInputElement>(wizard, '#field-zip')!;
    zip.value = '!!';
    zip.dispatchEvent(new InputEvent('input'));
    await click(wizard, 'Next');
    await until(() => $(wizard, '#field-zip-error'), 'the field error');
    await accessible(wizard);
  });

  it('the link review, the invitation preview, already connected and the results', async () => {
    const { wizard, backend } = await setup(kind, {
      prepare: (backend) => {
        const memory = backend.memory as unknown as Record<string, (...args: unknown[]) => Promise<{ results: unknown[] }>>;
        const send = memory['createInvitations']!;
        memory['createInvitations'] = async (recipients, options) => {
          const list = recipients as { email: string }[];
          const batch = await send(list.slice(1), options);
          return {
            results: [
              { email: list[0]!.email, outcome: 'failed', partnerId: null, error: { code: 'rate_limited', message: 'Busy.' } },
              ...batch.results,
            ],
          };
        };
      },
    });
    await pickContact(wizard, 'Leilani Ad');
    await click(wizard, 'Next');
    await waitForHeading(wizard, /Let's connect/);
    await accessible(wizard);

    await click(wizard, 'Back');
    await addRecipients(wizard, 'ann@newpartner.example', contactNamed(backend, CONNECTED_CONTACT).email!);
    await click(wizard, 'Create Invitation');
    await waitForHeading(wizard, 'Preview the invitation');
    await until(() => $(wizard, '.email-frame'), 'the preview');
    await accessible(wizard);

    await click(wizard, 'Send 2 invitations');
    await waitForHeading(wizard, 'Invitation results');
    expect($(wizard, '.outcome-failed')).not.to.equal(null);
    await accessible(wizard);

    await click(wizard, 'Invite someone else');
    await pickContact(wizard, 'Omar Coh');
    await click(wizard, 'Next');
    await waitForHeading(wizard, 'You are already connected');
    await accessible(wizard);
  });

  it('a step error with a retry hint', async () => {
    const { wizard } = await setup(kind, {
      prepare: (backend) => {
        (backend.memory as unknown as { lookupRecipients: unknown }).lookupRecipients = async () => {
          throw new PartnerKitError('rate_limited', 'Slow down', { retryAfter: 3 });
        };
      },
    });
    await addRecipients(wizard, 'ann@newpartner.example');
    await click(wizard, 'Next');
    await until(() => $(wizard, '#step-error'), 'the error');
    expect($(wizard, '#step-error')!.textContent).to.contain('Try again in 3 seconds');
    await accessible(wizard);
  });

  it('is translated (Spanish) and accessible in Spanish', async () => {
    document.documentElement.lang = 'es';
    const { wizard } = await setup(kind, { wait: false });
    await until(() => heading(wizard) === '¿Con quién quieres hacer co-marketing?', 'the Spanish catalogue loaded');
    expect($(wizard, '.title')!.textContent).to.equal('Crear conexión de co-marketing');
    await accessible(wizard);
  });
});

describe('<invite-wizard> without an adapter', () => {
  it('says what is missing, accessibly', async () => {
    const wizard = await fixture<InviteWizard>(html`<invite-wizard></invite-wizard>`);
    await waitForHeading(wizard, 'The invitation form could not be opened');
    expect($(wizard, '.detail')!.textContent).to.contain('has no adapter');
    await accessible(wizard);
  });

  it('hides contact search when the adapter cannot search, and sends all recipients without lookups', async () => {
    const { createMemoryAdapter } = await import('../../adapter/memory/index.js');
    const memory = createMemoryAdapter({ seed: 1 });
    const adapter = {
      getSession: memory.getSession,
      createInvitations: memory.createInvitations,
    };
    sessionStorage.clear();
    const wizard = await fixture<InviteWizard>(html`<invite-wizard .adapter=${adapter}></invite-wizard>`);
    await ready(wizard);
    expect(input(wizard).hasAttribute('role')).to.equal(false);
    expect($(wizard, '#recipient-hint')!.textContent).not.to.contain('search');
    await addRecipients(wizard, 'ann@newpartner.example');
    await click(wizard, 'Next');
    await waitForHeading(wizard, 'Preview the invitation');
    expect($(wizard, '.email-preview')).to.equal(null);
    await click(wizard, 'Send invitation');
    await waitForHeading(wizard, 'Invitation results');
    await accessible(wizard);
  });
});
