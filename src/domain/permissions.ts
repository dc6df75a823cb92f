/**
 * The one permissions function of the kit: who may do what, given the role,
 * the organisation's feature switches, the partner row in question and what
 * the adapter can do. Elements hide an action when `can` says no.
 */
import { hasPartnerAccount, isPendingInvitation, parseInviteStatus } from './status.js';

export const ROLES = ['lender', 'agent', 'broker', 'admin', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'invite',
  'prefill',
  'edit',
  'delete',
  'copy-link',
  'private-email',
  'send-email',
  'view-detail',
  'add-deal',
  'move-deal',
  'view-deal',
  'add-note',
  'upload-document',
  'manage-portal-settings',
  'edit-own-settings',
  'view-shared-clients',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface OrgSwitches {
  profilePrefill: boolean;
  profileEditing: boolean;
  partnersAddDeals: boolean;
}

export interface PermissionContext {
  role: Role;
  org: OrgSwitches;
  /** The co-marketing partner the action is about (a row of the partner table). */
  partner?: { allowsProfileUpdates: boolean; status: string };
  /** Portal partner allocated to at least one broker (seed 003); only `false` blocks. */
  allocatedToBroker?: boolean;
  /** What the adapter can do; an action explicitly `false` is removed. */
  capabilities?: Partial<Record<Action, boolean>>;
}

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ROLE_SET.has(value);
}

type Rule = (ctx: PermissionContext) => boolean;

const isLender: Rule = (ctx) => ctx.role === 'lender';
const isPortalStaff: Rule = (ctx) => ctx.role === 'broker' || ctx.role === 'admin';
const isPortalMember: Rule = (ctx) => isPortalStaff(ctx) || ctx.role === 'partner';
// Only an explicit `true` opens a gate: a missing switch is off.
const switchOn = (ctx: PermissionContext, name: keyof OrgSwitches): boolean => ctx.org?.[name] === true;

const RULES: Readonly<Record<Action, Rule>> = {
  invite: isLender,
  prefill: (ctx) => isLender(ctx) && switchOn(ctx, 'profilePrefill'),
  edit: (ctx) =>
    isLender(ctx) &&
    switchOn(ctx, 'profileEditing') &&
    ctx.partner?.allowsProfileUpdates === true &&
    hasPartnerAccount(ctx.partner.status),
  delete: (ctx) => (ctx.role === 'lender' || ctx.role === 'agent') && ctx.partner !== undefined && ctx.partner !== null,
  'copy-link': (ctx) => isLender(ctx) && isPendingInvitation(ctx.partner?.status),
  'private-email': (ctx) => isLender(ctx) && isPendingInvitation(ctx.partner?.status),
  'send-email': (ctx) => isLender(ctx) && parseInviteStatus(ctx.partner?.status) !== undefined,
  'view-detail': (ctx) => ctx.role === 'lender' || ctx.role === 'agent',
  'add-deal': (ctx) =>
    isPortalStaff(ctx) ||
    (ctx.role === 'partner' && switchOn(ctx, 'partnersAddDeals') && ctx.allocatedToBroker !== false),
  'move-deal': isPortalStaff,
  'view-deal': isPortalMember,
  'add-note': isPortalMember,
  'upload-document': isPortalMember,
  'manage-portal-settings': (ctx) => ctx.role === 'admin',
  'edit-own-settings': (ctx) => ctx.role === 'partner',
  'view-shared-clients': (ctx) => ctx.role === 'lender' || ctx.role === 'agent',
};

function isUsableContext(ctx: PermissionContext): boolean {
  return typeof ctx === 'object' && ctx !== null && isRole(ctx.role);
}

function isAllowed(action: Action, ctx: PermissionContext): boolean {
  return ctx.capabilities?.[action] !== false && RULES[action](ctx);
}

/** Every action the context allows. A malformed context allows nothing; never throws. */
export function allowedActions(ctx: PermissionContext): ReadonlySet<Action> {
  if (!isUsableContext(ctx)) return new Set();
  return new Set(ACTIONS.filter((action) => isAllowed(action, ctx)));
}

export function can(action: Action, ctx: PermissionContext): boolean {
  return isUsableContext(ctx) && Object.hasOwn(RULES, action) && isAllowed(action, ctx);
}
