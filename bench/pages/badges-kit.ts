/** 1,000 `<status-badge>` elements (registered by the bench build's injected import). */
import { exposeBadgesPage } from './badges-page.js';

exposeBadgesPage({
  mountBadges(container, statuses) {
    const fragment = document.createDocumentFragment();
    let last: Element | undefined;
    for (const status of statuses) {
      last = document.createElement('status-badge');
      last.setAttribute('status', status);
      fragment.append(last, ' ');
    }
    container.append(fragment);
    return last as Element;
  },
  rendered(last) {
    return (last.shadowRoot?.textContent ?? '').trim() !== '';
  },
});
