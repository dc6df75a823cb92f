import { html, nothing, render } from 'lit';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapter/memory/index.js';
import type { Contact, RecipientLookup } from '../../src/adapter/schemas.js';
import type { PartnerKitAdapter } from '../../src/adapter/types.js';
import '../../src/components/invite-wizard/invite-wizard.js';
import type { InviteWizard } from '../../src/components/invite-wizard/invite-wizard.component.js';
import type { DemoSection } from './index.js';

const DIALOG_ID = 'invite-wizard-dialog';
const EVENT_LOG_ID = 'invite-wizard-events';

interface FixedStates {
  loading: MemoryAdapter;
  failing: MemoryAdapter;
  agent: MemoryAdapter;
  prefillOff: MemoryAdapter;
  hostilePreview: MemoryAdapter;
}

let fixed: FixedStates | undefined;

/** The states that need an adapter of their own (the live store is left alone); made once. */
function fixedStates(): FixedStates {
  if (fixed) return fixed;
  const hostilePreview = createMemoryAdapter({ seed: 21, latency: 150 });
  // An email preview that tries to run script: it shows, sandboxed, and nothing runs.
  const preview = hostilePreview.previewInvitation;
  hostilePreview.previewInvitation = async (recipients, options) => {
    const email = await preview(recipients, options);
    return {
      ...email,
      subject: `<b>${email.subject}</b>`,
      html: `${email.html ?? ''}<script>document.body.style.background = 'red'; alert('script ran')</script>` +
        '<img src="x" onerror="alert(\'onerror ran\')" alt="">',
    };
  };
  fixed = {
    // Answers after ~11 days: the loading state stays on screen.
    loading: createMemoryAdapter({ seed: 21, latency: 1e9 }),
    failing: createMemoryAdapter({ seed: 21, failureRate: 1 }),
    agent: createMemoryAdapter({ seed: 21, latency: 150, session: { role: 'agent' } }),
    prefillOff: createMemoryAdapter({
      seed: 21,
      latency: 150,
      session: { switches: { profilePrefill: false, profileEditing: false, partnersAddDeals: false } },
    }),
    hostilePreview,
  };
  return fixed;
}

/** A few contacts of the live store, one of each kind, for the "Invite to co-market" row action. */
function sampleContacts(memory: MemoryAdapter): { contact: Contact; kind: RecipientLookup['kind'] | 'no email' }[] {
  const contacts = memory.store.searchContacts('', 200);
  const withEmail = contacts.filter((contact) => contact.email);
  const kinds = new Map(memory.store.lookupRecipients(withEmail.map((contact) => contact.email!)).map((entry) => [entry.email, entry.kind]));
  const pick = (kind: RecipientLookup['kind']) =>
    withEmail.find((contact) => kinds.get(contact.email!.toLowerCase()) === kind && (kind !== 'new' || contact.profile.street));
  const rows: { contact: Contact; kind: RecipientLookup['kind'] | 'no email' }[] = [];
  for (const kind of ['new', 'existing-user', 'connected'] as const) {
    const contact = pick(kind);
    if (contact) rows.push({ contact, kind });
  }
  const noEmail = contacts.find((contact) => !contact.email);
  if (noEmail) rows.push({ contact: noEmail, kind: 'no email' });
  return rows;
}

function logEvent(event: Event): void {
  const log = document.getElementById(EVENT_LOG_ID);
  if (!log) return;
  const detail = (event as CustomEvent<unknown>).detail;
  const summary = JSON.stringify(detail, (key, value: unknown) => (key === 'profile' ? '…' : value));
  log.textContent = `${new Date().toLocaleTimeString()} ${event.type} ${summary.slice(0, 300)}\n${log.textContent ?? ''}`.slice(0, 4000);
}

/** Opens the wizard in a modal dialog, a new element each time (what a host's "Invite" button does). */
async function openDialog(adapter: PartnerKitAdapter, contact: Contact | null): Promise<void> {
  const dialog = document.getElementById(DIALOG_ID) as HTMLDialogElement | null;
  const body = dialog?.querySelector<HTMLElement>('.demo-dialog-body');
  if (!dialog || !body) return;
  render(nothing, body);
  render(
    html`<invite-wizard
      .adapter=${adapter}
      .contact=${contact}
      @pk-close-request=${(event: Event) => {
        logEvent(event);
        dialog.close();
      }}
      @pk-invited=${logEvent}
      @pk-connection-created=${logEvent}
      @pk-invitation-resent=${logEvent}
      @pk-before-submit=${logEvent}
    ></invite-wizard>`,
    body,
  );
  dialog.showModal();
  const wizard = body.querySelector<InviteWizard>('invite-wizard');
  await wizard?.updateComplete;
}

/** <invite-wizard> in every flow and state. */
export const inviteWizardSection: DemoSection = {
  id: 'invite-wizard',
  title: 'Invite wizard',
  render({ adapter, memory, state }) {
    const states = fixedStates();
    const contacts = sampleContacts(memory);
    return html`
      <p>
        Role <strong>${state.role}</strong>, profile pre-fill <strong>${state.profilePrefill ? 'on' : 'off'}</strong> (change
        them above). Type or paste addresses (<code>ann@example.com, Bob &lt;bob@example.com&gt;; not-an-address</code>),
        or search contacts by name (try ${contacts.map(({ contact }) => contact.firstName).join(', ')}). One new contact
        and Next: pre-fill and create the account; a user elsewhere: link accounts; a partner already: send the email
        again; several addresses: per-recipient results. Set the failure rate above to see errors and safe retries.
      </p>

      <h3>In a dialog, as a host opens it (“Invite New Connections”)</h3>
      <p>
        Close it half-way (Cancel) and open it again: what you typed is still there (a draft per viewer in
        <code>sessionStorage</code>, cleared on success).
      </p>
      <p>
        <button type="button" @click=${() => void openDialog(adapter, null)}>Invite New Connections</button>
      </p>

      <h3>From a contact list (“Invite to co-market”)</h3>
      <table class="demo-table">
        <thead>
          <tr><th scope="col">Contact</th><th scope="col">Email</th><th scope="col">Kind</th><th scope="col">Action</th></tr>
        </thead>
        <tbody>
          ${contacts.map(
            ({ contact, kind }) => html`<tr>
              <td>${contact.firstName} ${contact.lastName}</td>
              <td>${contact.email ?? '—'}</td>
              <td>${kind}</td>
              <td>
                <button
                  type="button"
                  aria-label="Invite to co-market: ${contact.firstName} ${contact.lastName}"
                  @click=${() => void openDialog(adapter, contact)}
                >
                  Invite to co-market
                </button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>

      <h4>Events the wizard sent</h4>
      <pre class="demo-log" id=${EVENT_LOG_ID} aria-label="Invite wizard events"></pre>

      <dialog id=${DIALOG_ID} class="demo-dialog" aria-label="Create Co-Marketing Connection">
        <form method="dialog" class="demo-dialog-close"><button type="submit">Close dialog</button></form>
        <div class="demo-dialog-body"></div>
      </dialog>

      <h3>Inline (live adapter, no draft kept)</h3>
      <invite-wizard no-draft .adapter=${adapter}></invite-wizard>

      <h3>States</h3>
      <div class="invite-wizard-states">
        <div><h4>Loading</h4><invite-wizard no-draft .adapter=${states.loading}></invite-wizard></div>
        <div><h4>Session failed (with retry)</h4><invite-wizard no-draft .adapter=${states.failing}></invite-wizard></div>
        <div><h4>Agent: not permitted</h4><invite-wizard no-draft .adapter=${states.agent}></invite-wizard></div>
        <div>
          <h4>Organisation without pre-fill: Next goes to the invitation</h4>
          <invite-wizard no-draft .adapter=${states.prefillOff}></invite-wizard>
        </div>
        <div>
          <h4>A hostile email preview: shown sandboxed, no script runs</h4>
          <invite-wizard no-draft .adapter=${states.hostilePreview}></invite-wizard>
        </div>
      </div>
    `;
  },
};
