/** English strings of `<shared-clients>`' screen, which loads on first use with its data (see shared-clients.en.ts). */
export const sharedClientsScreenEn = {
  'shared-clients.updating': 'Updating co-shared clients…',

  'shared-clients.not-permitted.title': 'Shared clients are not available to you',
  'shared-clients.not-permitted.body': 'Only mortgage agents and the realtors they partner with can see co-shared clients.',
  'shared-clients.unavailable': 'Shared clients are not available: this system does not provide them.',

  'shared-clients.realtors.heading': 'Partnered realtors',
  'shared-clients.realtors.intro':
    "You see how many clients each realtor has, and nothing else about them: a realtor's clients stay private.",
  'shared-clients.realtors.column.realtor': 'Realtor',
  'shared-clients.realtors.column.clients': 'Clients',
  'shared-clients.realtors.total': 'Total',
  'shared-clients.empty.no-realtors': 'You have no partnered realtors yet.',
  'shared-clients.rule':
    'A client is co-shared when the email address AND the home address are the same in both accounts.',

  'shared-clients.clients.heading': 'Co-shared clients',
  'shared-clients.clients.intro.mortgage-agent':
    "Clients who are both in your account and in a partnered realtor's account. Their subscription is sent from the realtor and yours is paused, so they never receive two.",
  'shared-clients.clients.intro.realtor':
    "Clients who are both in your account and in your mortgage agent's account. Their subscription is sent from you and the mortgage agent's is paused, so they never receive two.",
  'shared-clients.filter.label': 'Realtor',
  'shared-clients.filter.all': 'All realtors',
  'shared-clients.empty.no-clients': 'No co-shared clients yet.',
  'shared-clients.empty.no-clients-with': 'No co-shared clients with {realtor} yet.',
  'shared-clients.count.one': '{count} co-shared client',
  'shared-clients.count.other': '{count} co-shared clients',
  'shared-clients.count-with.one': '{count} co-shared client with {realtor}',
  'shared-clients.count-with.other': '{count} co-shared clients with {realtor}',
  'shared-clients.withheld.one': '{count} record withheld: it is not co-shared.',
  'shared-clients.withheld.other': '{count} records withheld: they are not co-shared.',

  'shared-clients.client.email': 'Email',
  'shared-clients.client.address': 'Home address',
  'shared-clients.client.no-address': 'No home address',
  'shared-clients.client.realtor': 'Realtor',
  'shared-clients.client.mortgage-agent': 'Mortgage agent',
  'shared-clients.client.subscription': 'Subscription',
  'shared-clients.subscription.sent': 'Sent from the realtor, {name}',
  'shared-clients.subscription.paused': 'Paused from the mortgage agent, {name}',
  'shared-clients.subscription.not-paused':
    'Not paused from the mortgage agent, {name}: the client may receive two subscriptions',

  'shared-clients.activity.toggle': 'Activity ({count})',
  'shared-clients.activity.list': 'Activity of {name}',
  'shared-clients.activity.empty': 'No activity yet.',
  'shared-clients.activity.kind.mortgage-question': 'Mortgage question',
  'shared-clients.activity.kind.pre-approval': 'Pre-approval',
  'shared-clients.activity.kind.home-value': 'Home value',
  'shared-clients.activity.kind.property-search': 'Property search',
  'shared-clients.activity.kind.report-opened': 'Report opened',
  'shared-clients.activity.kind.other': 'Other',

  'shared-clients.shown': 'Showing {shown} of {total}',
  'shared-clients.show-more': 'Show {count} more',
} as const;
