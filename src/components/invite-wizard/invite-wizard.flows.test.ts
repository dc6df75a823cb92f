import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { forEachBackend } from '../../../test/support/backends.js';
import { expectTimeZoneList } from '../../../test/support/time-zones.js';
import { PartnerKitError } from '../../adapter/errors.js';
import type { Contact } from '../../adapter/schemas.js';
import { currentAnnouncement } from '../../internal/live-region.js';
import type {
  InviteWizard,
  InviteWizardCloseDetail,
  InviteWizardConnectionDetail,
  InviteWizardInvitedDetail,
  InviteWizardResentDetail,
  InviteWizardSubmission,
} from './invite-wizard.component.js';
import {
  $,
  $$,
  activeInWizard,
  addRecipients,
  button,
  chipTexts,
  click,
  CONNECTED_CONTACT,
  contactNamed,
  currentStep,
  EXISTING_USER_CONTACT,
  heading,
  input,
  loseFirstResponse,
  NEW_CONTACT,
  NO_EMAIL_CONTACT,
  partnersWithEmail,
  pickContact,
  ready,
  recordCalls,
  setup,
  stepperLabels,
  waitForHeading,
  until,
} from './invite-wizard.harness.test.js';
import { draftStorageKey } from './wizard-flow.js';

const field = (wizard: InviteWizard, key: string) => $<HTMLInputElement>(wizard, `#field-${key}`)!;

async function typeInto(wizard: InviteWizard, key: string, value: string): Promise<void> {
  const target = field(wizard, key);
  target.focus();
  target.select();
  await sendKeys({ type: value });
  await wizard.updateComplete;
}

async function chooseSend(wizard: InviteWizard, send: boolean): Promise<void> {
  $<HTMLInputElement>(wizard, send ? '#send-yes' : '#send-no')!.click();
  await wizard.updateComplete;
}

const DRAFT_KEY = draftStorageKey('org-harbor', 'usr-lender-jordan');

forEachBackend('<invite-wizard> flows', (kind) => {
  describe('Create Invitation', () => {
    it('previews the email, sends to every recipient not connected yet, and reports each one', async () => {
      const { wizard, backend } = await setup(kind);
      const connected = contactNamed(backend, CONNECTED_CONTACT);
      const before = backend.memory.store.partnerCount;
      await addRecipients(wizard, 'ann@newpartner.example', 'bob@newpartner.example', connected.email!);
      expect(stepperLabels(wizard), 'several recipients: the invitation path').to.deep.equal(['Contact Selection', 'Send Invitation']);
      await click(wizard, 'Create Invitation');
      await waitForHeading(wizard, 'Preview the invitation');
      expect(currentStep(wizard)).to.equal('Send Invitation');
      expect($$(wizard, '.recipient-list li').map((item) => item.textContent!.trim())).to.deep.equal([
        'ann@newpartner.example',
        'bob@newpartner.example',
      ]);
      expect($(wizard, '.connected-notice')!.textContent).to.contain(CONNECTED_CONTACT);
      await until(() => $(wizard, '.email-frame'), 'the email preview is shown');
      expect($(wizard, '.email-subject')!.textContent).to.contain('Jordan Ellis invited you to co-market together');

      const invited = oneEvent<CustomEvent<InviteWizardInvitedDetail>>(wizard, 'pk-invited');
      await click(wizard, 'Send 2 invitations');
      const event = await invited;
      await waitForHeading(wizard, 'Invitation results');
      expect(event.detail.results.map((result) => [result.email, result.outcome])).to.deep.equal([
        ['ann@newpartner.example', 'sent'],
        ['bob@newpartner.example', 'sent'],
      ]);
      const rows = $$(wizard, 'tbody tr').map((row) => [row.dataset.email, row.querySelector('.outcome')!.textContent!.trim()]);
      expect(rows).to.deep.equal([
        ['ann@newpartner.example', 'Invitation sent'],
        ['bob@newpartner.example', 'Invitation sent'],
        [connected.email, 'Already connected'],
      ]);
      expect(backend.memory.store.partnerCount).to.equal(before + 2);
      expect(partnersWithEmail(backend, 'ann@newpartner.example')).to.have.length(1);
      expect(partnersWithEmail(backend, 'ann@newpartner.example')[0]!.status).to.equal('pending-not-delivered');
      await until(() => currentAnnouncement() === 'Sent: 2. Already connected: 1. Failed: 0.', 'the results are announced');
      expect(button(wizard, /Retry the failed ones/)).to.equal(null);
      expect(sessionStorage.getItem(DRAFT_KEY), 'nothing left to retry: no draft').to.equal(null);
    });

    it('goes straight to the invitation with several recipients on Next (no pre-fill)', async () => {
      const { wizard } = await setup(kind);
      await addRecipients(wizard, 'ann@newpartner.example', 'bob@newpartner.example');
      await click(wizard, 'Next');
      await waitForHeading(wizard, 'Preview the invitation');
      expect(stepperLabels(wizard)).to.deep.equal(['Contact Selection', 'Send Invitation']);
    });

    it('goes to the invitation on Next when the organisation has pre-fill off', async () => {
      const { wizard } = await setup(kind, {
        prepare: (backend) => backend.memory.store.setSession({ switches: { profilePrefill: false, profileEditing: true, partnersAddDeals: true } }),
      });
      await pickContact(wizard, 'Siobhan And');
      expect(stepperLabels(wizard)).to.deep.equal(['Contact Selection', 'Send Invitation']);
      await click(wizard, 'Next');
      await waitForHeading(wizard, 'Preview the invitation');
      expect(button(wizard, 'Send invitation')).not.to.equal(null);
    });

    it('reports per-recipient failures and retries only the failed ones', async () => {
      let calls: unknown[][] = [];
      const { wizard, backend } = await setup(kind, {
        prepare: (backend) => {
          // The mail system refuses one address the first time only.
          const memory = backend.memory as unknown as Record<string, (...args: unknown[]) => Promise<{ results: unknown[] }>>;
          const send = memory['createInvitations']!;
          let first = true;
          memory['createInvitations'] = async (recipients, options) => {
            const list = recipients as { email: string }[];
            if (!first) return send(list, options);
            first = false;
            const batch = await send(list.filter((recipient) => recipient.email !== 'bob@newpartner.example'), options);
            return {
              results: list.map((recipient) =>
                recipient.email === 'bob@newpartner.example'
                  ? { email: recipient.email, outcome: 'failed', partnerId: null, error: { code: 'rate_limited', message: 'Mail server busy.' } }
                  : batch.results.find((result) => (result as { email: string }).email === recipient.email),
              ),
            };
          };
          calls = recordCalls(backend, 'createInvitations');
        },
      });
      await addRecipients(wizard, 'ann@newpartner.example', 'bob@newpartner.example', 'cat@newpartner.example');
      await click(wizard, 'Create Invitation');
      await waitForHeading(wizard, 'Preview the invitation');
      await click(wizard, 'Send 3 invitations');
      await waitForHeading(wizard, 'Invitation results');
      const bobRow = () => $(wizard, 'tr[data-email="bob@newpartner.example"]')!;
      expect(bobRow().querySelector('.outcome')!.textContent!.trim()).to.equal('Failed');
      expect(bobRow().querySelector('.reason')!.textContent).to.equal('Mail server busy.');
      expect(partnersWithEmail(backend, 'bob@newpartner.example')).to.have.length(0);
      expect(sessionStorage.getItem(DRAFT_KEY), 'a retry is left: the draft is kept').not.to.equal(null);

      const invited = oneEvent<CustomEvent<InviteWizardInvitedDetail>>(wizard, 'pk-invited');
      await click(wizard, 'Retry the failed ones (1)');
      expect((await invited).detail.results.map((result) => result.email)).to.deep.equal(['bob@newpartner.example']);
      await until(() => bobRow().querySelector('.outcome')!.textContent!.trim() === 'Invitation sent', 'the retried row is updated');
      expect(calls.map((call) => (call[0] as { email: string }[]).map((recipient) => recipient.email))).to.deep.equal([
        ['ann@newpartner.example', 'bob@newpartner.example', 'cat@newpartner.example'],
        ['bob@newpartner.example'],
      ]);
      for (const email of ['ann@newpartner.example', 'bob@newpartner.example', 'cat@newpartner.example']) {
        expect(partnersWithEmail(backend, email), email).to.have.length(1);
      }
      expect(button(wizard, /Retry the failed ones/)).to.equal(null);
      expect(heading(wizard)).to.equal('Invitation results');
      expect(activeInWizard(wizard)?.id).to.equal('step-heading');
    });

    it('does not offer to retry a failure that retrying cannot fix', async () => {
      const { wizard } = await setup(kind);
      await addRecipients(wizard, 'ann@newpartner.example', 'jordan.ellis@harborlending.example');
      await click(wizard, 'Create Invitation');
      await waitForHeading(wizard, 'Preview the invitation');
      await click(wizard, 'Send 2 invitations');
      await waitForHeading(wizard, 'Invitation results');
      expect($(wizard, 'tr[data-email="jordan.ellis@harborlending.example"] .reason')!.textContent).to.equal('You cannot invite yourself.');
      expect(button(wizard, /Retry the failed ones/)).to.equal(null);
      expect($(wizard, '.hint')!.textContent).to.contain('retrying cannot fix');
    });

    it('keeps everything after a failed send, and the retry creates each partner once', async () => {
      let lost: { keys: string[] } = { keys: [] };
      const { wizard, backend } = await setup(kind, { prepare: (backend) => (lost = loseFirstResponse(backend, 'createInvitations')) });
      await addRecipients(wizard, 'ann@newpartner.example', 'bob@newpartner.example');
      await click(wizard, 'Create Invitation');
      await waitForHeading(wizard, 'Preview the invitation');
      await click(wizard, 'Send 2 invitations');
      await until(() => $(wizard, '#step-error'), 'the failure is shown');
      expect($(wizard, '#step-error')!.textContent).to.contain('The server could not be reached');
      expect($(wizard, '#step-error')!.textContent).to.contain('cannot create anything twice');
      expect(heading(wizard)).to.equal('Preview the invitation');
      await click(wizard, 'Send 2 invitations');
      await waitForHeading(wizard, 'Invitation results');
      expect(lost.keys).to.have.length(2);
      expect(lost.keys[1], 'the retry reuses the key').to.equal(lost.keys[0]);
      expect(partnersWithEmail(backend, 'ann@newpartner.example')).to.have.length(1);
      expect(partnersWithEmail(backend, 'bob@newpartner.example')).to.have.length(1);
    });

    it('a pk-before-submit listener can stop the send: no adapter call', async () => {
      let calls: unknown[][] = [];
      const { wizard } = await setup(kind, { prepare: (backend) => (calls = recordCalls(backend, 'createInvitations')) });
      await addRecipients(wizard, 'ann@newpartner.example');
      await click(wizard, 'Create Invitation');
      await waitForHeading(wizard, 'Preview the invitation');
      const details: unknown[] = [];
      wizard.addEventListener('pk-before-submit', (event) => {
        details.push(event.detail);
        event.preventDefault();
      });
      await click(wizard, 'Send invitation');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(details).to.deep.equal([{ action: 'invite', recipients: [{ email: 'ann@newpartner.example' }] }]);
      expect(calls).to.have.length(0);
      expect(heading(wizard)).to.equal('Preview the invitation');
    });

    it('sends one request for a double click', async () => {
      let calls: unknown[][] = [];
      const { wizard } = await setup(kind, { prepare: (backend) => (calls = recordCalls(backend, 'createInvitations')) });
      await addRecipients(wizard, 'ann@newpartner.example');
      await click(wizard, 'Create Invitation');
      await waitForHeading(wizard, 'Preview the invitation');
      const send = button(wizard, 'Send invitation')!;
      send.click();
      send.click();
      await waitForHeading(wizard, 'Invitation results');
      expect(calls).to.have.length(1);
    });

    it('renders the email HTML only in a sandboxed frame where no script runs', async () => {
      const hostile =
        '<p>Hello</p><script>parent.postMessage("pk-script-ran", "*")</script>' +
        '<img src="x" onerror="parent.postMessage(\'pk-script-ran\', \'*\')">';
      const { wizard } = await setup(kind, {
        prepare: (backend) => {
          (backend.memory as unknown as { previewInvitation: unknown }).previewInvitation = async () => ({
            subject: '<b>Subject</b>',
            text: 'Hello',
            html: hostile,
          });
        },
      });
      const messages: unknown[] = [];
      const onMessage = (event: MessageEvent) => messages.push(event.data);
      window.addEventListener('message', onMessage);
      try {
        await addRecipients(wizard, 'ann@newpartner.example');
        await click(wizard, 'Create Invitation');
        await until(() => $(wizard, '.email-frame'), 'the preview frame');
        const frame = $<HTMLIFrameElement>(wizard, '.email-frame')!;
        expect(frame.getAttribute('sandbox')).to.equal('');
        expect(frame.srcdoc).to.contain(hostile);
        expect(frame.srcdoc).to.match(/^<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(messages).to.deep.equal([]);
        expect($(wizard, '.email-subject')!.textContent).to.contain('<b>Subject</b>');
        expect($(wizard, '.email-subject b')).to.equal(null);
      } finally {
        window.removeEventListener('message', onMessage);
      }
    });

    it('shows the plain text when the preview has no HTML', async () => {
      const { wizard } = await setup(kind, {
        prepare: (backend) => {
          (backend.memory as unknown as { previewInvitation: unknown }).previewInvitation = async () => ({
            subject: 'Hi',
            text: 'Line one\n<script>alert(1)</script>',
            html: null,
          });
        },
      });
      await addRecipients(wizard, 'ann@newpartner.example');
      await click(wizard, 'Create Invitation');
      await until(() => $(wizard, '.email-text'), 'the text preview');
      expect($(wizard, '.email-text')!.textContent).to.equal('Line one\n<script>alert(1)</script>');
      expect($(wizard, '.email-text script')).to.equal(null);
      expect($(wizard, 'iframe')).to.equal(null);
    });

    it('shows a preview failure with a retry', async () => {
      const { wizard } = await setup(kind, {
        prepare: (backend) => {
          const memory = backend.memory as unknown as { previewInvitation: (...args: unknown[]) => Promise<unknown> };
          const original = memory.previewInvitation;
          let first = true;
          memory.previewInvitation = async (...args) => {
            if (first) {
              first = false;
              throw new PartnerKitError('network', 'Preview service down.');
            }
            return original(...args);
          };
        },
      });
      await addRecipients(wizard, 'ann@newpartner.example');
      await click(wizard, 'Create Invitation');
      await until(() => $(wizard, '.alert'), 'the failure is shown');
      expect($(wizard, '.alert')!.textContent).to.contain('The preview could not be loaded.');
      await click(wizard, 'Try again');
      await until(() => $(wizard, '.email-frame'), 'the preview loads on retry');
      expect($(wizard, '.alert')).to.equal(null);
    });
  });

  describe('Next: pre-fill and create the account', () => {
    it('walks General Info → MLS Info → Images → Review and creates the account from the contact, leaving the contact unchanged', async () => {
      const { wizard, backend } = await setup(kind);
      const contact = contactNamed(backend, NEW_CONTACT);
      const contactBefore = structuredClone(contact);
      await pickContact(wizard, 'Siobhan And');
      expect(stepperLabels(wizard)).to.deep.equal(['Contact Selection', 'General Info', 'MLS Info', 'Images', 'Review and Confirm']);
      await click(wizard, 'Next');
      await waitForHeading(wizard, `General info for ${NEW_CONTACT}`);
      expect(currentStep(wizard)).to.equal('General Info');
      expect($(wizard, '.stepper [aria-current="step"]')!.tagName).to.equal('LI');
      expect($(wizard, '.stepper')!.tagName).to.equal('OL');
      expect(activeInWizard(wizard)?.id, 'focus moves to the step heading').to.equal('step-heading');

      // Pre-populated from the contact's profile.
      expect(field(wizard, 'firstName').value).to.equal(contact.profile.firstName);
      expect(field(wizard, 'company').value).to.equal(contact.profile.company);
      expect(field(wizard, 'street').value).to.equal(contact.profile.street);
      expect(field(wizard, 'zip').value).to.equal(contact.profile.zip);
      expectTimeZoneList($<HTMLSelectElement>(wizard, '#field-timeZone')!, contact.profile.timeZone ?? '');
      expect($$(wizard, '.field label').map((label) => label.textContent)).to.include.members([
        'First name',
        'Last name',
        'Company',
        'Street address',
        'Suite, unit, building, floor or other',
        'City',
        'State',
        'Zip',
        'Job title',
        'Office phone',
        'Mobile phone',
        'Time zone',
      ]);
      await typeInto(wizard, 'company', 'Anderson & Co Realty');
      // The kit's ZIP check: "Next" stays on the step, with the message at the field and focus in it.
      await typeInto(wizard, 'zip', 'no zip');
      await click(wizard, 'Next');
      await until(() => field(wizard, 'zip').getAttribute('aria-invalid') === 'true', 'the zip error');
      expect($(wizard, '#field-zip-error')!.textContent).to.equal('Enter a ZIP code such as 12345 or 12345-6789, or another country’s postal code.');
      expect(currentStep(wizard)).to.equal('General Info');
      await until(() => activeInWizard(wizard)?.id === 'field-zip', 'focus on the zip field');
      await until(() => currentAnnouncement('assertive') === 'Please correct the highlighted fields (1).', 'announced');
      await expect(wizard).to.be.accessible();
      await typeInto(wizard, 'zip', '92101');
      await click(wizard, 'Next');
      await waitForHeading(wizard, `MLS info for ${NEW_CONTACT}`);
      expect(activeInWizard(wizard)?.id).to.equal('step-heading');
      await typeInto(wizard, 'licenseNumber', 'CA-12345');
      await typeInto(wizard, 'mlsAgentId', 'SD-778');
      // Back keeps everything.
      await click(wizard, 'Back');
      await waitForHeading(wizard, `General info for ${NEW_CONTACT}`);
      expect(field(wizard, 'company').value).to.equal('Anderson & Co Realty');
      await click(wizard, 'Back');
      await waitForHeading(wizard, 'Who do you want to co-market with?');
      expect(chipTexts(wizard)).to.deep.equal([contact.email]);
      await click(wizard, 'Next');
      await waitForHeading(wizard, `General info for ${NEW_CONTACT}`);
      expect(field(wizard, 'company').value, 'the edits survive going back to the start').to.equal('Anderson & Co Realty');
      await click(wizard, 'Next');
      await waitForHeading(wizard, `MLS info for ${NEW_CONTACT}`);
      expect(field(wizard, 'licenseNumber').value).to.equal('CA-12345');
      await click(wizard, 'Next');
      await waitForHeading(wizard, `Images for ${NEW_CONTACT}`);
      await click(wizard, 'Next');
      await waitForHeading(wizard, `Let's create ${NEW_CONTACT}'s co-marketing account`);
      const summary = $$(wizard, '.summary-row').map((row) => `${row.querySelector('dt')!.textContent}: ${row.querySelector('dd')!.textContent}`);
      expect(summary).to.include.members([
        `Name: ${NEW_CONTACT}`,
        `Email address: ${contact.email}`,
        'Company: Anderson & Co Realty',
        'MLS agent ID: SD-778',
        'Real-estate state licence number: CA-12345',
      ]);

      const created = oneEvent<CustomEvent<InviteWizardConnectionDetail>>(wizard, 'pk-connection-created');
      await chooseSend(wizard, true);
      await click(wizard, 'Confirm and Create Account');
      const { detail } = await created;
      await waitForHeading(wizard, `${NEW_CONTACT}'s co-marketing account was created`);
      expect(detail.action).to.equal('create-account');
      const partners = partnersWithEmail(backend, contact.email!);
      expect(partners).to.have.length(1);
      const partner = partners[0]!;
      expect(detail.partner.id).to.equal(partner.id);
      expect(partner.status).to.equal('profile-created-sent');
      expect(partner.profile.company).to.equal('Anderson & Co Realty');
      expect(partner.profile.licenseNumber).to.equal('CA-12345');
      expect(partner.profile.mlsAgentId).to.equal('SD-778');
      expect(partner.profile.street).to.equal(contact.profile.street);
      expect(contactNamed(backend, NEW_CONTACT), 'the contact record is never changed').to.deep.equal(contactBefore);
      expect($(wizard, 'status-badge')!.getAttribute('status')).to.equal('profile-created-sent');
      expect(sessionStorage.getItem(DRAFT_KEY), 'the draft is cleared on success').to.equal(null);
      expect(stepperLabels(wizard)).to.have.length(5);
      expect($(wizard, '.stepper [aria-current]')).to.equal(null);
    });

    it('pre-fills from the contact whose address was typed, without it being picked', async () => {
      const { wizard, backend } = await setup(kind);
      const contact = contactNamed(backend, NEW_CONTACT);
      await addRecipients(wizard, contact.email!.toUpperCase());
      await click(wizard, 'Next');
      await waitForHeading(wizard, `General info for ${NEW_CONTACT}`);
      expect(field(wizard, 'company').value).to.equal(contact.profile.company);
      for (let i = 0; i < 3; i++) await click(wizard, 'Next');
      const submitted = oneEvent<CustomEvent<InviteWizardSubmission>>(wizard, 'pk-before-submit');
      await chooseSend(wizard, true);
      await click(wizard, 'Confirm and Create Account');
      const { detail } = await submitted;
      expect(detail.action === 'create-account' && detail.input.contactId).to.equal(contact.id);
      await waitForHeading(wizard, /account was created/);
    });

    it('requires the send-email choice on Review and Confirm, tied to the question', async () => {
      let calls: unknown[][] = [];
      const { wizard, backend } = await setup(kind, { prepare: (backend) => (calls = recordCalls(backend, 'createPrefilledAccount')) });
      await pickContact(wizard, 'Siobhan And');
      await click(wizard, 'Next');
      await waitForHeading(wizard, /General info/);
      for (let i = 0; i < 3; i++) await click(wizard, 'Next');
      await waitForHeading(wizard, /Let's create/);
      const group = $(wizard, '[role="radiogroup"]')!;
      expect(group.getAttribute('aria-required')).to.equal('true');
      expect($$(wizard, '.radio').map((label) => label.textContent!.trim())).to.deep.equal([
        'Yes, send email',
        "No, don't send email; I'll reach out directly",
      ]);
      await click(wizard, 'Confirm and Create Account');
      expect(group.getAttribute('aria-invalid')).to.equal('true');
      expect(group.getAttribute('aria-describedby')).to.equal('send-error');
      expect($(wizard, '#send-error')!.textContent).to.equal('Choose whether to send an email.');
      await until(() => activeInWizard(wizard)?.id === 'send-yes', 'focus goes to the choice');
      expect(calls).to.have.length(0);
      await chooseSend(wizard, false);
      expect($(wizard, '#send-error')).to.equal(null);
      await click(wizard, 'Confirm and Create Account');
      await waitForHeading(wizard, /account was created/);
      const partner = partnersWithEmail(backend, contactNamed(backend, NEW_CONTACT).email!)[0]!;
      expect(partner.status).to.equal('profile-created-not-sent');
      expect($(wizard, '.step')!.textContent).to.contain('No email was sent');
    });

    it('shows the server’s field errors at their fields, on their step, and keeps everything typed', async () => {
      // The backend refuses a field the kit does not check itself, once.
      let refused = false;
      const { wizard, backend } = await setup(kind, {
        prepare: (backend) => {
          const memory = backend.memory as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
          const create = memory['createPrefilledAccount']!;
          memory['createPrefilledAccount'] = async (...args: unknown[]) => {
            if (refused) return create(...args);
            refused = true;
            throw new PartnerKitError('validation', 'Invalid profile.', { fieldErrors: { 'profile.jobTitle': 'Use a job title your company lists.' } });
          };
        },
      });
      await pickContact(wizard, 'Siobhan And');
      await click(wizard, 'Next');
      await waitForHeading(wizard, /General info/);
      await typeInto(wizard, 'officePhone', '415-555-0100');
      await typeInto(wizard, 'jobTitle', 'Broker associate');
      for (let i = 0; i < 3; i++) await click(wizard, 'Next');
      await waitForHeading(wizard, /Let's create/);
      await chooseSend(wizard, true);
      await click(wizard, 'Confirm and Create Account');
      await waitForHeading(wizard, /General info/, 'taken back to the step of the field in error');
      const title = field(wizard, 'jobTitle');
      expect(title.getAttribute('aria-invalid')).to.equal('true');
      expect(title.getAttribute('aria-describedby')).to.equal('field-jobTitle-error');
      expect($(wizard, '#field-jobTitle-error')!.textContent).to.equal('Use a job title your company lists.');
      await until(() => activeInWizard(wizard) === title, 'the field in error is focused');
      expect(title.value).to.equal('Broker associate');
      expect(field(wizard, 'officePhone').value).to.equal('415-555-0100');
      expect(partnersWithEmail(backend, contactNamed(backend, NEW_CONTACT).email!)).to.have.length(0);
      await typeInto(wizard, 'jobTitle', 'Associate broker');
      expect(title.getAttribute('aria-invalid')).to.equal('false');
      for (let i = 0; i < 3; i++) await click(wizard, 'Next');
      await waitForHeading(wizard, /Let's create/);
      expect(($(wizard, '#send-yes') as HTMLInputElement).checked, 'the choice is kept').to.equal(true);
      await click(wizard, 'Confirm and Create Account');
      await waitForHeading(wizard, /account was created/);
      const created = partnersWithEmail(backend, contactNamed(backend, NEW_CONTACT).email!)[0]!.profile;
      expect([created.jobTitle, created.officePhone]).to.deep.equal(['Associate broker', '415-555-0100']);
    });

    it('a retry after a lost response creates one account (same idempotency key)', async () => {
      let lost: { keys: string[] } = { keys: [] };
      const { wizard, backend } = await setup(kind, { prepare: (backend) => (lost = loseFirstResponse(backend, 'createPrefilledAccount')) });
      await pickContact(wizard, 'Siobhan And');
      await click(wizard, 'Next');
      await waitForHeading(wizard, /General info/);
      await typeInto(wizard, 'jobTitle', 'Team lead');
      for (let i = 0; i < 3; i++) await click(wizard, 'Next');
      await waitForHeading(wizard, /Let's create/);
      await chooseSend(wizard, true);
      await click(wizard, 'Confirm and Create Account');
      await until(() => $(wizard, '#step-error'), 'the failure is shown');
      expect(heading(wizard)).to.match(/Let's create/);
      expect(($(wizard, '#send-yes') as HTMLInputElement).checked).to.equal(true);
      await click(wizard, 'Back');
      await click(wizard, 'Back');
      await click(wizard, 'Back');
      await waitForHeading(wizard, /General info/);
      expect(field(wizard, 'jobTitle').value, 'nothing typed is lost').to.equal('Team lead');
      for (let i = 0; i < 3; i++) await click(wizard, 'Next');
      await click(wizard, 'Confirm and Create Account');
      await waitForHeading(wizard, /account was created/);
      expect(lost.keys).to.have.length(2);
      expect(lost.keys[1]).to.equal(lost.keys[0]);
      expect(partnersWithEmail(backend, contactNamed(backend, NEW_CONTACT).email!)).to.have.length(1);
    });

    it('a changed input after a failure gets a new key', async () => {
      let lost: { keys: string[] } = { keys: [] };
      const { wizard } = await setup(kind, { prepare: (backend) => (lost = loseFirstResponse(backend, 'createPrefilledAccount')) });
      await pickContact(wizard, 'Siobhan And');
      await click(wizard, 'Next');
      await waitForHeading(wizard, /General info/);
      for (let i = 0; i < 3; i++) await click(wizard, 'Next');
      await chooseSend(wizard, true);
      await click(wizard, 'Confirm and Create Account');
      await until(() => $(wizard, '#step-error'), 'the failure is shown');
      await chooseSend(wizard, false);
      await click(wizard, 'Confirm and Create Account');
      await until(() => lost.keys.length === 2, 'sent again');
      expect(lost.keys[1]).not.to.equal(lost.keys[0]);
    });

    it('a pk-before-submit listener can stop the account creation', async () => {
      let calls: unknown[][] = [];
      const { wizard, backend } = await setup(kind, { prepare: (backend) => (calls = recordCalls(backend, 'createPrefilledAccount')) });
      const contact = contactNamed(backend, NEW_CONTACT);
      await pickContact(wizard, 'Siobhan And');
      await click(wizard, 'Next');
      await waitForHeading(wizard, /General info/);
      for (let i = 0; i < 3; i++) await click(wizard, 'Next');
      await chooseSend(wizard, true);
      const submitted = oneEvent<CustomEvent<InviteWizardSubmission>>(wizard, 'pk-before-submit');
      wizard.addEventListener('pk-before-submit', (event) => event.preventDefault(), { once: true });
      await click(wizard, 'Confirm and Create Account');
      const event = await submitted;
      expect(event.cancelable).to.equal(true);
      expect(event.detail).to.deep.include({ action: 'create-account' });
      if (event.detail.action === 'create-account') {
        expect(event.detail.input.email).to.equal(contact.email);
        expect(event.detail.input.contactId).to.equal(contact.id);
        expect(event.detail.input.sendEmail).to.equal(true);
        expect(event.detail.input.profile.company).to.equal(contact.profile.company);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(calls).to.have.length(0);
      expect(heading(wizard)).to.match(/Let's create/);
    });

    it('keeps everything after a network failure, and the retry succeeds', async () => {
      const { wizard, backend } = await setup(kind);
      await pickContact(wizard, 'Siobhan And');
      await click(wizard, 'Next');
      await waitForHeading(wizard, /General info/);
      await typeInto(wizard, 'city', 'La Jolla');
      for (let i = 0; i < 3; i++) await click(wizard, 'Next');
      await chooseSend(wizard, true);
      backend.memory.setFailureRate(1);
      await click(wizard, 'Confirm and Create Account');
      await until(() => $(wizard, '#step-error'), 'the failure is shown');
      await until(() => currentAnnouncement('assertive').includes('could not be reached'), 'announced');
      backend.memory.setFailureRate(0);
      await click(wizard, 'Confirm and Create Account');
      await waitForHeading(wizard, /account was created/);
      expect(partnersWithEmail(backend, contactNamed(backend, NEW_CONTACT).email!)[0]!.profile.city).to.equal('La Jolla');
    });
  });

  describe('Next: link an existing user', () => {
    it('goes to Review and Confirm only, explains what accepting unlocks, and links the accounts', async () => {
      const { wizard, backend } = await setup(kind);
      const contact = contactNamed(backend, EXISTING_USER_CONTACT);
      await pickContact(wizard, 'Leilani Ad');
      await click(wizard, 'Next');
      await waitForHeading(wizard, `Let's connect with ${EXISTING_USER_CONTACT}`);
      expect(stepperLabels(wizard)).to.deep.equal(['Contact Selection', 'Review and Confirm']);
      expect(currentStep(wizard)).to.equal('Review and Confirm');
      expect($(wizard, '.intro')!.textContent).to.contain('cost-splitting on print jobs and access to their profile');
      expect($(wizard, '#field-firstName'), 'no profile fields').to.equal(null);
      expect($(wizard, '#send-question')!.textContent).to.contain(`Send email notification to ${EXISTING_USER_CONTACT} requesting to partner with you?`);
      await click(wizard, 'Confirm and Link Accounts');
      expect($(wizard, '#send-error')).not.to.equal(null);
      await chooseSend(wizard, false);
      const created = oneEvent<CustomEvent<InviteWizardConnectionDetail>>(wizard, 'pk-connection-created');
      await click(wizard, 'Confirm and Link Accounts');
      expect((await created).detail.action).to.equal('link-account');
      await waitForHeading(wizard, `Your account is now linked with ${EXISTING_USER_CONTACT}`);
      const partners = partnersWithEmail(backend, contact.email!);
      expect(partners).to.have.length(1);
      expect(partners[0]!.status).to.equal('profile-created-not-sent');
    });

    it('a retry after a lost response links once', async () => {
      let lost: { keys: string[] } = { keys: [] };
      const { wizard, backend } = await setup(kind, { prepare: (backend) => (lost = loseFirstResponse(backend, 'linkExistingUser')) });
      await pickContact(wizard, 'Leilani Ad');
      await click(wizard, 'Next');
      await waitForHeading(wizard, /Let's connect/);
      await chooseSend(wizard, true);
      await click(wizard, 'Confirm and Link Accounts');
      await until(() => $(wizard, '#step-error'), 'the failure is shown');
      await click(wizard, 'Confirm and Link Accounts');
      await waitForHeading(wizard, /now linked/);
      expect(lost.keys[1]).to.equal(lost.keys[0]);
      expect(partnersWithEmail(backend, contactNamed(backend, EXISTING_USER_CONTACT).email!)).to.have.length(1);
    });
  });

  describe('already connected', () => {
    it('says so and offers "Send email again" instead of a duplicate', async () => {
      const { wizard, backend } = await setup(kind);
      const contact = contactNamed(backend, CONNECTED_CONTACT);
      const before = backend.memory.store.partnerCount;
      const [partner] = partnersWithEmail(backend, contact.email!);
      await pickContact(wizard, 'Omar Coh');
      await click(wizard, 'Next');
      await waitForHeading(wizard, 'You are already connected');
      expect($(wizard, '.intro')!.textContent).to.contain(`${CONNECTED_CONTACT} is already one of your co-marketing partners`);
      const resend = button(wizard, 'Send email again')!;
      expect(resend.getAttribute('aria-label')).to.equal(`Send email again to ${CONNECTED_CONTACT}`);
      const resent = oneEvent<CustomEvent<InviteWizardResentDetail>>(wizard, 'pk-invitation-resent');
      resend.click();
      expect((await resent).detail.partner.id).to.equal(partner!.id);
      await until(() => $(wizard, '.resent'), 'shows it was sent');
      expect(button(wizard, 'Send email again')).to.equal(null);
      expect(backend.memory.store.partnerCount, 'no duplicate').to.equal(before);
      await until(() => currentAnnouncement() === `The invitation email was sent again to ${CONNECTED_CONTACT}.`, 'announced');
    });
  });

  describe('permissions and states', () => {
    it('shows an agent a clear "not permitted" state, not the form', async () => {
      const { wizard } = await setup(kind, { prepare: (backend) => backend.memory.store.setSession({ role: 'agent' }), wait: false });
      await waitForHeading(wizard, "You can't invite co-marketing partners");
      expect(input(wizard)).to.equal(null);
      expect($(wizard, 'form')).to.equal(null);
    });

    it('sends nothing for an agent opened from a contact', async () => {
      let lookups: unknown[][] = [];
      const { backend } = await setup(kind, {
        prepare: (backend) => {
          backend.memory.store.setSession({ role: 'agent' });
          lookups = recordCalls(backend, 'lookupRecipients');
        },
        wait: false,
      });
      const wizard = await fixture<InviteWizard>(
        html`<invite-wizard .adapter=${backend.adapter} .contact=${contactNamed(backend, NEW_CONTACT)}></invite-wizard>`,
      );
      await waitForHeading(wizard, "You can't invite co-marketing partners");
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(lookups).to.have.length(0);
    });

    it('shows the loading state, then a session failure with a retry', async () => {
      const { wizard, backend } = await setup(kind, { memory: { failureRate: 1 }, wait: false });
      await waitForHeading(wizard, 'The invitation form could not be opened');
      expect($(wizard, '.state')!.textContent).to.contain('The server could not be reached');
      backend.memory.setFailureRate(0);
      await click(wizard, 'Try again');
      await ready(wizard);
    });

    it('shows a lookup failure on Contact Selection and keeps the recipients', async () => {
      const { wizard, backend } = await setup(kind);
      await addRecipients(wizard, 'ann@newpartner.example');
      backend.memory.setFailureRate(1);
      await click(wizard, 'Next');
      await until(() => $(wizard, '#step-error'), 'the failure is shown');
      expect(heading(wizard)).to.equal('Who do you want to co-market with?');
      expect(chipTexts(wizard)).to.deep.equal(['ann@newpartner.example']);
      backend.memory.setFailureRate(0);
      await click(wizard, 'Next');
      await waitForHeading(wizard, /General info/);
    });
  });

  describe('starting from a contact', () => {
    const start = async (name: string) => {
      const { backend } = await setup(kind);
      const contact: Contact = contactNamed(backend, name);
      sessionStorage.clear();
      const wizard = await fixture<InviteWizard>(html`<invite-wizard .adapter=${backend.adapter} .contact=${contact}></invite-wizard>`);
      return { wizard, backend, contact };
    };

    it('opens at General Info for a new contact, pre-filled', async () => {
      const { wizard, contact } = await start(NEW_CONTACT);
      await waitForHeading(wizard, `General info for ${NEW_CONTACT}`);
      expect(field(wizard, 'company').value).to.equal(contact.profile.company);
      await click(wizard, 'Back');
      await waitForHeading(wizard, 'Who do you want to co-market with?');
      expect($$(wizard, '.chip-name').map((name) => name.textContent)).to.deep.equal([NEW_CONTACT]);
    });

    it('opens at Review and Confirm for a user elsewhere', async () => {
      const { wizard } = await start(EXISTING_USER_CONTACT);
      await waitForHeading(wizard, `Let's connect with ${EXISTING_USER_CONTACT}`);
    });

    it('opens at "already connected" for a partner', async () => {
      const { wizard } = await start(CONNECTED_CONTACT);
      await waitForHeading(wizard, 'You are already connected');
    });

    it('explains a contact without an email address', async () => {
      const { wizard } = await start(NO_EMAIL_CONTACT);
      await ready(wizard);
      expect($(wizard, '.notice-bar')!.textContent).to.contain(`${NO_EMAIL_CONTACT} has no email address in your contacts`);
      expect(chipTexts(wizard)).to.deep.equal([]);
    });

    it('does not take focus when opening by itself', async () => {
      const outside = document.createElement('button');
      document.body.append(outside);
      outside.focus();
      try {
        const { wizard } = await start(NEW_CONTACT);
        await waitForHeading(wizard, /General info/);
        expect(document.activeElement).to.equal(outside);
      } finally {
        outside.remove();
      }
    });
  });

  describe('the draft', () => {
    it('survives closing and reopening the wizard, per viewer, and is cleared on success', async () => {
      const { wizard, backend } = await setup(kind);
      await pickContact(wizard, 'Siobhan And');
      await click(wizard, 'Next');
      await waitForHeading(wizard, /General info/);
      await typeInto(wizard, 'jobTitle', 'Broker associate');
      const closed = oneEvent<CustomEvent<InviteWizardCloseDetail>>(wizard, 'pk-close-request');
      await click(wizard, 'Cancel');
      expect((await closed).detail.reason).to.equal('cancel');
      wizard.remove();
      expect(sessionStorage.getItem(DRAFT_KEY)).not.to.equal(null);

      const reopened = await fixture<InviteWizard>(html`<invite-wizard .adapter=${backend.adapter}></invite-wizard>`);
      await waitForHeading(reopened, /General info/);
      expect($(reopened, '.notice-bar')!.textContent).to.contain('We kept what you entered last time.');
      expect(field(reopened, 'jobTitle').value).to.equal('Broker associate');
      for (let i = 0; i < 3; i++) await click(reopened, 'Next');
      await chooseSend(reopened, true);
      await click(reopened, 'Confirm and Create Account');
      await waitForHeading(reopened, /account was created/);
      expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
    });

    it('"Start over" forgets the draft', async () => {
      const { wizard, backend } = await setup(kind);
      await addRecipients(wizard, 'ann@newpartner.example');
      wizard.remove();
      const reopened = await fixture<InviteWizard>(html`<invite-wizard .adapter=${backend.adapter}></invite-wizard>`);
      await ready(reopened);
      expect(chipTexts(reopened)).to.deep.equal(['ann@newpartner.example']);
      await click(reopened, 'Start over');
      expect(chipTexts(reopened)).to.deep.equal([]);
      expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
      expect(activeInWizard(reopened)?.id).to.equal('step-heading');
    });

    it('is not kept with no-draft', async () => {
      const { backend } = await setup(kind);
      const wizard = await fixture<InviteWizard>(html`<invite-wizard no-draft .adapter=${backend.adapter}></invite-wizard>`);
      await ready(wizard);
      await addRecipients(wizard, 'ann@newpartner.example');
      expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
    });
  });

  it('goes through the longest path by keyboard alone', async () => {
    const { wizard, backend } = await setup(kind);
    const contact = contactNamed(backend, NEW_CONTACT);
    const focusedText = () => activeInWizard(wizard)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    /** Presses Tab until the focused control says `text`. */
    const tabTo = async (text: string) => {
      for (let presses = 0; presses < 25 && focusedText() !== text; presses++) await sendKeys({ press: 'Tab' });
      expect(focusedText()).to.equal(text);
    };

    input(wizard).focus();
    await sendKeys({ type: 'Siobhan And' });
    await until(() => input(wizard).getAttribute('aria-expanded') === 'true', 'offered');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await tabTo('Next');
    await sendKeys({ press: 'Enter' });
    await waitForHeading(wizard, `General info for ${NEW_CONTACT}`);
    await until(() => activeInWizard(wizard)?.id === 'step-heading', 'focus on the heading');

    // General Info: Tab into the fields, change one, Enter goes on.
    await sendKeys({ press: 'Tab' });
    expect(activeInWizard(wizard)?.id).to.equal('field-firstName');
    for (let presses = 0; presses < 15 && activeInWizard(wizard)?.id !== 'field-jobTitle'; presses++) await sendKeys({ press: 'Tab' });
    expect(activeInWizard(wizard)?.id).to.equal('field-jobTitle');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' (senior)' });
    await sendKeys({ press: 'Enter' });
    await waitForHeading(wizard, `MLS info for ${NEW_CONTACT}`);
    expect(activeInWizard(wizard)?.id).to.equal('step-heading');
    await sendKeys({ press: 'Tab' });
    expect(activeInWizard(wizard)?.id).to.equal('field-licenseNumber');
    await sendKeys({ type: 'CA-777' });
    await sendKeys({ press: 'Enter' });
    await waitForHeading(wizard, `Images for ${NEW_CONTACT}`);
    await tabTo('Next');
    await sendKeys({ press: 'Enter' });
    await waitForHeading(wizard, `Let's create ${NEW_CONTACT}'s co-marketing account`);

    // Review: the radio group by keyboard, then confirm.
    await sendKeys({ press: 'Tab' });
    expect(activeInWizard(wizard)?.id).to.equal('send-yes');
    await sendKeys({ press: 'Space' });
    await tabTo('Confirm and Create Account');
    await sendKeys({ press: 'Enter' });
    await waitForHeading(wizard, `${NEW_CONTACT}'s co-marketing account was created`);
    expect(activeInWizard(wizard)?.id).to.equal('step-heading');
    const partner = partnersWithEmail(backend, contact.email!)[0]!;
    expect(partner.status).to.equal('profile-created-sent');
    expect(partner.profile.jobTitle).to.equal(`${contact.profile.jobTitle ?? ''} (senior)`.trim());
    expect(partner.profile.licenseNumber).to.equal('CA-777');
    await tabTo('Close');
    const closed = oneEvent<CustomEvent<InviteWizardCloseDetail>>(wizard, 'pk-close-request');
    await sendKeys({ press: 'Enter' });
    expect((await closed).detail.reason).to.equal('done');
  });

  it('focus() moves focus to the current step heading (for a host dialog)', async () => {
    const { wizard } = await setup(kind);
    wizard.focus();
    expect(activeInWizard(wizard)?.id).to.equal('step-heading');
    expect(document.activeElement).to.equal(wizard);
  });
});
