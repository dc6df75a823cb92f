/** The vanilla baseline of one status-badge: the same visible text and tone, as plain spans. */
import { describeStatus } from '../../src/domain/status.js';

export const BADGE_STYLE = `
.badge { display: inline-flex; align-items: center; gap: 4px; padding: 2px 8px; border-radius: 999px; font-size: 12px; max-width: 100%; }
.badge .indicator { width: 8px; height: 8px; border-radius: 50%; background: currentColor; flex: none; }
.badge .label { overflow: hidden; text-overflow: ellipsis; }
.tone-success { background: #dcfce7; color: #166534; }
.tone-info { background: #dbeafe; color: #1e40af; }
.tone-warning { background: #fef3c7; color: #92400e; }
.tone-danger { background: #fee2e2; color: #991b1b; }
.tone-neutral { background: #f1f5f9; color: #334155; }
`;

export function badge(status: string): HTMLSpanElement {
  const info = describeStatus(status);
  const span = document.createElement('span');
  span.className = `badge tone-${info.tone}`;
  const indicator = document.createElement('span');
  indicator.className = 'indicator';
  const label = document.createElement('span');
  label.className = 'label';
  label.textContent = info.label;
  span.append(indicator, label);
  return span;
}
