/**
 * The list view (seed 004, "switch to list view of the workflow"): the same
 * deals as a native table, sortable by its column headers (`aria-sort` on the
 * sorted one). Interactions are delegated to the board (`data-sort`,
 * `data-action`).
 */
import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Deal } from '../../adapter/types.js';
import type { MessageKey } from '../../locales/index.js';
import { clientNames, type SortKey, type SortState } from './board-model.js';
import { renderMoveButton, renderOpenButton, type TileContext } from './deal-tile.js';

export interface ListContext extends TileContext {
  caption: string;
  sort: SortState;
  stageName: (deal: Deal) => string;
}

const SORTABLE: readonly { key: SortKey; label: MessageKey }[] = [
  { key: 'name', label: 'dealBoard.list.name' },
  { key: 'clients', label: 'dealBoard.list.clients' },
  { key: 'broker', label: 'dealBoard.list.broker' },
  { key: 'stage', label: 'dealBoard.list.stage' },
];

export function renderDealList(deals: readonly Deal[], context: ListContext) {
  const { locale, sort } = context;
  const header = (key: SortKey, label: MessageKey) => {
    const sorted = sort.key === key;
    return html`<th scope="col" aria-sort=${ifDefined(sorted ? sort.direction : undefined)}>
      <button part="sort-button" class="sort-button" type="button" data-sort=${key}>
        ${locale.msg(label)}
        <span class="sort-indicator" aria-hidden="true">${sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}</span>
      </button>
    </th>`;
  };
  return html`<div class="table-scroller" part="table-scroller">
    <table part="table" class="table">
      <caption class="visually-hidden">${context.caption}</caption>
      <thead>
        <tr>
          ${SORTABLE.map(({ key, label }) => header(key, label))}
          <th scope="col">${locale.msg('dealBoard.list.labels')}</th>
          ${header('created', 'dealBoard.list.created')}
          <th scope="col"><span class="visually-hidden">${locale.msg('dealBoard.list.actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          deals,
          (deal) => deal.id,
          (deal) => guard(
            [
              deal,
              context.localeRevision,
              context.stageName(deal),
              context.movable,
              context.openable,
              context.pendingDealIds.has(deal.id),
              context.menuDealId === deal.id,
            ],
            () => html`<tr part="row" data-deal-id=${deal.id}>
            <th scope="row" part="row-name">${deal.name}</th>
            <td>${locale.formatList(clientNames(deal))}</td>
            <td>${deal.broker?.name ?? ''}</td>
            <td>${context.stageName(deal)}</td>
            <td>${deal.labels.length > 0
              ? html`<ul class="labels">${deal.labels.map((label) => html`<li part="label" class="deal-label">${label}</li>`)}</ul>`
              : nothing}</td>
            <td><time datetime=${deal.createdAt}>${locale.formatDate(deal.createdAt)}</time></td>
            <td class="row-actions">
              ${context.openable ? renderOpenButton(deal, context) : nothing}
              ${context.movable ? renderMoveButton(deal, context) : nothing}
            </td>
          </tr>`,
          ),
        )}
      </tbody>
    </table>
  </div>`;
}
