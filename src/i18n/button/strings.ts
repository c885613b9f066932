import type { MsgFn } from '@lit/localize';

/**
 * The only words on the page's initial path: what the pay button says before anyone touches it,
 * and what the page is told if the rest of the checkout then fails to load. Everything else the
 * modal says loads with the modal (`strings/`). A separate lit-localize config
 * (`lit-localize.button.json`, `xliff/button/`), so each language's button words are a chunk of
 * their own. Plain strings only: `button/words.ts` looks them up without @lit/localize's runtime.
 */
export interface ButtonStrings {
  /** The pay button's label when the merchant put nothing in its slot. */
  pay: string;
  /** The checkout's code did not load (offline, blocked): nothing was sent. */
  unavailable: string;
}

export function buttonStrings(t: MsgFn): ButtonStrings {
  return {
    pay: t('Оплатить', { id: 'ui.pay', desc: 'The pay button, when the merchant gave it no label.' }),
    unavailable: t('Не удалось загрузить форму оплаты. Проверьте подключение к интернету и попробуйте снова.', {
      id: 'ui.unavailable',
      desc: "The checkout's code did not load after Pay; nothing was sent.",
    }),
  };
}
