/** `<invite-wizard>` with the memory adapter (registered by the bench build's injected import). */
import { exposeWizardPage } from './wizard-page.js';

exposeWizardPage({
  open(container, bench) {
    const wizard = document.createElement('invite-wizard') as HTMLElement & { adapter?: unknown; open?: boolean; show?: () => void };
    wizard.adapter = bench.adapter;
    container.append(wizard);
    // Inline by default; a dialog-style wizard opens through `open` or `show()`.
    if ('open' in wizard && wizard.open === false) wizard.open = true;
    else if (typeof wizard.show === 'function') wizard.show();
    return wizard;
  },
});
