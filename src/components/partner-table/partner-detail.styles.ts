import { css } from 'lit';

/** The detail drawer's content: loaded with the drawer, adopted by the table when it first opens. */
export const partnerDetailStyles = css`
  .detail-summary {
    display: flex;
    align-items: center;
    gap: var(--_pk-space-3);
  }
  .photo {
    width: 4rem;
    height: 4rem;
    border-radius: 50%;
    object-fit: cover;
  }
  .logo {
    max-width: 10rem;
    max-height: 4rem;
    object-fit: contain;
  }
  .detail-section {
    margin-top: var(--_pk-space-4);
  }
  .detail-section h3 {
    margin: 0 0 var(--_pk-space-2);
    font-size: 1rem;
  }
  .detail-section dl {
    display: grid;
    grid-template-columns: minmax(7rem, auto) 1fr;
    gap: var(--_pk-space-1) var(--_pk-space-3);
    margin: 0;
  }
  .entry {
    display: contents;
  }
  .entry dt {
    color: var(--_pk-text-muted);
  }
  .entry dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .plain-list,
  .history {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .plain-list li,
  .history li {
    padding: var(--_pk-space-2) 0;
    border-top: 1px solid var(--_pk-border);
    overflow-wrap: anywhere;
  }
  .media-item {
    display: flex;
    gap: var(--_pk-space-3);
  }
  .thumbnail {
    width: 3rem;
    height: 3rem;
    flex: none;
    object-fit: cover;
  }
  .history li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_pk-space-2);
  }
  .detail a {
    color: var(--_pk-accent);
  }
`;
