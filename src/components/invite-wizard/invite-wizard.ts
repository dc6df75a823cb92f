import { InviteWizard } from './invite-wizard.component.js';

export { InviteWizard };
export type {
  InviteWizardCloseDetail,
  InviteWizardConnectionDetail,
  InviteWizardInvitedDetail,
  InviteWizardResentDetail,
  InviteWizardSubmission,
} from './invite-wizard.component.js';

InviteWizard.define('invite-wizard');

declare global {
  interface HTMLElementTagNameMap {
    'invite-wizard': InviteWizard;
  }
}
