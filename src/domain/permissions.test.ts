import { expect } from '@open-wc/testing';
import {
  ACTIONS,
  ROLES,
  allowedActions,
  can,
  isRole,
  type Action,
  type OrgSwitches,
  type PermissionContext,
  type Role,
} from './permissions.js';

const ALL_ON: OrgSwitches = { profilePrefill: true, profileEditing: true, partnersAddDeals: true };
const ALL_OFF: OrgSwitches = { profilePrefill: false, profileEditing: false, partnersAddDeals: false };
const EDITABLE = { allowsProfileUpdates: true, status: 'profile-created-sent' };

const sorted = (actions: Iterable<Action>): Action[] => [...actions].sort();

describe('allowedActions: role matrix', () => {
  const cases: Array<{ name: string; ctx: PermissionContext; expected: Action[] }> = [
    {
      name: 'lender, every switch on, editable pending partner',
      ctx: { role: 'lender', org: ALL_ON, partner: EDITABLE },
      expected: ['invite', 'prefill', 'edit', 'delete', 'copy-link', 'private-email', 'send-email', 'view-detail', 'view-shared-clients'],
    },
    {
      name: 'lender, every switch off, accepted partner who refuses updates',
      ctx: { role: 'lender', org: ALL_OFF, partner: { allowsProfileUpdates: false, status: 'active' } },
      expected: ['invite', 'delete', 'send-email', 'view-detail', 'view-shared-clients'],
    },
    {
      name: 'lender, no partner in question (page toolbar)',
      ctx: { role: 'lender', org: ALL_ON },
      expected: ['invite', 'prefill', 'view-detail', 'view-shared-clients'],
    },
    {
      name: 'agent, every switch on, editable pending partner',
      ctx: { role: 'agent', org: ALL_ON, partner: EDITABLE },
      expected: ['delete', 'view-detail', 'view-shared-clients'],
    },
    {
      name: 'broker, every switch on',
      ctx: { role: 'broker', org: ALL_ON, partner: EDITABLE },
      expected: ['add-deal', 'move-deal', 'view-deal', 'add-note', 'upload-document'],
    },
    {
      name: 'broker, every switch off',
      ctx: { role: 'broker', org: ALL_OFF },
      expected: ['add-deal', 'move-deal', 'view-deal', 'add-note', 'upload-document'],
    },
    {
      name: 'admin, every switch off',
      ctx: { role: 'admin', org: ALL_OFF },
      expected: ['add-deal', 'move-deal', 'view-deal', 'add-note', 'upload-document', 'manage-portal-settings'],
    },
    {
      name: 'partner, partners may add deals, allocated',
      ctx: { role: 'partner', org: ALL_ON, allocatedToBroker: true },
      expected: ['add-deal', 'view-deal', 'add-note', 'upload-document', 'edit-own-settings'],
    },
    {
      name: 'partner, partners may not add deals',
      ctx: { role: 'partner', org: ALL_OFF, allocatedToBroker: true },
      expected: ['view-deal', 'add-note', 'upload-document', 'edit-own-settings'],
    },
  ];
  for (const c of cases) it(c.name, () => expect(sorted(allowedActions(c.ctx))).to.deep.equal(sorted(c.expected)));
});

interface Case {
  name: string;
  action: Action;
  ctx: PermissionContext;
  expected: boolean;
}

const partnerWith = (status: string, allowsProfileUpdates = true) => ({ allowsProfileUpdates, status });

describe('can: one row per rule condition', () => {
  const cases: Case[] = [
    // invite — lender only (seed 000: agents cannot invite)
    { name: 'lender may invite', action: 'invite', ctx: { role: 'lender', org: ALL_OFF }, expected: true },
    { name: 'agent may not invite', action: 'invite', ctx: { role: 'agent', org: ALL_ON }, expected: false },
    { name: 'broker may not invite', action: 'invite', ctx: { role: 'broker', org: ALL_ON }, expected: false },
    { name: 'partner may not invite', action: 'invite', ctx: { role: 'partner', org: ALL_ON }, expected: false },

    // prefill — lender and the org opted in
    { name: 'lender, pre-fill on', action: 'prefill', ctx: { role: 'lender', org: { ...ALL_OFF, profilePrefill: true } }, expected: true },
    { name: 'lender, pre-fill off', action: 'prefill', ctx: { role: 'lender', org: { ...ALL_ON, profilePrefill: false } }, expected: false },
    { name: 'agent, pre-fill on', action: 'prefill', ctx: { role: 'agent', org: ALL_ON }, expected: false },

    // edit — lender, org editing on, partner allows updates, partner has an account
    { name: 'edit: all conditions met (profile created)', action: 'edit', ctx: { role: 'lender', org: ALL_ON, partner: partnerWith('profile-created') }, expected: true },
    { name: 'edit: legacy Active partner', action: 'edit', ctx: { role: 'lender', org: ALL_ON, partner: partnerWith('active') }, expected: true },
    { name: 'edit: email not sent yet still has an account', action: 'edit', ctx: { role: 'lender', org: ALL_ON, partner: partnerWith('profile-created-not-sent') }, expected: true },
    { name: 'edit: status given as a label', action: 'edit', ctx: { role: 'lender', org: ALL_ON, partner: partnerWith('Active - Profile Created - Email Opened') }, expected: true },
    { name: 'edit: only editing switch on is enough', action: 'edit', ctx: { role: 'lender', org: { ...ALL_OFF, profileEditing: true }, partner: partnerWith('active') }, expected: true },
    { name: 'edit: org editing off', action: 'edit', ctx: { role: 'lender', org: { ...ALL_ON, profileEditing: false }, partner: partnerWith('active') }, expected: false },
    { name: 'edit: partner does not allow updates', action: 'edit', ctx: { role: 'lender', org: ALL_ON, partner: partnerWith('active', false) }, expected: false },
    { name: 'edit: legacy pending (no account yet)', action: 'edit', ctx: { role: 'lender', org: ALL_ON, partner: partnerWith('pending-link-clicked') }, expected: false },
    { name: 'edit: legacy pending, not delivered', action: 'edit', ctx: { role: 'lender', org: ALL_ON, partner: partnerWith('Pending - Email Not Delivered') }, expected: false },
    { name: 'edit: unknown status', action: 'edit', ctx: { role: 'lender', org: ALL_ON, partner: partnerWith('declined') }, expected: false },
    { name: 'edit: no partner', action: 'edit', ctx: { role: 'lender', org: ALL_ON }, expected: false },
    { name: 'edit: agent even when everything allows it', action: 'edit', ctx: { role: 'agent', org: ALL_ON, partner: partnerWith('active') }, expected: false },
    { name: 'edit: admin', action: 'edit', ctx: { role: 'admin', org: ALL_ON, partner: partnerWith('active') }, expected: false },

    // delete — lender or agent, with a partner
    { name: 'lender deletes a partner', action: 'delete', ctx: { role: 'lender', org: ALL_OFF, partner: partnerWith('active', false) }, expected: true },
    { name: 'agent deletes a connection', action: 'delete', ctx: { role: 'agent', org: ALL_OFF, partner: partnerWith('pending-opened', false) }, expected: true },
    { name: 'delete with an unknown status is still possible', action: 'delete', ctx: { role: 'lender', org: ALL_OFF, partner: partnerWith('???') }, expected: true },
    { name: 'delete without a partner', action: 'delete', ctx: { role: 'lender', org: ALL_ON }, expected: false },
    { name: 'broker may not delete a co-marketing partner', action: 'delete', ctx: { role: 'broker', org: ALL_ON, partner: partnerWith('active') }, expected: false },
    { name: 'portal partner may not delete', action: 'delete', ctx: { role: 'partner', org: ALL_ON, partner: partnerWith('active') }, expected: false },

    // copy-link — lender, invitation still pending
    { name: 'copy link: legacy pending', action: 'copy-link', ctx: { role: 'lender', org: ALL_OFF, partner: partnerWith('pending-delivered') }, expected: true },
    { name: 'copy link: profile created, email opened', action: 'copy-link', ctx: { role: 'lender', org: ALL_OFF, partner: partnerWith('profile-created-opened') }, expected: true },
    { name: 'copy link: profile created, email not sent', action: 'copy-link', ctx: { role: 'lender', org: ALL_OFF, partner: partnerWith('profile-created-not-sent') }, expected: true },
    { name: 'copy link: accepted (Active)', action: 'copy-link', ctx: { role: 'lender', org: ALL_ON, partner: partnerWith('active') }, expected: false },
    { name: 'copy link: accepted (Profile Created)', action: 'copy-link', ctx: { role: 'lender', org: ALL_ON, partner: partnerWith('profile-created') }, expected: false },
    { name: 'copy link: unknown status', action: 'copy-link', ctx: { role: 'lender', org: ALL_ON, partner: partnerWith('pending') }, expected: false },
    { name: 'copy link: no partner', action: 'copy-link', ctx: { role: 'lender', org: ALL_ON }, expected: false },
    { name: 'copy link: agent', action: 'copy-link', ctx: { role: 'agent', org: ALL_ON, partner: partnerWith('pending-delivered') }, expected: false },

    // private-email — same rule as copy-link
    { name: 'private email: legacy pending', action: 'private-email', ctx: { role: 'lender', org: ALL_OFF, partner: partnerWith('pending-not-delivered') }, expected: true },
    { name: 'private email: profile created, link clicked', action: 'private-email', ctx: { role: 'lender', org: ALL_OFF, partner: partnerWith('profile-created-link-clicked') }, expected: true },
    { name: 'private email: accepted', action: 'private-email', ctx: { role: 'lender', org: ALL_ON, partner: partnerWith('active') }, expected: false },
    { name: 'private email: unknown status', action: 'private-email', ctx: { role: 'lender', org: ALL_ON, partner: partnerWith('') }, expected: false },
    { name: 'private email: agent', action: 'private-email', ctx: { role: 'agent', org: ALL_ON, partner: partnerWith('pending-opened') }, expected: false },

    // send-email — lender, any known status (re-send at any time, seed 001)
    { name: 'send email: accepted partner', action: 'send-email', ctx: { role: 'lender', org: ALL_OFF, partner: partnerWith('active') }, expected: true },
    { name: 'send email: profile created', action: 'send-email', ctx: { role: 'lender', org: ALL_OFF, partner: partnerWith('profile-created') }, expected: true },
    { name: 'send email: email not sent', action: 'send-email', ctx: { role: 'lender', org: ALL_OFF, partner: partnerWith('profile-created-not-sent') }, expected: true },
    { name: 'send email: legacy pending', action: 'send-email', ctx: { role: 'lender', org: ALL_OFF, partner: partnerWith('pending-opened') }, expected: true },
    { name: 'send email: unknown status', action: 'send-email', ctx: { role: 'lender', org: ALL_ON, partner: partnerWith('archived') }, expected: false },
    { name: 'send email: no partner', action: 'send-email', ctx: { role: 'lender', org: ALL_ON }, expected: false },
    { name: 'send email: agent', action: 'send-email', ctx: { role: 'agent', org: ALL_ON, partner: partnerWith('active') }, expected: false },

    // view-detail — lender or agent
    { name: 'lender views partner detail', action: 'view-detail', ctx: { role: 'lender', org: ALL_OFF }, expected: true },
    { name: 'agent views partner detail', action: 'view-detail', ctx: { role: 'agent', org: ALL_OFF }, expected: true },
    { name: 'broker does not view co-marketing detail', action: 'view-detail', ctx: { role: 'broker', org: ALL_ON }, expected: false },
    { name: 'portal partner does not view co-marketing detail', action: 'view-detail', ctx: { role: 'partner', org: ALL_ON }, expected: false },

    // add-deal — partner when the org allows it and they are allocated; broker and admin always
    { name: 'partner adds a deal: switch on, allocated', action: 'add-deal', ctx: { role: 'partner', org: ALL_ON, allocatedToBroker: true }, expected: true },
    { name: 'partner adds a deal: switch on, allocation unknown', action: 'add-deal', ctx: { role: 'partner', org: ALL_ON }, expected: true },
    { name: 'partner adds a deal: switch on, NOT allocated', action: 'add-deal', ctx: { role: 'partner', org: ALL_ON, allocatedToBroker: false }, expected: false },
    { name: 'partner adds a deal: switch off', action: 'add-deal', ctx: { role: 'partner', org: ALL_OFF, allocatedToBroker: true }, expected: false },
    { name: 'broker adds a deal with the switch off', action: 'add-deal', ctx: { role: 'broker', org: ALL_OFF }, expected: true },
    { name: 'admin adds a deal with the switch off', action: 'add-deal', ctx: { role: 'admin', org: ALL_OFF, allocatedToBroker: false }, expected: true },
    { name: 'lender does not add portal deals', action: 'add-deal', ctx: { role: 'lender', org: ALL_ON }, expected: false },
    { name: 'agent does not add portal deals', action: 'add-deal', ctx: { role: 'agent', org: ALL_ON }, expected: false },

    // move-deal — broker and admin
    { name: 'broker moves a deal', action: 'move-deal', ctx: { role: 'broker', org: ALL_OFF }, expected: true },
    { name: 'admin moves a deal', action: 'move-deal', ctx: { role: 'admin', org: ALL_OFF }, expected: true },
    { name: 'partner does not move a deal', action: 'move-deal', ctx: { role: 'partner', org: ALL_ON }, expected: false },
    { name: 'lender does not move a deal', action: 'move-deal', ctx: { role: 'lender', org: ALL_ON }, expected: false },

    // view-deal, add-note, upload-document — partner, broker, admin
    { name: 'partner views a deal (even when it may not add one)', action: 'view-deal', ctx: { role: 'partner', org: ALL_OFF, allocatedToBroker: false }, expected: true },
    { name: 'broker views a deal', action: 'view-deal', ctx: { role: 'broker', org: ALL_OFF }, expected: true },
    { name: 'lender does not view portal deals', action: 'view-deal', ctx: { role: 'lender', org: ALL_ON }, expected: false },
    { name: 'partner adds a note', action: 'add-note', ctx: { role: 'partner', org: ALL_OFF }, expected: true },
    { name: 'admin adds a note', action: 'add-note', ctx: { role: 'admin', org: ALL_OFF }, expected: true },
    { name: 'agent does not add portal notes', action: 'add-note', ctx: { role: 'agent', org: ALL_ON }, expected: false },
    { name: 'partner uploads a document', action: 'upload-document', ctx: { role: 'partner', org: ALL_OFF }, expected: true },
    { name: 'broker uploads a document', action: 'upload-document', ctx: { role: 'broker', org: ALL_OFF }, expected: true },
    { name: 'lender does not upload portal documents', action: 'upload-document', ctx: { role: 'lender', org: ALL_ON }, expected: false },

    // manage-portal-settings — admin; edit-own-settings — partner
    { name: 'admin manages portal settings', action: 'manage-portal-settings', ctx: { role: 'admin', org: ALL_OFF }, expected: true },
    { name: 'broker does not manage portal settings', action: 'manage-portal-settings', ctx: { role: 'broker', org: ALL_ON }, expected: false },
    { name: 'partner does not manage portal settings', action: 'manage-portal-settings', ctx: { role: 'partner', org: ALL_ON }, expected: false },
    { name: 'partner edits own settings', action: 'edit-own-settings', ctx: { role: 'partner', org: ALL_OFF }, expected: true },
    { name: 'admin does not use partner settings', action: 'edit-own-settings', ctx: { role: 'admin', org: ALL_ON }, expected: false },

    // view-shared-clients — lender and agent (seed 002)
    { name: 'lender (mortgage agent) sees shared clients', action: 'view-shared-clients', ctx: { role: 'lender', org: ALL_OFF }, expected: true },
    { name: 'agent (realtor) sees shared clients', action: 'view-shared-clients', ctx: { role: 'agent', org: ALL_OFF }, expected: true },
    { name: 'broker does not see shared clients', action: 'view-shared-clients', ctx: { role: 'broker', org: ALL_ON }, expected: false },
    { name: 'partner does not see shared clients', action: 'view-shared-clients', ctx: { role: 'partner', org: ALL_ON }, expected: false },
  ];
  for (const c of cases) it(c.name, () => expect(can(c.action, c.ctx)).to.equal(c.expected));
});

describe('can: adapter capabilities', () => {
  const cases: Case[] = [
    { name: 'capability false removes invite', action: 'invite', ctx: { role: 'lender', org: ALL_ON, capabilities: { invite: false } }, expected: false },
    { name: 'capability true keeps invite', action: 'invite', ctx: { role: 'lender', org: ALL_ON, capabilities: { invite: true } }, expected: true },
    { name: 'capability absent keeps invite', action: 'invite', ctx: { role: 'lender', org: ALL_ON, capabilities: {} }, expected: true },
    { name: 'another action false leaves invite alone', action: 'invite', ctx: { role: 'lender', org: ALL_ON, capabilities: { delete: false } }, expected: true },
    { name: 'capability false removes delete', action: 'delete', ctx: { role: 'agent', org: ALL_ON, partner: partnerWith('active'), capabilities: { delete: false } }, expected: false },
    { name: 'capability false removes move-deal', action: 'move-deal', ctx: { role: 'broker', org: ALL_ON, capabilities: { 'move-deal': false } }, expected: false },
    { name: 'capability true never grants: agent cannot invite', action: 'invite', ctx: { role: 'agent', org: ALL_ON, capabilities: { invite: true } }, expected: false },
    { name: 'capability true never grants: edit with editing off', action: 'edit', ctx: { role: 'lender', org: ALL_OFF, partner: partnerWith('active'), capabilities: { edit: true } }, expected: false },
  ];
  for (const c of cases) it(c.name, () => expect(can(c.action, c.ctx)).to.equal(c.expected));

  it('allowedActions drops exactly the actions switched off', () =>
    expect(
      sorted(allowedActions({ role: 'lender', org: ALL_ON, partner: EDITABLE, capabilities: { 'copy-link': false, 'private-email': false } })),
    ).to.deep.equal(sorted(['invite', 'prefill', 'edit', 'delete', 'send-email', 'view-detail', 'view-shared-clients'])));
});

describe('malformed contexts allow nothing and never throw', () => {
  const cases: Array<{ name: string; ctx: unknown; expected: Action[] }> = [
    { name: 'null context', ctx: null, expected: [] },
    { name: 'undefined context', ctx: undefined, expected: [] },
    { name: 'unknown role', ctx: { role: 'guest', org: ALL_ON }, expected: [] },
    { name: 'role in the wrong case', ctx: { role: 'Lender', org: ALL_ON }, expected: [] },
    { name: 'missing org: switches count as off', ctx: { role: 'lender', partner: EDITABLE }, expected: ['invite', 'delete', 'copy-link', 'private-email', 'send-email', 'view-detail', 'view-shared-clients'] },
    { name: 'truthy non-boolean switch counts as off', ctx: { role: 'lender', org: { profilePrefill: 'yes', profileEditing: 1, partnersAddDeals: true } }, expected: ['invite', 'view-detail', 'view-shared-clients'] },
    { name: 'null partner', ctx: { role: 'agent', org: ALL_ON, partner: null }, expected: ['view-detail', 'view-shared-clients'] },
    { name: 'partner with a non-string status', ctx: { role: 'lender', org: ALL_ON, partner: { allowsProfileUpdates: true, status: 7 } }, expected: ['invite', 'prefill', 'delete', 'view-detail', 'view-shared-clients'] },
  ];
  for (const c of cases)
    it(c.name, () => expect(sorted(allowedActions(c.ctx as PermissionContext))).to.deep.equal(sorted(c.expected)));

  it('can() on an unknown action is false', () =>
    expect(can('fly' as Action, { role: 'admin', org: ALL_ON })).to.equal(false));
  it('can() on an inherited property name is false', () =>
    expect(can('toString' as Action, { role: 'admin', org: ALL_ON })).to.equal(false));
});

describe('can() agrees with allowedActions() for every role × action', () => {
  const contexts: PermissionContext[] = ROLES.flatMap((role: Role) => [
    { role, org: ALL_ON, partner: EDITABLE, allocatedToBroker: true },
    { role, org: ALL_OFF, partner: partnerWith('active', false), allocatedToBroker: false },
  ]);
  const cases = contexts.flatMap((ctx) => ACTIONS.map((action) => ({ ctx, action })));
  for (const c of cases)
    it(`${c.ctx.role} / ${c.ctx.org === ALL_ON ? 'on' : 'off'} / ${c.action}`, () =>
      expect(can(c.action, c.ctx)).to.equal(allowedActions(c.ctx).has(c.action)));
});

describe('isRole', () => {
  const cases: Array<{ input: unknown; expected: boolean }> = [
    ...ROLES.map((role) => ({ input: role as unknown, expected: true })),
    { input: 'owner', expected: false },
    { input: 'ADMIN', expected: false },
    { input: null, expected: false },
  ];
  for (const c of cases) it(`${String(c.input)} → ${c.expected}`, () => expect(isRole(c.input)).to.equal(c.expected));
});
