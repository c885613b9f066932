import type { MsgFn, TemplateMap } from '@lit/localize';
// @lit/localize's own lookup: by id, with `str` placeholders put back in the translator's order.
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { Messages } from './messages.js';
import { acquirerErrors } from './strings/acquirer-errors.js';
import { apiErrors } from './strings/api-errors.js';
import { epayReasons } from './strings/epay-reasons.js';
import { uiStrings } from './strings/ui.js';

/**
 * A `msg` bound to one language. @lit/localize's global `msg` follows one locale per page, set
 * once by `configureLocalization`; a widget on someone else's page must not take that over (the
 * host may localize itself with it) and two elements may speak two languages. So we never
 * configure it: each language gets its own `msg` over its generated templates (`undefined` for
 * Russian, the source locale, whose words are the defaults in `strings/`).
 */
export function translator(templates?: TemplateMap): MsgFn {
  return ((template, options) => runtimeMsg(templates, template, options)) as MsgFn;
}

const built = new Map<TemplateMap | undefined, Messages>();

/**
 * All the words of one language: `undefined` for Russian, else a generated module's templates.
 * Built once per page and language, whether the templates came lazily (the element) or eagerly
 * (`describeError`): both get the same module, so the same object.
 */
export function messagesOf(templates?: TemplateMap): Messages {
  let messages = built.get(templates);
  if (!messages) {
    const t = translator(templates);
    messages = {
      ui: uiStrings(t),
      apiErrors: apiErrors(t),
      acquirerErrors: acquirerErrors(t),
      epayReasons: epayReasons(t),
    };
    built.set(templates, messages);
  }
  return messages;
}
