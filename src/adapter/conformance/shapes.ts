/**
 * Read calls answer with valid shapes (the validating wrapper parses each one
 * with the real schema and throws a precise `contract` error otherwise) and
 * answer about what was asked.
 */
import { assert, assertEqual } from './assert.js';
import type { CheckGroup } from './check.js';

export const shapeChecks: CheckGroup = {
  id: 'shapes',
  name: 'responses have valid shapes',
  checks: [
    {
      name: 'getSession returns a valid session',
      requires: ['getSession'],
      async run({ adapter }) {
        const session = await adapter.getSession();
        assert(session.viewer.id !== '', 'getSession: viewer.id is empty');
      },
    },
    {
      name: 'listPartners returns a valid page no larger than its limit',
      requires: ['listPartners'],
      async run({ adapter, options }) {
        const page = await adapter.listPartners!({ limit: options.pageSize });
        assert(
          page.items.length <= options.pageSize,
          `listPartners({limit: ${options.pageSize}}) returned ${page.items.length} items`,
        );
      },
    },
    {
      name: 'getPartner returns the partner asked for',
      requires: ['getPartner'],
      async run(context) {
        const partner = await context.editablePartner();
        const detail = await context.adapter.getPartner!(partner.id);
        assertEqual(detail.partner.id, partner.id, `getPartner(${JSON.stringify(partner.id)}).partner.id`);
      },
    },
    {
      name: 'searchContacts returns valid contacts within its limit',
      requires: ['searchContacts'],
      async run({ adapter }) {
        const contacts = await adapter.searchContacts!('a', { limit: 5 });
        assert(contacts.length <= 5, `searchContacts("a", {limit: 5}) returned ${contacts.length} contacts`);
      },
    },
    {
      name: 'previewInvitation returns a subject and a text body',
      requires: ['previewInvitation'],
      async run(context) {
        const email = context.newEmail();
        const preview = await context.adapter.previewInvitation!([{ email, name: 'Conformance Check' }]);
        assert(preview.subject.trim() !== '', `previewInvitation([${JSON.stringify(email)}]): the subject is empty`);
        assert(preview.text.trim() !== '', `previewInvitation([${JSON.stringify(email)}]): the text body is empty`);
      },
    },
    {
      name: 'listOrganisations returns valid organisations',
      requires: ['listOrganisations'],
      async run({ adapter }) {
        const organisations = await adapter.listOrganisations!();
        assert(organisations.length > 0, 'listOrganisations returned no organisation');
      },
    },
    {
      name: 'listWorkflows returns only workflows of the organisation asked for',
      requires: ['listWorkflows'],
      async run(context) {
        const { organisation } = await context.organisational();
        const workflows = await context.adapter.listWorkflows!(organisation.id);
        for (const workflow of workflows) {
          assertEqual(
            workflow.organisationId,
            organisation.id,
            `listWorkflows(${JSON.stringify(organisation.id)}): workflow ${workflow.id} organisationId`,
          );
        }
      },
    },
    {
      name: 'listDeals returns only deals of the organisation and workflow asked for',
      requires: ['listDeals'],
      async run(context) {
        const { organisation, workflowId } = await context.organisational();
        const query = { organisationId: organisation.id, workflowId, includeClosed: true, limit: context.options.pageSize };
        const page = await context.adapter.listDeals!(query);
        for (const deal of page.items) {
          const where = `listDeals(${JSON.stringify(query)}): deal ${deal.id}`;
          assertEqual(deal.organisationId, organisation.id, `${where} organisationId`);
          assertEqual(deal.workflowId, workflowId, `${where} workflowId`);
        }
      },
    },
    {
      name: 'getDeal returns the deal asked for',
      requires: ['getDeal'],
      async run(context) {
        const deal = await context.deal();
        const fetched = await context.adapter.getDeal!(deal.id);
        assertEqual(fetched.id, deal.id, `getDeal(${JSON.stringify(deal.id)}).id`);
      },
    },
    {
      name: 'listNotes and listDocuments return only items of the deal asked for',
      requires: ['listNotes', 'listDocuments'],
      async run(context) {
        const deal = await context.deal();
        for (const note of await context.adapter.listNotes!(deal.id)) {
          assertEqual(note.dealId, deal.id, `listNotes(${JSON.stringify(deal.id)}): note ${note.id} dealId`);
        }
        for (const document of await context.adapter.listDocuments!(deal.id)) {
          assertEqual(document.dealId, deal.id, `listDocuments(${JSON.stringify(deal.id)}): document ${document.id} dealId`);
        }
      },
    },
    {
      name: 'listBrokers returns valid brokers',
      requires: ['listBrokers'],
      async run(context) {
        const { organisation } = await context.organisational();
        await context.adapter.listBrokers!(organisation.id);
      },
    },
    {
      name: 'getPortalSettings returns the settings of the organisation asked for',
      requires: ['getPortalSettings'],
      async run(context) {
        const { organisation } = await context.organisational();
        const settings = await context.adapter.getPortalSettings!(organisation.id);
        assertEqual(
          settings.organisationId,
          organisation.id,
          `getPortalSettings(${JSON.stringify(organisation.id)}).organisationId`,
        );
      },
    },
    {
      name: 'getPartnerSettings returns valid settings',
      requires: ['getPartnerSettings'],
      async run({ adapter }) {
        await adapter.getPartnerSettings!();
      },
    },
    {
      name: 'listPartnerAccounts returns only accounts of the organisation asked for',
      requires: ['listPartnerAccounts'],
      async run(context) {
        const { organisation } = await context.organisational();
        for (const account of await context.adapter.listPartnerAccounts!(organisation.id)) {
          assertEqual(
            account.organisationId,
            organisation.id,
            `listPartnerAccounts(${JSON.stringify(organisation.id)}): account ${account.id} organisationId`,
          );
        }
      },
    },
    {
      name: 'listRealtorClientCounts and listCoSharedClients return valid data',
      requires: ['listRealtorClientCounts', 'listCoSharedClients'],
      async run({ adapter }) {
        const counts = await adapter.listRealtorClientCounts!();
        await adapter.listCoSharedClients!(null);
        const realtor = counts[0]?.realtor;
        if (realtor) {
          for (const client of await adapter.listCoSharedClients!(realtor.id)) {
            assertEqual(
              client.realtor.id,
              realtor.id,
              `listCoSharedClients(${JSON.stringify(realtor.id)}): client ${client.agentRecord.id} realtor.id`,
            );
          }
        }
      },
    },
  ],
};
