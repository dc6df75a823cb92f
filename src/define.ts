// Registers every partner-kit tag (side effect). Each element's own module
// registers its dependencies too, so importing one element is also enough.
import './components/partner-kit-provider/partner-kit-provider.js';
import './components/status-badge/status-badge.js';
import './components/profile-progress/profile-progress.js';
