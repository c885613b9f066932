import { html, nothing, type TemplateResult } from 'lit';
import type { Phase, Receipt } from '../../checkout/checkout-controller.js';
import type { KtpayFailedDetail } from '../../events.js';
import { formatAmount } from '../../i18n/format-amount.js';
import type { Lang, Messages } from '../../i18n/messages.js';

// Pure functions from state to templates: no state, no side effects, so each view can be read
// (and shown in a story) on its own.

const STEPS = ['sending', 'creating', 'acquirer', 'opening'] as const;
const STEP_OF_PHASE: Partial<Record<Phase, number>> = { sealing: 0, creating: 1, acquirer: 2, opening: 3, redirecting: 3 };

/** The current loading step's label, for the live region. */
export function stepLabel(phase: Phase, messages: Messages): string | undefined {
  if (phase === 'redirecting') return messages.ui.redirecting;
  const step = STEP_OF_PHASE[phase];
  return step === undefined ? undefined : messages.ui.steps[STEPS[step]!];
}

export function loadingView(phase: Phase, messages: Messages): TemplateResult {
  const current = STEP_OF_PHASE[phase] ?? STEPS.length;
  return html`<div class="loading" part="loading">
    <div class="spinner" aria-hidden="true"></div>
    <ol class="steps">
      ${STEPS.map((step, index) => {
        const state = index < current ? 'done' : index === current ? 'active' : 'todo';
        return html`<li class=${state} aria-current=${index === current ? 'step' : nothing}>${messages.ui.steps[step]}</li>`;
      })}
    </ol>
  </div>`;
}

/**
 * Offered when the framed payment page shows no sign of life: in the whole window (a link, so it
 * also opens in a new tab), the acquirer's own page where KTPay gave it, else KTPay's; either way a
 * URL that went through `parseHttpUrl`.
 */
export function fallbackView(pageUrl: URL, messages: Messages, onFollow: () => void): TemplateResult {
  return html`<p class="fallback" part="fallback">
    ${messages.ui.fallback.prompt}
    <a href=${pageUrl.href} target="_top" referrerpolicy="origin" part="fallback-link" @click=${onFollow}>${messages.ui.fallback.link}</a>
  </p>`;
}

export interface SuccessViewOptions {
  receipt: Receipt;
  lang: Lang;
  messages: Messages;
  onContinue: () => void;
}

export function successView({ receipt, lang, messages: { ui }, onContinue }: SuccessViewOptions): TemplateResult {
  return html`<section class="result success" part="result">
    <div class="result-icon" aria-hidden="true">✓</div>
    <h3 class="result-title">${ui.successTitle}</h3>
    <dl class="receipt">
      <dt>${ui.amount}</dt>
      <dd class="amount">${formatAmount(receipt.amount, lang)}</dd>
      <dt>${ui.order}</dt>
      <dd class="order">${receipt.orderId}</dd>
      <dt>${ui.status}</dt>
      <dd class="status">${ui.statuses[receipt.status]}</dd>
      ${receipt.transactionHash
        ? html`<dt>${ui.transaction}</dt>
            <dd class="hash">${receipt.transactionHash}</dd>`
        : nothing}
    </dl>
    ${receipt.receiptUrl
      ? html`<p class="receipt-link"><a href=${receipt.receiptUrl.href} target="_blank" rel="noopener" referrerpolicy="origin" part="receipt-link">${ui.receipt}</a></p>`
      : nothing}
    <div class="actions">
      <button type="button" part="action continue" class="primary" @click=${onContinue}>${ui.continue}</button>
    </div>
  </section>`;
}

export interface FailureViewOptions {
  detail: Omit<KtpayFailedDetail, 'orderId'>;
  /** The localized name of KTPay's error type, when the page gave one. */
  errorType?: string | undefined;
  messages: Messages;
  retryable: boolean;
  /** Continue goes to the merchant's URL; otherwise the button just closes. */
  leavesPage: boolean;
  onRetry: () => void;
  onContinue: () => void;
}

export function failureView(options: FailureViewOptions): TemplateResult {
  const { detail, errorType, messages: { ui }, retryable, leavesPage, onRetry, onContinue } = options;
  const fields = Object.entries(detail.fields ?? {});
  return html`<section class="result failure" part="result">
    <div class="result-icon" aria-hidden="true">!</div>
    <h3 class="result-title">${ui.failedTitle}</h3>
    ${errorType ? html`<p class="error-type">${errorType}</p>` : nothing}
    <p class="message">${detail.message}</p>
    ${detail.hint ? html`<p class="hint">${detail.hint}</p>` : nothing}
    ${fields.length > 0
      ? html`<div class="fields">
          <p class="fields-label">${ui.validation.fieldsLabel}</p>
          <ul>
            ${fields.map(([field, problems]) => html`<li><code>${field}</code>: ${problems.join(' ')}</li>`)}
          </ul>
        </div>`
      : nothing}
    ${detail.code !== null ? html`<p class="code"><code>${detail.code}</code></p>` : nothing}
    <div class="actions">
      ${retryable ? html`<button type="button" part="action retry" class="primary" @click=${onRetry}>${ui.tryAgain}</button>` : nothing}
      <button type="button" part="action continue" class=${retryable ? 'secondary' : 'primary'} @click=${onContinue}>
        ${leavesPage ? ui.continue : ui.close}
      </button>
    </div>
  </section>`;
}
