/**
 * Profile completion and the names of profile fields, in English: the text
 * of `<profile-progress>`, and the field names forms show. Part of the core
 * catalogue (`en.ts`); `<profile-progress>` registers it itself, so a page
 * with only progress bars ships no other core strings. `{name}` marks a
 * parameter.
 */
export const progressEn = {
  'progress.label.progress': 'Profile completion',
  'progress.label.reminders': 'Account completion',
  'progress.valuetext': '{filled} of {total} fields',
  'progress.valuetext.one': '{filled} of {total} field',
  'progress.show-missing': 'Show missing ({count})',
  'progress.hide-missing': 'Hide missing ({count})',
  'progress.missing-list': 'Missing fields',
  'progress.missing-summary': 'Missing: {fields}',
  'progress.complete': 'All fields complete',

  'field.name': 'Name',
  'field.email': 'Email',
  'field.address': 'Physical address',
  'field.jobTitle': 'Job title',
  'field.timeZone': 'Time zone',
  'field.profilePhoto': 'Profile photo',
  'field.companyPhoto': 'Company photo',
  'field.mls': 'MLS information',
  'field.accountName': 'Account name',
  'field.cellPhone': 'Cell phone',
  'field.officePhone': 'Office phone',
  'field.mlsMarket': 'MLS market',
  'field.mlsAgentId': 'MLS agent ID',
  'field.employer': 'Employer',
  'field.companyLogo': 'Company logo',
  'field.licenseNumber': 'Real-estate state licence number',
  'field.firstName': 'First name',
  'field.lastName': 'Last name',
  'field.company': 'Company',
  'field.street': 'Street address',
  'field.unit': 'Suite, unit, building, floor or other',
  'field.city': 'City',
  'field.state': 'State',
  'field.zip': 'Zip',
  'field.mobilePhone': 'Mobile phone',
  'field.mlsAssociation': 'MLS association',
  'field.photoUrl': 'Profile photo',
  'field.logoUrl': 'Logo',
} as const;
