/**
 * A deal tile and a board column: plain templates (no element per tile), so a
 * board of a thousand deals is one shadow root and one render. Every
 * interaction is delegated to the board through `data-action` attributes.
 */
import { html, nothing, svg } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Deal } from '../../adapter/types.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import { clientNames, UNASSIGNED_COLUMN_ID, type BoardColumn } from './board-model.js';

export interface TileContext {
  locale: LocaleController;
  /** Changes whenever the locale or its catalogue does (tiles are re-rendered only when something they show changed). */
  localeRevision: string;
  /** The viewer may move deals (shows the grip, the "Move to…" button and the keyboard path). */
  movable: boolean;
  /** The viewer may open deals (the "eye"). */
  openable: boolean;
  /** The deal picked up with the keyboard, if any. */
  liftedDealId: string | null;
  /** Deals whose move is waiting for the adapter. */
  pendingDealIds: ReadonlySet<string>;
  /** The deal whose "Move to…" menu is open. */
  menuDealId: string | null;
}

export const MOVE_INSTRUCTIONS_ID = 'move-instructions';

export const eyeIcon = svg`<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
  <path fill="none" stroke="currentColor" stroke-width="2" d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z"/>
  <circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" stroke-width="2"/></svg>`;

export function renderMoveButton(deal: Deal, context: TileContext) {
  return html`<button
    part="move-button"
    class="button small move-button"
    type="button"
    data-action="move"
    data-deal-id=${deal.id}
    aria-haspopup="menu"
    aria-expanded=${context.menuDealId === deal.id ? 'true' : 'false'}
    aria-disabled=${context.pendingDealIds.has(deal.id) ? 'true' : 'false'}
  >
    ${context.locale.msg('dealBoard.tile.move')}<span class="visually-hidden"> ${deal.name}</span>
  </button>`;
}

export function renderOpenButton(deal: Deal, context: TileContext) {
  return html`<button
    part="open-button"
    class="icon-button"
    type="button"
    data-action="open"
    data-deal-id=${deal.id}
    aria-label=${context.locale.msg('dealBoard.tile.open', { name: deal.name })}
  >
    ${eyeIcon}
  </button>`;
}

export function renderDealTile(deal: Deal, context: TileContext) {
  const { locale, movable } = context;
  const clients = clientNames(deal);
  const lifted = context.liftedDealId === deal.id;
  const pending = context.pendingDealIds.has(deal.id);
  return html`<li class="tile-item">
    <div
      part="tile${lifted ? ' tile-lifted' : ''}"
      class="tile${lifted ? ' lifted' : ''}${movable ? ' movable' : ''}"
      data-deal-id=${deal.id}
      role="group"
      aria-label=${deal.name}
      tabindex=${ifDefined(movable ? 0 : undefined)}
      aria-describedby=${movable ? MOVE_INSTRUCTIONS_ID : nothing}
      aria-busy=${ifDefined(pending ? 'true' : undefined)}
    >
      <div class="tile-head">
        ${movable ? html`<span part="drag-handle" class="drag-handle" aria-hidden="true"></span>` : nothing}
        <span part="tile-name" class="tile-name">${deal.name}</span>
        ${context.openable ? renderOpenButton(deal, context) : nothing}
      </div>
      ${clients.length > 0
        ? html`<p part="tile-clients" class="tile-line">
            <span class="visually-hidden">${locale.msg('dealBoard.tile.clients')}: </span>${locale.formatList(clients)}
          </p>`
        : nothing}
      <p part="tile-broker" class="tile-line muted">
        ${deal.broker ? locale.msg('dealBoard.tile.broker', { name: deal.broker.name }) : locale.msg('dealBoard.tile.no-broker')}
      </p>
      ${deal.labels.length > 0
        ? html`<ul part="tile-labels" class="labels" aria-label=${locale.msg('dealBoard.tile.labels')}>
            ${deal.labels.map((label) => html`<li part="label" class="deal-label">${label}</li>`)}
          </ul>`
        : nothing}
      <div class="tile-foot">
        <time part="tile-date" class="muted" datetime=${deal.createdAt}>
          ${locale.msg('dealBoard.tile.created', { date: locale.formatDate(deal.createdAt) })}
        </time>
        ${movable ? renderMoveButton(deal, context) : nothing}
      </div>
    </div>
  </li>`;
}

/**
 * A tile re-renders only when its deal or its own state changed: a drop on a
 * board of a thousand deals renders one tile, not a thousand.
 */
function guardedTile(deal: Deal, context: TileContext) {
  return guard(
    [
      deal,
      context.localeRevision,
      context.movable,
      context.openable,
      context.liftedDealId === deal.id,
      context.pendingDealIds.has(deal.id),
      context.menuDealId === deal.id,
    ],
    () => renderDealTile(deal, context),
  );
}

export function renderColumn(column: BoardColumn, index: number, context: TileContext) {
  const { locale } = context;
  const count = column.deals.length;
  const unassigned = column.id === UNASSIGNED_COLUMN_ID;
  const name = column.stage?.name ?? locale.msg('dealBoard.column.unassigned');
  const headingId = `column-heading-${index}`;
  return html`<div
    part="column${unassigned ? ' column-unassigned' : ''}"
    class="column${unassigned ? ' unassigned' : ''}"
    data-column-id=${column.id}
    ?data-drop-target=${!unassigned && context.movable}
  >
    <h3 part="column-header" class="column-header" id=${headingId}>
      <span class="column-name">${name}</span>
      <span part="column-count" class="column-count" aria-hidden="true">${locale.formatNumber(count)}</span>
      <span class="visually-hidden">,
        ${locale.msg(locale.pluralCategory(count) === 'one' ? 'dealBoard.column.count.one' : 'dealBoard.column.count', { count })}</span>
    </h3>
    ${unassigned ? html`<p class="hint">${locale.msg('dealBoard.column.unassigned-hint')}</p>` : nothing}
    ${count > 0
      ? html`<ul part="column-list" class="column-list" aria-labelledby=${headingId}>
          ${repeat(column.deals, (deal) => deal.id, (deal) => guardedTile(deal, context))}
        </ul>`
      : html`<p part="column-empty" class="column-empty">${locale.msg('dealBoard.column.empty')}</p>`}
  </div>`;
}
