// Registers every partner-kit tag (side effect). Each element's own module
// registers its dependencies too, so importing one element is also enough.
import './components/partner-kit-provider/partner-kit-provider.js';
import './components/status-badge/status-badge.js';
import './components/profile-progress/profile-progress.js';
import './components/partner-table/partner-table.js';
import './components/invite-wizard/invite-wizard.js';
import './components/partner-registration/partner-registration.js';
import './components/partner-deal-board/partner-deal-board.js';
import './components/portal-settings/portal-settings.js';
import './components/partner-settings/partner-settings.js';
import './components/shared-clients/shared-clients.js';
