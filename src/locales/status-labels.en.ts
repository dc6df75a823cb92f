/**
 * The status labels in English, as `<status-badge>` and every list of
 * statuses show them. They are the exact wording of the product (PRODUCT.md),
 * not translations: hosts search and filter by them. Part of the core
 * catalogue (`en.ts`); `<status-badge>` registers them itself, so a page with
 * only badges ships no other core strings.
 */
export const statusLabelsEn = {
  'status.label.pending-not-delivered': 'Pending - Email Not Delivered',
  'status.label.pending-delivered': 'Pending - Email Delivered',
  'status.label.pending-opened': 'Pending - Email Opened',
  'status.label.pending-link-clicked': 'Pending - Invitation Link Clicked',
  'status.label.active': 'Active',
  'status.label.profile-created': 'Active - Profile Created',
  'status.label.profile-created-not-sent': 'Active - Profile Created - Email Not Sent',
  'status.label.profile-created-sent': 'Active - Profile Created - Email Sent',
  'status.label.profile-created-not-delivered': 'Active - Profile Created - Email Not Delivered',
  'status.label.profile-created-delivered': 'Active - Profile Created - Email Delivered',
  'status.label.profile-created-opened': 'Active - Profile Created - Email Opened',
  'status.label.profile-created-link-clicked': 'Active - Profile Created - Invitation Link Clicked',
  'status.label.unknown': 'Unknown status',
} as const;
