/** 1,000 plain spans with the badge's visible text and tone classes. */
import { exposeBadgesPage } from './badges-page.js';
import { BADGE_STYLE, badge } from './vanilla-badge.js';

exposeBadgesPage({
  mountBadges(container, statuses) {
    const style = document.createElement('style');
    style.textContent = BADGE_STYLE;
    const fragment = document.createDocumentFragment();
    let last: Element | undefined;
    for (const status of statuses) {
      last = badge(status);
      fragment.append(last, ' ');
    }
    container.append(style, fragment);
    return last as Element;
  },
  rendered(last) {
    return (last.textContent ?? '').trim() !== '';
  },
});
