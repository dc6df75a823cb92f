/**
 * Writes to existing records: partner profiles, deals (create, move with an
 * expected version, notes), settings with an expected version, and unknown
 * ids.
 */
import type { Deal, PortalSettings, PartnerSettings, Stage } from '../schemas.js';
import type { AdapterMethod, NewDealClient, NewDealInput, PartnerSettingsInput, PortalSettingsInput } from '../types.js';
import { assert, assertEqual, expectErrorCode, show } from './assert.js';
import type { Check, CheckGroup } from './check.js';
import type { CheckContext } from './context.js';
import { collectDeals } from './paging.js';

let uniqueCounter = 0;
/** Text no other check or seed uses, so a record can be found again by it. */
function uniqueText(prefix: string): string {
  uniqueCounter += 1;
  return `${prefix} ${Date.now().toString(36)}-${uniqueCounter}`;
}

// ——— partner profile ———

export const profileChecks: CheckGroup = {
  id: 'profile',
  name: 'updatePartnerProfile',
  checks: [
    {
      name: 'saves a valid profile and returns the updated partner',
      requires: ['updatePartnerProfile'],
      async run(context) {
        const partner = await context.editablePartner();
        const city = uniqueText('Conformance City');
        const updated = await context.adapter.updatePartnerProfile!(partner.id, { ...partner.profile, city });
        const label = `updatePartnerProfile(${JSON.stringify(partner.id)}, {city: ${JSON.stringify(city)}})`;
        assertEqual(updated.id, partner.id, `${label}.id`);
        assertEqual(updated.profile.city, city, `${label}.profile.city`);
        if (context.can('getPartner')) {
          const detail = await context.adapter.getPartner!(partner.id);
          assertEqual(detail.partner.profile.city, city, `getPartner(${JSON.stringify(partner.id)}).partner.profile.city after ${label}`);
        }
      },
    },
    {
      name: "an invalid email is a 'validation' error with a fieldErrors entry for email",
      requires: ['updatePartnerProfile'],
      async run(context) {
        const partner = await context.editablePartner();
        const label = `updatePartnerProfile(${JSON.stringify(partner.id)}, {email: "not-an-email"})`;
        const error = await expectErrorCode(
          context.adapter.updatePartnerProfile!(partner.id, { ...partner.profile, email: 'not-an-email' }),
          'validation',
          label,
        );
        const field = Object.keys(error.fieldErrors).find((key) => key === 'email' || key === 'profile.email');
        assert(field, `${label}: fieldErrors has no entry for email: ${show(error.fieldErrors)}`);
        assert(error.fieldErrors[field]?.trim(), `${label}: fieldErrors.${field} is an empty message`);
        if (context.can('getPartner')) {
          const detail = await context.adapter.getPartner!(partner.id);
          assertEqual(
            detail.partner.profile.email ?? null,
            partner.profile.email ?? null,
            `getPartner(${JSON.stringify(partner.id)}).partner.profile.email after the refused update`,
          );
        }
      },
    },
  ],
};

// ——— deals ———

async function currentDeal(context: CheckContext): Promise<Deal> {
  const deal = await context.deal();
  return context.adapter.getDeal!(deal.id);
}

/** Stages of the deal's workflow other than its current one, open stages first. */
async function otherStages(context: CheckContext, deal: Deal): Promise<Stage[]> {
  const workflows = await context.adapter.listWorkflows!(deal.organisationId);
  const workflow = workflows.find((candidate) => candidate.id === deal.workflowId);
  assert(workflow, `listWorkflows(${JSON.stringify(deal.organisationId)}) has no workflow ${deal.workflowId} of deal ${deal.id}`);
  const others = workflow.stages.filter((stage) => stage.id !== deal.stageId);
  assert(others.length >= 2, `workflow ${workflow.id} needs at least three stages to check moves: pass fixtures.workflowId`);
  return [...others.filter((stage) => !stage.closed), ...others.filter((stage) => stage.closed)];
}

function newClient(n: number): NewDealClient {
  return { firstName: `Conformance${n}`, lastName: 'Client', phone: `+1 555 010 ${1000 + n}`, email: `pk-client-${n}@example.com` };
}

async function newDealInput(context: CheckContext, clients: NewDealClient[]): Promise<NewDealInput> {
  const { organisation } = await context.organisational();
  return {
    organisationId: organisation.id,
    brokerId: await context.brokerId(),
    labels: ['conformance'],
    summary: uniqueText('Conformance deal'),
    clients,
  };
}

const REQUIRED_CLIENT_FIELDS = ['firstName', 'lastName', 'phone', 'email'] as const;

export const dealChecks: CheckGroup = {
  id: 'deals',
  name: 'deals',
  checks: [
    {
      name: 'listDeals pages to the end; without includeClosed it returns no closed deal',
      requires: ['listDeals'],
      async run(context) {
        const { organisation, workflowId } = await context.organisational();
        const query = { organisationId: organisation.id, workflowId, limit: context.options.pageSize };
        const open = await collectDeals(context.adapter, { ...query, includeClosed: false });
        const closed = open.items.find((deal) => deal.closed);
        assert(!closed, `listDeals(includeClosed: false) returned closed deal ${closed?.id}`);
        const everything = await collectDeals(context.adapter, { ...query, includeClosed: true });
        const ids = new Set(everything.items.map((deal) => deal.id));
        const lost = open.items.filter((deal) => !ids.has(deal.id)).map((deal) => deal.id);
        assert(lost.length === 0, `listDeals(includeClosed: true) left out open deals ${lost.join(', ')}`);
      },
    },
    {
      name: 'createDeal creates a deal with its clients, once per idempotency key',
      requires: ['createDeal'],
      async run(context) {
        const input = await newDealInput(context, [newClient(1), newClient(2)]);
        const idempotencyKey = context.key();
        const deal = await context.adapter.createDeal!(input, { idempotencyKey });
        const label = `createDeal(${JSON.stringify(input.summary)})`;
        assertEqual(deal.organisationId, input.organisationId, `${label}.organisationId`);
        assertEqual(deal.clients.length, 2, `${label}: number of clients`);
        assertEqual(deal.clients[0]?.email, input.clients[0]?.email, `${label}: first client's email`);
        const again = await context.adapter.createDeal!(input, { idempotencyKey });
        assertEqual(again.id, deal.id, `${label} repeated with the same idempotency key: id`);
        if (context.can('listDeals')) {
          const { items } = await collectDeals(context.adapter, {
            organisationId: deal.organisationId,
            workflowId: deal.workflowId,
            includeClosed: true,
            limit: context.options.pageSize,
          });
          const copies = items.filter((item) => item.summary === input.summary).map((item) => item.id);
          assertEqual(copies.length, 1, `deals with summary ${JSON.stringify(input.summary)} (ids ${copies.join(', ')})`);
        }
      },
    },
    ...REQUIRED_CLIENT_FIELDS.map(
      (field): Check => ({
        name: `createDeal with a blank client ${field} is a 'validation' error naming ${field}`,
        requires: ['createDeal'],
        async run(context) {
          const input = await newDealInput(context, [{ ...newClient(3), [field]: '' }]);
          const label = `createDeal with clients[0].${field} = ""`;
          const error = await expectErrorCode(
            context.adapter.createDeal!(input, { idempotencyKey: context.key() }),
            'validation',
            label,
          );
          const named = Object.keys(error.fieldErrors).some((key) => key.toLowerCase().includes(field.toLowerCase()));
          assert(named, `${label}: no fieldErrors key names ${field}: ${show(error.fieldErrors)}`);
        },
      }),
    ),
    {
      name: 'moveDeal with the current version moves the deal and increases its version',
      requires: ['getDeal', 'listWorkflows', 'moveDeal'],
      async run(context) {
        const before = await currentDeal(context);
        const [target] = await otherStages(context, before);
        assert(target, 'no stage to move to');
        const label = `moveDeal(${JSON.stringify(before.id)}, ${JSON.stringify(target.id)}, ${before.version})`;
        const moved = await context.adapter.moveDeal!(before.id, target.id, before.version);
        assertEqual(moved.id, before.id, `${label}.id`);
        assertEqual(moved.stageId, target.id, `${label}.stageId`);
        assert(moved.version > before.version, `${label}: version ${moved.version} did not increase from ${before.version}`);
        const after = await context.adapter.getDeal!(before.id);
        assertEqual(after.stageId, target.id, `getDeal(${JSON.stringify(before.id)}).stageId after ${label}`);
        assertEqual(after.version, moved.version, `getDeal(${JSON.stringify(before.id)}).version after ${label}`);
      },
    },
    {
      name: "moveDeal with a stale expectedVersion is a 'conflict' and leaves the deal where it is",
      requires: ['getDeal', 'listWorkflows', 'moveDeal'],
      async run(context) {
        const before = await currentDeal(context);
        const [first, second] = await otherStages(context, before);
        assert(first && second, 'no stages to move to');
        const moved = await context.adapter.moveDeal!(before.id, first.id, before.version);
        await expectErrorCode(
          context.adapter.moveDeal!(before.id, second.id, before.version),
          'conflict',
          `moveDeal(${JSON.stringify(before.id)}, ${JSON.stringify(second.id)}) with stale expectedVersion ${before.version} (current ${moved.version})`,
        );
        const after = await context.adapter.getDeal!(before.id);
        assertEqual(after.stageId, first.id, `getDeal(${JSON.stringify(before.id)}).stageId after the refused move`);
        assertEqual(after.version, moved.version, `getDeal(${JSON.stringify(before.id)}).version after the refused move`);
      },
    },
    {
      name: 'addNote adds a note listNotes returns, once per idempotency key',
      requires: ['addNote', 'listNotes'],
      async run(context) {
        const deal = await context.deal();
        const body = uniqueText('Conformance note');
        const idempotencyKey = context.key();
        const label = `addNote(${JSON.stringify(deal.id)}, ${JSON.stringify(body)})`;
        const note = await context.adapter.addNote!(deal.id, body, { idempotencyKey });
        assertEqual(note.dealId, deal.id, `${label}.dealId`);
        assertEqual(note.body, body, `${label}.body`);
        const again = await context.adapter.addNote!(deal.id, body, { idempotencyKey });
        assertEqual(again.id, note.id, `${label} repeated with the same idempotency key: id`);
        const notes = await context.adapter.listNotes!(deal.id);
        const copies = notes.filter((item) => item.body === body);
        assertEqual(copies.length, 1, `listNotes(${JSON.stringify(deal.id)}): notes with the added body`);
        assertEqual(copies[0]?.id, note.id, `listNotes(${JSON.stringify(deal.id)}): the added note's id`);
      },
    },
  ],
};

// ——— settings ———

function portalInput(settings: PortalSettings): PortalSettingsInput {
  const { version: _version, organisationId: _organisationId, ...input } = settings;
  return input;
}

function partnerInput(settings: PartnerSettings): PartnerSettingsInput {
  return { name: settings.name, country: settings.country, phone: settings.phone, updates: settings.updates };
}

export const settingsChecks: CheckGroup = {
  id: 'settings',
  name: 'settings',
  checks: [
    {
      name: 'updatePortalSettings with the current version saves and increases the version',
      requires: ['getPortalSettings', 'updatePortalSettings'],
      async run(context) {
        const { organisation } = await context.organisational();
        const before = await context.adapter.getPortalSettings!(organisation.id);
        const wanted = { ...portalInput(before), partnerAddedEmail: !before.partnerAddedEmail };
        const label = `updatePortalSettings(${JSON.stringify(organisation.id)}, partnerAddedEmail: ${wanted.partnerAddedEmail}, ${before.version})`;
        const saved = await context.adapter.updatePortalSettings!(organisation.id, wanted, before.version);
        assertEqual(saved.partnerAddedEmail, wanted.partnerAddedEmail, `${label}.partnerAddedEmail`);
        assert(saved.version > before.version, `${label}: version ${saved.version} did not increase from ${before.version}`);
        const after = await context.adapter.getPortalSettings!(organisation.id);
        assertEqual(after.partnerAddedEmail, wanted.partnerAddedEmail, `getPortalSettings after ${label}: partnerAddedEmail`);
      },
    },
    {
      name: "updatePortalSettings with a stale version is a 'conflict' and saves nothing",
      requires: ['getPortalSettings', 'updatePortalSettings'],
      async run(context) {
        const { organisation } = await context.organisational();
        const before = await context.adapter.getPortalSettings!(organisation.id);
        const first = { ...portalInput(before), partnerAddedEmail: !before.partnerAddedEmail };
        const saved = await context.adapter.updatePortalSettings!(organisation.id, first, before.version);
        const late = { ...portalInput(before), dealShared: { email: !before.dealShared.email, sms: !before.dealShared.sms } };
        await expectErrorCode(
          context.adapter.updatePortalSettings!(organisation.id, late, before.version),
          'conflict',
          `updatePortalSettings with stale version ${before.version} (current ${saved.version})`,
        );
        const after = await context.adapter.getPortalSettings!(organisation.id);
        assertEqual(after.version, saved.version, 'getPortalSettings after the refused update: version');
        assertEqual(after.dealShared.email, saved.dealShared.email, 'getPortalSettings after the refused update: dealShared.email');
      },
    },
    {
      name: "updatePartnerSettings with a stale version is a 'conflict'",
      requires: ['getPartnerSettings', 'updatePartnerSettings'],
      async run(context) {
        const before = await context.adapter.getPartnerSettings!();
        const name = uniqueText('Conformance Partner');
        const saved = await context.adapter.updatePartnerSettings!({ ...partnerInput(before), name }, before.version);
        assertEqual(saved.name, name, 'updatePartnerSettings with the current version: name');
        assert(saved.version > before.version, `updatePartnerSettings: version ${saved.version} did not increase from ${before.version}`);
        await expectErrorCode(
          context.adapter.updatePartnerSettings!({ ...partnerInput(before), name: `${name} late` }, before.version),
          'conflict',
          `updatePartnerSettings with stale version ${before.version} (current ${saved.version})`,
        );
        assertEqual((await context.adapter.getPartnerSettings!()).name, name, 'getPartnerSettings after the refused update: name');
      },
    },
  ],
};

// ——— unknown ids ———

const UNKNOWN_ID = 'pk-conformance-no-such-id';

function notFoundCheck(method: Exclude<AdapterMethod, 'subscribe'>, call: (context: CheckContext) => Promise<unknown>): Check {
  return {
    name: `${method} of an unknown id is 'not_found'`,
    requires: [method],
    async run(context) {
      await expectErrorCode(call(context), 'not_found', `${method}(${JSON.stringify(UNKNOWN_ID)})`);
    },
  };
}

export const unknownIdChecks: CheckGroup = {
  id: 'unknownIds',
  name: 'unknown ids',
  checks: [
    notFoundCheck('getPartner', ({ adapter }) => adapter.getPartner!(UNKNOWN_ID)),
    notFoundCheck('updatePartnerProfile', ({ adapter }) => adapter.updatePartnerProfile!(UNKNOWN_ID, { city: 'Nowhere' })),
    notFoundCheck('deletePartner', ({ adapter }) => adapter.deletePartner!(UNKNOWN_ID)),
    notFoundCheck('getInvitationLink', ({ adapter }) => adapter.getInvitationLink!(UNKNOWN_ID)),
    notFoundCheck('resendInvitation', (context) => context.adapter.resendInvitation!(UNKNOWN_ID, { idempotencyKey: context.key() })),
    notFoundCheck('getDeal', ({ adapter }) => adapter.getDeal!(UNKNOWN_ID)),
    notFoundCheck('moveDeal', ({ adapter }) => adapter.moveDeal!(UNKNOWN_ID, UNKNOWN_ID, 0)),
    notFoundCheck('listNotes', ({ adapter }) => adapter.listNotes!(UNKNOWN_ID)),
    notFoundCheck('addNote', (context) => context.adapter.addNote!(UNKNOWN_ID, 'Conformance note', { idempotencyKey: context.key() })),
    notFoundCheck('listDocuments', ({ adapter }) => adapter.listDocuments!(UNKNOWN_ID)),
  ],
};
