/**
 * The vanilla-DOM baseline of partner-table: hand-written DOM, no framework,
 * no shadow DOM, no validation. It fetches exactly what the kit fetched
 * before its first paint (the runner passes the kit's recorded queries) and
 * shows the same visible text and controls: the toolbar (labelled search and
 * status filter with counts, "N of M partners loaded", the invite button),
 * the column headers with their sort icons, and per row the name, email,
 * status, completion bar and percentage, allows updates, invited, updated,
 * the reminder's two lines and the Actions button; a spacer stands for the
 * rows off screen. What the kit adds that nobody sees (titles, ARIA, the
 * hidden caption) is not copied: that is the kit's own cost.
 */
import type { Partner, PartnerPage, PartnerQuery } from '../../src/adapter/types.js';
import { computeCompletion } from '../../src/domain/completion.js';
import { reminderState } from '../../src/domain/reminders.js';
import { INVITE_STATUSES, describeStatus } from '../../src/domain/status.js';
import type { BenchAdapter } from './adapter-setup.js';
import { BADGE_STYLE, badge } from './vanilla-badge.js';
import { exposeTablePage, type MountOptions } from './table-page.js';

const ROW_HEIGHT = 44;
const NOW = new Date('2026-11-01T12:00:00Z');
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'short' });
const COLUMNS: readonly [label: string, field: string | null][] = [
  ['Name', 'name'],
  ['Email', 'email'],
  ['Status', 'status'],
  ['Profile completion', 'completion'],
  ['Allows profile updates', null],
  ['Invited', 'invitedAt'],
  ['Updated', 'updatedAt'],
  ['Reminders', null],
  ['Actions', null],
];
const REMINDER_LABELS = { 'pending-invitation': 'Invitation', 'incomplete-profile': 'Profile' } as const;

const STYLE = `
.vt { display: flex; flex-direction: column; height: 100%; }
.vt-toolbar { display: flex; gap: 8px; padding: 8px 0; align-items: center; }
.vt-toolbar input, .vt-toolbar select, .vt-toolbar button { font: inherit; padding: 6px 10px; }
.vt-scroller { flex: 1; overflow: auto; border: 1px solid #d0d4da; border-radius: 6px; }
.vt table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.vt th { position: sticky; top: 0; background: #f6f7f9; text-align: left; }
.vt th button { all: unset; cursor: pointer; font-weight: 600; padding: 8px; }
.vt td { height: ${ROW_HEIGHT - 1}px; padding: 0 8px; border-top: 1px solid #e6e8eb; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.vt .name { all: unset; color: #1d4ed8; cursor: pointer; }
.vt .line { display: block; overflow: hidden; text-overflow: ellipsis; }
.vt-toolbar label { display: block; font-size: 12px; }
.bar { display: inline-block; width: 60px; height: 6px; background: #e5e7eb; border-radius: 3px; overflow: hidden; vertical-align: middle; margin-right: 6px; }
.bar > span { display: block; height: 100%; background: #2563eb; }
`;

function cell(row: HTMLTableRowElement, text?: string): HTMLTableCellElement {
  const td = row.insertCell();
  if (text !== undefined) td.textContent = text;
  return td;
}

function partnerRow(partner: Partner): HTMLTableRowElement {
  const row = document.createElement('tr');
  const name = document.createElement('button');
  name.className = 'name';
  name.textContent = `${partner.firstName} ${partner.lastName}`.trim() || partner.email;
  cell(row).append(name);
  cell(row, partner.email);
  cell(row).append(badge(partner.status));
  const completion = computeCompletion(partner.profile);
  const bar = document.createElement('span');
  bar.className = 'bar';
  const fill = document.createElement('span');
  fill.style.width = `${completion.percent}%`;
  bar.append(fill);
  cell(row).append(bar, `${completion.percent}%`);
  cell(row, partner.allowsProfileUpdates ? 'Yes' : 'No');
  cell(row, dateFormat.format(new Date(partner.invitedAt)));
  cell(row, dateFormat.format(new Date(partner.updatedAt)));
  const reminder = reminderState({
    status: partner.status,
    invitedAt: partner.invitedAt,
    acceptedAt: partner.acceptedAt,
    profileComplete: completion.complete,
    now: NOW,
  });
  const reminderCell = cell(row);
  if (reminder.kind === 'none') reminderCell.textContent = 'No reminders';
  else {
    const summary = document.createElement('span');
    summary.className = 'line';
    summary.textContent = `${REMINDER_LABELS[reminder.kind]}: ${reminder.sent}/2 sent`;
    const next = document.createElement('span');
    next.className = 'line';
    next.textContent = reminder.nextDueAt ? `Next ${dateFormat.format(new Date(reminder.nextDueAt))}` : 'All reminders sent';
    reminderCell.append(summary, next);
  }
  const actions = document.createElement('button');
  actions.textContent = 'Actions ▾';
  actions.setAttribute('aria-haspopup', 'menu');
  cell(row).append(actions);
  return row;
}

function mountVanilla(container: HTMLElement, bench: BenchAdapter, options: MountOptions) {
  const wrapper = document.createElement('div');
  wrapper.className = 'vt';
  const style = document.createElement('style');
  style.textContent = STYLE + BADGE_STYLE;

  const toolbar = document.createElement('div');
  toolbar.className = 'vt-toolbar';
  const labelled = (text: string, control: HTMLInputElement | HTMLSelectElement) => {
    const field = document.createElement('div');
    const label = document.createElement('label');
    label.textContent = text;
    label.append(control);
    field.append(label);
    return field;
  };
  const search = document.createElement('input');
  search.type = 'search';
  search.placeholder = 'Name or email';
  const filter = document.createElement('select');
  const summary = document.createElement('p');
  const invite = document.createElement('button');
  invite.textContent = 'Invite New Connections';
  toolbar.append(labelled('Search partners', search), labelled('Status', filter), summary, invite);

  const scroller = document.createElement('div');
  scroller.className = 'vt-scroller';
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const [label, field] of COLUMNS) {
    const th = document.createElement('th');
    if (field) {
      const button = document.createElement('button');
      button.textContent = `${label} ${field === 'name' ? '▲' : '⇅'}`;
      button.dataset['field'] = field;
      th.append(button);
    } else th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  const spacer = document.createElement('div');
  scroller.append(table, spacer);
  wrapper.append(style, toolbar, scroller);

  const rowCount = options.rows ?? 40;
  let latest = 0;
  const show = (page: PartnerPage, items: readonly Partner[]) => {
    const rows = document.createDocumentFragment();
    for (const partner of items.slice(0, rowCount)) rows.append(partnerRow(partner));
    body.replaceChildren(rows);
    spacer.style.height = `${Math.max(0, (page.total ?? items.length) - rowCount) * ROW_HEIGHT}px`;
    const total = page.total ?? items.length;
    summary.textContent = items.length < total ? `${items.length} of ${total} partners loaded` : `${total} partners`;
    filter.replaceChildren(
      new Option(`All statuses (${total})`, ''),
      ...INVITE_STATUSES.map((status) => new Option(`${describeStatus(status).label} (${page.counts?.[status] ?? 0})`, status)),
    );
  };
  /** Runs the queries in order (as the kit did) and shows the rows; a newer request wins. */
  const load = async (queries: PartnerQuery[]) => {
    const request = ++latest;
    const items: Partner[] = [];
    let page: PartnerPage | undefined;
    for (const query of queries) {
      page = await bench.adapter.listPartners(query);
      items.push(...page.items);
    }
    if (page && request === latest) show(page, items);
  };

  head.addEventListener('click', (event) => {
    const field = (event.target as HTMLElement).closest('button')?.dataset['field'];
    if (field && options.sortQuery) void load([options.sortQuery]);
  });
  search.addEventListener('input', () => {
    void load([{ ...(options.searchQuery ?? {}), search: search.value }]);
  });

  container.append(wrapper);
  void load(options.queries?.length ? options.queries : [{}]);
  return { root: wrapper };
}

exposeTablePage({ mountTable: mountVanilla });
