import { css } from 'lit';

/** The modal's styles, adopted into the element's shadow root when the modal's code loads. */
export const modalStyles = css`
  /* The modal's light theme; its dark one is with the button's styles (their theme rules win). */
  :host {
    --ktpay-text: #1b1f24;
    --ktpay-muted: #5b6470;
    --ktpay-background: #fff;
    --ktpay-danger: #b42318;
    --ktpay-spacing: 16px;
    --ktpay-modal-width: 480px;
    --ktpay-frame-height: 620px;
    --ktpay-backdrop: rgb(10 14 20 / 0.55);
  }
  dialog {
    box-sizing: border-box;
    width: min(var(--ktpay-modal-width), calc(100vw - 2 * var(--ktpay-spacing)));
    max-height: calc(100dvh - 2 * var(--ktpay-spacing));
    padding: 0;
    border: none;
    border-radius: var(--ktpay-radius);
    background: var(--ktpay-background);
    color: var(--ktpay-text);
    font-family: var(--ktpay-font);
    box-shadow: 0 20px 60px rgb(0 0 0 / 0.35);
  }
  /* The fallback: older browsers do not let ::backdrop inherit custom properties. */
  dialog::backdrop {
    background: var(--ktpay-backdrop, rgb(10 14 20 / 0.55));
  }
  /* Payment pages expect the whole screen on phones. */
  @media (max-width: 540px) {
    dialog {
      width: 100vw;
      max-width: 100vw;
      height: 100dvh;
      max-height: 100dvh;
      border-radius: 0;
    }
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--ktpay-spacing);
    padding: calc(var(--ktpay-spacing) * 0.75) var(--ktpay-spacing);
    border-bottom: 1px solid color-mix(in srgb, var(--ktpay-text) 12%, transparent);
  }
  .title {
    margin: 0;
    font-size: 1.05rem;
  }
  .close {
    border: none;
    background: transparent;
    color: var(--ktpay-muted);
    font-size: 1.5rem;
    line-height: 1;
    width: 2.25rem;
    height: 2.25rem;
  }
  .body {
    position: relative;
    min-height: 320px;
  }

  .loading {
    padding: calc(var(--ktpay-spacing) * 2) var(--ktpay-spacing);
    display: grid;
    justify-items: center;
    gap: var(--ktpay-spacing);
  }
  .spinner {
    width: 40px;
    height: 40px;
    border-radius: 50%;
    border: 4px solid color-mix(in srgb, var(--ktpay-accent) 20%, transparent);
    border-top-color: var(--ktpay-accent);
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .steps {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.4em;
  }
  .steps li {
    color: var(--ktpay-muted);
  }
  .steps li::before {
    display: inline-block;
    width: 1.5em;
    content: '○';
  }
  .steps li.active {
    color: var(--ktpay-text);
    font-weight: 600;
  }
  .steps li.active::before {
    content: '●';
    color: var(--ktpay-accent);
  }
  .steps li.done::before {
    content: '✓';
    color: var(--ktpay-accent);
  }

  .frame {
    display: block;
    width: 100%;
    height: var(--ktpay-frame-height);
    max-height: calc(100dvh - 5rem);
    border: none;
    transition: opacity 0.2s;
  }
  /* Loading behind the steps: laid out (so it loads) but not seen. */
  .frame.pending {
    position: absolute;
    inset: 0;
    opacity: 0;
    visibility: hidden;
  }

  .fallback {
    margin: 0;
    padding: calc(var(--ktpay-spacing) * 0.75) var(--ktpay-spacing);
    text-align: center;
    color: var(--ktpay-muted);
    font-size: 0.9em;
  }
  .fallback a,
  .receipt-link a {
    /* Text on the modal's background, not on the accent: legible in light and dark schemes. */
    color: color-mix(in srgb, var(--ktpay-accent) 50%, var(--ktpay-text));
    font-weight: 600;
  }
  .receipt-link {
    margin: var(--ktpay-spacing) 0 0;
  }

  .result {
    padding: calc(var(--ktpay-spacing) * 1.5) var(--ktpay-spacing);
    text-align: center;
  }
  .result-icon {
    margin: 0 auto var(--ktpay-spacing);
    width: 48px;
    height: 48px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-size: 1.6rem;
    font-weight: 700;
    color: #fff;
    background: var(--ktpay-accent);
  }
  .failure .result-icon {
    background: var(--ktpay-danger);
  }
  .result-title {
    margin: 0 0 var(--ktpay-spacing);
    font-size: 1.2rem;
  }
  .receipt {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.4em 1em;
    text-align: start;
    margin: 0 0 var(--ktpay-spacing);
  }
  .receipt dt {
    color: var(--ktpay-muted);
  }
  .receipt dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .hint,
  .code,
  .fields {
    color: var(--ktpay-muted);
    text-align: start;
  }
  .code,
  .error-type {
    font-size: 0.85em;
  }
  .error-type {
    color: var(--ktpay-muted);
    margin: 0;
  }
  .actions {
    display: flex;
    gap: 0.75em;
    justify-content: center;
    flex-wrap: wrap;
    margin-top: var(--ktpay-spacing);
  }
  .actions button {
    padding: 0.65em 1.4em;
    border: 1px solid var(--ktpay-accent);
  }
  .actions .primary {
    background: var(--ktpay-accent);
    color: var(--ktpay-accent-text);
  }
  .actions .secondary {
    background: transparent;
    color: var(--ktpay-text);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
    .frame {
      transition: none;
    }
  }
`;
