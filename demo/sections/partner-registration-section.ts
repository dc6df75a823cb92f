import { html } from 'lit';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapter/memory/index.js';
import { VERIFICATION_TTL_MS } from '../../src/adapter/memory/store.js';
import '../../src/components/partner-registration/partner-registration.js';
import type { PartnerRegistration } from '../../src/components/partner-registration/partner-registration.component.js';
import { INVITE_STATUSES, isPendingInvitation } from '../../src/domain/status.js';
import type { DemoSection } from './index.js';

const PENDING = INVITE_STATUSES.filter((status) => isPendingInvitation(status));
const LIVE_ID = 'registration-live';

/** The token of a pending invitation in `memory` other than `skip` (the demo's "invitation email"). */
function pendingToken(memory: MemoryAdapter, skip?: string): string | undefined {
  const { items } = memory.store.listPartners({ statuses: PENDING, limit: 50 });
  const tokens = items.map((partner) => memory.store.invitationToken(partner.id));
  return tokens.find((token) => token !== skip) ?? tokens[0];
}

function liveElement(): PartnerRegistration | null {
  return document.getElementById(LIVE_ID) as PartnerRegistration | null;
}

interface FixedStates {
  /** A store prepared once: its clock runs 31 minutes ahead, so the prepared link has expired. */
  adapter: MemoryAdapter;
  loading: MemoryAdapter;
  failing: MemoryAdapter;
  expired: { token: string; code: string };
  wrongCode: { token: string };
  profile: { token: string };
  accepted: { token: string };
  hostile: { token: string };
}

let fixed: FixedStates | undefined;

/** Every state that needs arranging, on a store of its own (the live demo's store is left alone). */
function fixedStates(): FixedStates {
  if (fixed) return fixed;
  const adapter = createMemoryAdapter({ seed: 11, latency: 200 });
  const { store } = adapter;
  const invite = (email: string, profile: Parameters<typeof store.createPrefilledAccount>[0]['profile'], key: string) => {
    const partner = store.createPrefilledAccount({ email, profile, sendEmail: true }, key);
    return store.invitationToken(partner.id);
  };

  const expiredToken = invite('sam.ortiz@example.com', { firstName: 'Sam', lastName: 'Ortiz' }, 'demo-expired');
  store.sendVerificationEmail(expiredToken, 'sam.ortiz@example.com', 'demo-expired-send');
  const expiredCode = store.peekVerificationCode(expiredToken) ?? '';

  // No email sent for this one: whatever code the page is given, the link is not one of ours.
  const wrongCodeToken = invite('lee.chen@example.com', { firstName: 'Lee' }, 'demo-wrong');

  const profileToken = invite(
    'dana.whitfield@example.com',
    {
      firstName: 'Dana',
      lastName: 'Whitfield',
      company: 'Harbor Realty',
      street: '12 Harbor Rd',
      city: 'Portland',
      state: 'ME',
      zip: '04101',
      jobTitle: 'Realtor',
      timeZone: 'America/New_York',
    },
    'demo-profile',
  );
  store.sendVerificationEmail(profileToken, 'dana.whitfield@example.com', 'demo-profile-send');
  store.verifyEmail(profileToken, store.peekVerificationCode(profileToken) ?? '');

  const acceptedPartner = store.listPartners({ statuses: ['active', 'profile-created'], limit: 1 }).items[0];
  const acceptedToken = acceptedPartner ? store.invitationToken(acceptedPartner.id) : 'no-accepted-partner';

  store.setSession({ viewer: { id: 'usr-demo-hostile', name: '<img src=x onerror=alert(1)> Mallory', email: 'mallory@example.com' } });
  const hostileToken = invite('target@example.com', { firstName: '"><script>alert(1)</script>' }, 'demo-hostile');
  store.setSession({ role: 'lender' });

  // Every link sent above is now older than 30 minutes.
  store.setClock(() => new Date(Date.now() + VERIFICATION_TTL_MS + 60_000));

  fixed = {
    adapter,
    loading: createMemoryAdapter({ store, latency: 24 * 60 * 60_000 }),
    failing: createMemoryAdapter({ store, failureRate: 1 }),
    expired: { token: expiredToken, code: expiredCode },
    wrongCode: { token: wrongCodeToken },
    profile: { token: profileToken },
    accepted: { token: acceptedToken },
    hostile: { token: hostileToken },
  };
  return fixed;
}

const footer = html`<span slot="footer"><a href="#partner-registration">About</a> · <a href="#partner-registration">Terms of Service</a> ·
  <a href="#partner-registration">Privacy Policy</a></span>`;

/** `<partner-registration>`: the live flow on the demo's backend, and every other state. */
export const partnerRegistrationSection: DemoSection = {
  id: 'partner-registration',
  title: 'Partner registration',
  render({ adapter, memory }) {
    const states = fixedStates();
    const liveToken = liveElement()?.token ?? pendingToken(memory);

    const openEmailedLink = () => {
      const element = liveElement();
      if (!element?.token) return;
      const code = memory.store.peekVerificationCode(element.token);
      element.code = code ?? 'no-email-sent-yet';
    };
    const startOver = () => {
      const element = liveElement();
      if (!element) return;
      element.code = undefined;
      element.token = pendingToken(memory, element.token);
    };

    return html`
      <p>
        The invited partner's side (seed 001). The live one below uses the demo's backend: send the email, then play the
        partner opening it with <em>Open the link from the email</em>. Its link expires 30 minutes after sending, as the
        product says; the fixed states further down show the expired link.
      </p>

      <h3>Live</h3>
      <div role="group" aria-label="The partner's inbox" class="demo-inbox">
        <button type="button" @click=${openEmailedLink}>Open the link from the email</button>
        <button type="button" @click=${startOver}>Start over with another invitation</button>
      </div>
      <partner-registration
        id=${LIVE_ID}
        .adapter=${adapter}
        token=${liveToken ?? ''}
        login-href="#partner-registration"
        resend-cooldown="10"
        @pk-registered=${(event: CustomEvent) => console.info('pk-registered', event.detail)}
        >${footer}</partner-registration
      >

      <h3>Loading</h3>
      <partner-registration .adapter=${states.loading} token=${states.profile.token}></partner-registration>

      <h3>Profile pre-filled by the inviter (email already verified)</h3>
      <partner-registration .adapter=${states.adapter} token=${states.profile.token} login-href="#partner-registration"></partner-registration>

      <h3>The emailed link expired</h3>
      <partner-registration .adapter=${states.adapter} token=${states.expired.token} code=${states.expired.code}></partner-registration>

      <h3>A link that does not work</h3>
      <partner-registration .adapter=${states.adapter} token=${states.wrongCode.token} code="123456"></partner-registration>

      <h3>Invitation already accepted</h3>
      <partner-registration .adapter=${states.adapter} token=${states.accepted.token} login-href="#partner-registration"></partner-registration>

      <h3>Unknown invitation link</h3>
      <partner-registration .adapter=${states.adapter} token="not-a-real-token"></partner-registration>

      <h3>The invitation cannot load (every request fails)</h3>
      <partner-registration .adapter=${states.failing} token=${states.profile.token}></partner-registration>

      <h3>Hostile data (shown as text; a <code>javascript:</code> login link is dropped)</h3>
      <partner-registration .adapter=${states.adapter} token=${states.hostile.token} login-href="javascript:alert(1)"></partner-registration>
    `;
  },
};
