import { css } from 'lit';

/** The pay button and the theme: all a page draws before anyone touches it. The modal's own styles load with it (`modal/modal.styles.ts`). */

export const styles = css`
  /* The button's theme; the modal's light colours and sizes come with it (modal/modal.styles.ts). */
  :host {
    --ktpay-accent: #0a7c5a;
    --ktpay-accent-text: #fff;
    --ktpay-radius: 10px;
    --ktpay-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    color-scheme: light;
    display: inline-block;
  }
  /* Dark where the buyer's system asks for it, unless theme="light"; always with theme="dark". */
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      color-scheme: dark;
      --ktpay-text: #e8eaed;
      --ktpay-muted: #a0a7b1;
      --ktpay-background: #1e2227;
      --ktpay-danger: #ff8a80;
    }
  }
  :host([theme='dark']) {
    color-scheme: dark;
    --ktpay-text: #e8eaed;
    --ktpay-muted: #a0a7b1;
    --ktpay-background: #1e2227;
    --ktpay-danger: #ff8a80;
  }
  :host([hidden]) {
    display: none;
  }

  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--ktpay-radius);
  }
  button:focus-visible {
    outline: 3px solid color-mix(in srgb, var(--ktpay-accent) 60%, transparent);
    outline-offset: 2px;
  }
  .pay {
    font-family: var(--ktpay-font);
    font-size: 1rem;
    font-weight: 600;
    padding: 0.75em 1.5em;
    border: none;
    background: var(--ktpay-accent);
    color: var(--ktpay-accent-text);
  }
  /* While the first language's words load, the default label keeps its room. */
  .label.loading {
    visibility: hidden;
  }
  /* Pressed, while the modal's code arrives (first Pay without a sign of intent, slow network). */
  .pay[aria-busy='true'] {
    cursor: progress;
    opacity: 0.8;
  }
`;
