import { css } from 'lit';
import { settingsScreenStyles } from './settings-shared.styles.js';

/** The styles of the screen, added after the element's own when it loads (adoptLaterStyles). */
export const portalSettingsScreenStyles = css`
  ${settingsScreenStyles}
  .switch-field {
    margin-block-end: var(--_pk-space-3);
  }
  .switch-field .description {
    margin: 0;
  }

  .account-list {
    margin: 0 0 var(--_pk-space-4);
    padding: 0;
    list-style: none;
    border-top: 1px solid var(--_pk-border);
  }
  .account {
    padding: var(--_pk-space-3) 0;
    border-bottom: 1px solid var(--_pk-border);
  }
  .account-summary {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_pk-space-2) var(--_pk-space-4);
  }
  .account-details {
    display: flex;
    flex: 1 1 18rem;
    flex-direction: column;
    gap: var(--_pk-space-1);
    min-width: 0;
  }
  .account-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .account-contact {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_pk-space-3);
    color: var(--_pk-text-muted);
    font-size: var(--_pk-font-size-small);
    overflow-wrap: anywhere;
  }
  .account-brokers {
    margin: 0;
    font-size: var(--_pk-font-size-small);
  }
  .account-brokers-label {
    font-weight: 600;
  }
  .flag {
    display: flex;
    align-items: flex-start;
    gap: var(--_pk-space-2);
    margin: 0;
    padding: var(--_pk-space-1) var(--_pk-space-2);
    border: 1px solid currentColor;
    border-radius: var(--_pk-radius);
    background: var(--_pk-warning-bg);
    color: var(--_pk-warning-fg);
    font-size: var(--_pk-font-size-small);
  }
  .flag-icon {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    width: 1.125rem;
    height: 1.125rem;
    border: 2px solid currentColor;
    border-radius: 50%;
    font-weight: 700;
    font-size: 0.75rem;
    line-height: 1;
  }
  .flag-icon::before {
    content: '!';
  }

  .allocation {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-2);
    margin-top: var(--_pk-space-3);
    padding: var(--_pk-space-3);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
  }
  .broker-options {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-1);
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .broker-options legend {
    padding: 0;
    margin-bottom: var(--_pk-space-1);
  }
  .broker-option {
    display: inline-flex;
    align-items: center;
    gap: var(--_pk-space-2);
    min-height: 2rem;
    cursor: pointer;
  }
  .broker-option input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
  }
  .broker-option input:focus-visible {
    outline: 2px solid var(--_pk-focus-ring);
    outline-offset: 2px;
  }
  .allocation-actions,
  .create-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pk-space-2);
  }

  .create-form {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-2);
  }
  .create-form h3 {
    margin-top: 0;
  }
  .create-form .description {
    margin-bottom: var(--_pk-space-1);
  }
  .create-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0 var(--_pk-space-3);
  }
  .create-fields .field {
    margin-block-end: var(--_pk-space-2);
  }
`;
