import type { KtpayFailedDetail } from '../events.js';
import { acquirerErrorText, apiErrorText, epayReasonText, normalizeAcquirerCode } from '../i18n/catalog.js';
import type { ErrorText, Messages } from '../i18n/messages.js';
import type { Failure } from '../core/failure.js';

/** KTPay's validation keys (`order.amount`, `order_id`, …) named as the merchant's attributes. */
function attributeOf(field: string): string {
  const name = field.replace(/^(order|user)\./, '').replace(/^service\./, '');
  const known: Record<string, string> = {
    order_id: 'order-id',
    service_id: 'service-id',
    contract_value: 'contract-value',
    merchant_user_id: 'merchant-user-id',
    app_id: 'app-id',
    show_close_button: 'show-close-button',
  };
  return known[name] ?? name.replace(/_/g, '-');
}

/** A failure in words: what `ktpay:failed` carries and the result view shows. */
export function describeFailure(failure: Failure, messages: Messages): Omit<KtpayFailedDetail, 'orderId'> {
  const { ui } = messages;
  const withText = (code: KtpayFailedDetail['code'], text: ErrorText) => ({
    source: failure.source,
    code,
    message: text.message,
    ...(text.hint ? { hint: text.hint } : {}),
  });

  switch (failure.source) {
    case 'validation': {
      const fields: Record<string, string[]> = {};
      for (const [field, problems] of Object.entries(failure.fields)) {
        fields[field] = (problems ?? []).map((problem) => ui.validation.problems[problem]);
      }
      return { ...withText(null, failure.alreadyPaid ? ui.alreadyPaid : ui.validation), fields };
    }
    case 'network': {
      const { network } = ui;
      const text =
        failure.reason === 'http'
          ? network.http(failure.status ?? 0)
          : failure.reason === 'bad-answer'
            ? network.badAnswer
            : network[failure.reason];
      return withText(null, text);
    }
    case 'crypto':
      return withText(null, ui.crypto[failure.reason]);
    case 'api': {
      const known = failure.code === null ? undefined : apiErrorText(messages, failure.code);
      let text: ErrorText;
      if (known) text = known;
      else if (failure.pageOrigin) text = ui.pageElsewhere;
      else if (failure.code === null && !failure.serverMessage) text = ui.declinedWithoutCode;
      else {
        // Not in our catalog: our generic words, KTPay's own (shown as text) as the hint.
        text = ui.unknownApiError(failure.code);
        if (failure.serverMessage) text = { ...text, hint: failure.serverMessage };
      }
      const detail = withText(failure.code, text);
      if (!failure.validation) return detail;
      const fields: Record<string, string[]> = {};
      for (const [field, list] of Object.entries(failure.validation)) (fields[attributeOf(field)] ??= []).push(...list);
      return { ...detail, fields };
    }
    case 'auth':
      return withText(null, failure.reason === 'http' ? ui.auth.http(failure.status) : ui.auth[failure.reason]);
    case 'acquirer': {
      const { code } = failure;
      if (code === null) return withText(null, ui.declinedWithoutCode);
      // ePay's reason codes share none with the acquirer catalog (see describeError), so a code it
      // lacks is looked up there; ePay's 0 is its success, never the words of a failure.
      const epay = normalizeAcquirerCode(code) === '0' ? undefined : epayReasonText(messages, code);
      return withText(code, acquirerErrorText(messages, code) ?? epay ?? ui.unknownAcquirerError(code));
    }
  }
}

/** The localized name of the seed's `error_type` (ERROR_PAYMENT, ERROR_INPUT, ERROR_SYSTEM), if known. */
export function errorTypeName(failure: Failure, messages: Messages): string | undefined {
  const type = 'errorType' in failure ? failure.errorType : undefined;
  const names: Record<string, string> = messages.ui.errorTypes;
  return type !== undefined && Object.hasOwn(names, type) ? names[type] : undefined;
}
