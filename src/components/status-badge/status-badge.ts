import { StatusBadge } from './status-badge.component.js';

export { StatusBadge };

StatusBadge.define('status-badge');

declare global {
  interface HTMLElementTagNameMap {
    'status-badge': StatusBadge;
  }
}
