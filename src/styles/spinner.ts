import { css } from 'lit';

/** `.spinner`: a turning ring in the text's colour (it stands still for people who asked for less motion). */
export const spinnerStyles = css`
  .spinner {
    box-sizing: border-box;
    display: inline-block;
    flex: none;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    vertical-align: -0.125em;
    animation: pk-spin 0.8s linear infinite;
  }
  @keyframes pk-spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;
