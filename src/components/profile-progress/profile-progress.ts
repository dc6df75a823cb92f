import { ProfileProgress } from './profile-progress.component.js';

export { ProfileProgress };
export type { ProgressField } from './profile-progress.component.js';

ProfileProgress.define('profile-progress');

declare global {
  interface HTMLElementTagNameMap {
    'profile-progress': ProfileProgress;
  }
}
