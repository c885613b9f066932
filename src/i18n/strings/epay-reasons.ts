import type { MsgFn } from '@lit/localize';
import type { EpayReasons } from '../messages.js';

/**
 * Halyk ePay's own reason codes: the `reasonCode` of its postLink (seed 003) and of its status
 * API, in our words for the buyer (what happened; in the hint, what to do). Not the acquirer
 * catalog of seed 000 (`acquirer-errors.ts`): ePay's codes are 0 and three-digit 454 … 529, and
 * none of them is a code of that catalog (see `describeError`).
 *
 * Where each meaning comes from (read there, worded here; nothing copied):
 * - docs: ePay's table «Коды ошибок», https://epayment.kz/docs/kody-oshibok (also /kk/ and
 *   /en-US/): 0 and 454 … 479 (no 474); 454 is the one code that is not final.
 * - go: a public Go client of ePay (`package epay`, its status-description switch): 454 … 473,
 *   475 … 503, 521 … 529.
 * - ts: a public TypeScript shop backend's ePay error map: most of the same codes, grouped by kind.
 * «uncertain» marks a code whose sources disagree; we took the reading of most of them.
 * Left out, so the generic message that shows the code covers them: 474 (in no source);
 * 500 and 503 (go: server not responding; ts: 3-D Secure unavailable / required); 504 … 520
 * (in no source); other codes of the ts map (877, 1267 …, 2357 …): not this table's.
 * A negative code (seed 003's example failure carries -498) is not read as its positive twin.
 */
export function epayReasons(t: MsgFn): EpayReasons {
  const callBank = t('Чтобы узнать причину, позвоните в банк по номеру на обратной стороне карты.', {
    id: 'epay-reason.hint.call-bank',
  });
  const bankOrOtherCard = t('Обратитесь в банк, выпустивший карту, или воспользуйтесь другой картой.', {
    id: 'epay-reason.hint.bank-or-other-card',
  });
  const contactBank = t('Обратитесь в банк, выпустивший карту.', { id: 'epay-reason.hint.contact-bank' });
  const otherCard = t('Воспользуйтесь другой картой.', { id: 'epay-reason.hint.other-card' });
  const tryLater = t('Попробуйте оплатить позже.', { id: 'epay-reason.hint.try-later' });
  const checkCard = t('Проверьте данные карты и попробуйте ещё раз.', { id: 'epay-reason.hint.check-card' });
  const resetSecureCode = t(
    'Попробуйте ещё раз. Если ошибка повторяется, переустановите код 3-D Secure в своём банке.',
    { id: 'epay-reason.hint.reset-3ds' },
  );
  return [
    // docs, go: success.
    [['0'], { message: t('Оплата прошла успешно.', { id: 'epay-reason.0' }) }],
    // docs (not final: ask the status API), go, ts.
    [
      ['454'],
      {
        message: t('Результат оплаты ещё не известен.', { id: 'epay-reason.454' }),
        hint: t(
          'Не платите повторно: проверьте, не заблокирована ли сумма на карте, и дождитесь подтверждения заказа от магазина.',
          { id: 'epay-reason.454.hint' },
        ),
      },
    ],
    // docs, go, ts.
    [
      ['455'],
      {
        message: t('Проверка 3-D Secure недоступна, либо номер карты введён неверно.', { id: 'epay-reason.455' }),
        hint: t(
          'Проверьте номер карты или попробуйте другой браузер или устройство. Если ошибка повторяется, переустановите код 3-D Secure в своём банке.',
          { id: 'epay-reason.455.hint' },
        ),
      },
    ],
    // uncertain: docs ru/en «system error, contact the company»; docs kk and go «this card cannot pay».
    [
      ['456'],
      {
        message: t('Оплата по этой карте сейчас невозможна.', { id: 'epay-reason.456' }),
        hint: t('Попробуйте позже или воспользуйтесь другой картой. Если ошибка повторяется, обратитесь в магазин.', {
          id: 'epay-reason.456.hint',
        }),
      },
    ],
    // docs, go, ts: expiry date entered wrong.
    [
      ['457'],
      {
        message: t('Срок действия карты введён неверно.', { id: 'epay-reason.457' }),
        hint: t('Введите месяц и год так, как они указаны на карте, и попробуйте ещё раз.', { id: 'epay-reason.457.hint' }),
      },
    ],
    // 458: docs, go, ts; 497, 502: go, ts.
    [['458', '497', '502'], { message: t('Сервер не отвечает.', { id: 'epay-reason.458' }), hint: tryLater }],
    // uncertain: docs ru/en and ts «check the card number»; docs kk and go «server not responding».
    [
      ['459'],
      {
        message: t('Номер карты не распознан.', { id: 'epay-reason.459' }),
        hint: t('Проверьте, что номер карты введён верно и в поле для номера карты, и попробуйте ещё раз.', {
          id: 'epay-reason.459.hint',
        }),
      },
    ],
    // docs, go, ts: the amount may be held on the card.
    [
      ['460'],
      {
        message: t('Произошла ошибка, сумма могла заблокироваться на карте.', { id: 'epay-reason.460' }),
        hint: t('Прежде чем платить снова, обратитесь в службу поддержки.', { id: 'epay-reason.460.hint' }),
      },
    ],
    // 461: docs, go, ts; 496, 526: go, ts.
    [
      ['461', '496', '526'],
      {
        message: t('Системная ошибка.', { id: 'epay-reason.461' }),
        hint: t('Попробуйте оплатить позже. Если ошибка повторяется, обратитесь в службу поддержки.', {
          id: 'epay-reason.461.hint',
        }),
      },
    ],
    // 462, 463, 466: docs, go, ts; 480 («call the issuer»), 521, 523, 527: go, ts.
    [
      ['462', '463', '466', '480', '521', '523', '527'],
      { message: t('Ваш банк отклонил платёж.', { id: 'epay-reason.462' }), hint: callBank },
    ],
    // docs, go, ts: invalid merchant (the shop's terminal, not the buyer's card).
    [
      ['464'],
      {
        message: t('Магазин сейчас не может принимать оплату картой.', { id: 'epay-reason.464' }),
        hint: t('Дело не в вашей карте: сообщите о проблеме магазину.', { id: 'epay-reason.464.hint' }),
      },
    ],
    // 465, 467, 479: docs, go, ts (restricted / disabled card); 489: go, ts.
    [['465', '467', '479', '489'], { message: t('Карта заблокирована.', { id: 'epay-reason.465' }), hint: bankOrOtherCard }],
    // docs (en), go, ts.
    [
      ['468'],
      { message: t('Банк требует дополнительной идентификации.', { id: 'epay-reason.468' }), hint: contactBank },
    ],
    // docs (en), go, ts: invalid transaction, check what was entered.
    [['469'], { message: t('Недействительная операция.', { id: 'epay-reason.469' }), hint: checkCard }],
    // docs (en: invalid amount), go and ts (amount is zero).
    [
      ['470'],
      {
        message: t('Недопустимая сумма платежа.', { id: 'epay-reason.470' }),
        hint: t('Сумму задаёт магазин: обратитесь в магазин.', { id: 'epay-reason.470.hint' }),
      },
    ],
    // docs (en: no such card), go, ts (invalid card number).
    [
      ['471', '472'],
      {
        message: t('Карта с таким номером не найдена.', { id: 'epay-reason.471' }),
        hint: t('Проверьте номер карты и попробуйте ещё раз.', { id: 'epay-reason.471.hint' }),
      },
    ],
    // 473: docs, go, ts (3-D Secure failed); 499: go, ts (not entered or wrong).
    [
      ['473', '499'],
      { message: t('Код 3-D Secure не введён или введён неверно.', { id: 'epay-reason.473' }), hint: resetSecureCode },
    ],
    // docs (en: invalid response), go, ts: unsuccessful, try again.
    [
      ['475'],
      {
        message: t('Платёж не прошёл.', { id: 'epay-reason.475' }),
        hint: t('Попробуйте ещё раз.', { id: 'epay-reason.475.hint' }),
      },
    ],
    // go, ts (docs en: no action taken): a retry only after 30 minutes.
    [['476'], { message: t('Повторить оплату можно не раньше чем через 30 минут.', { id: 'epay-reason.476' }) }],
    // go, ts (docs en: format error): use another card.
    [
      ['477'],
      {
        message: t('Оплатить этой картой не удалось.', { id: 'epay-reason.477' }),
        hint: t('Воспользуйтесь другой картой. Если её нет, обратитесь в службу поддержки.', { id: 'epay-reason.477.hint' }),
      },
    ],
    // 478: docs, go, ts; 485: go, ts.
    [['478', '485'], { message: t('Срок действия карты истёк.', { id: 'epay-reason.478' }), hint: otherCard }],
    // go, ts: card not valid (481, 482: ask the bank for a new one).
    [['481', '482', '524', '525'], { message: t('Карта недействительна.', { id: 'epay-reason.481' }), hint: bankOrOtherCard }],
    // go, ts.
    [['483'], { message: t('Карта числится украденной.', { id: 'epay-reason.483' }), hint: contactBank }],
    // go, ts.
    [
      ['484'],
      {
        message: t('Недостаточно средств на карте.', { id: 'epay-reason.484' }),
        hint: t('Пополните карту или воспользуйтесь другой картой.', { id: 'epay-reason.484.hint' }),
      },
    ],
    // go, ts.
    [
      ['486'],
      {
        message: t('Покупки в интернете по этой карте запрещены, либо данные карты введены неверно.', {
          id: 'epay-reason.486',
        }),
        hint: t('Проверьте данные карты. Разрешить оплату в интернете можно в вашем банке.', { id: 'epay-reason.486.hint' }),
      },
    ],
    // go, ts.
    [
      ['487'],
      {
        message: t('Платёжная система отклонила платёж.', { id: 'epay-reason.487' }),
        hint: t('Обратитесь в службу поддержки.', { id: 'epay-reason.487.hint' }),
      },
    ],
    // go, ts.
    [
      ['488'],
      {
        message: t('Сумма превышает лимит по карте.', { id: 'epay-reason.488' }),
        hint: t('Измените лимит в своём банке или воспользуйтесь другой картой.', { id: 'epay-reason.488.hint' }),
      },
    ],
    // go, ts.
    [['490'], { message: t('Банк запретил операции по вашей карте.', { id: 'epay-reason.490' }), hint: callBank }],
    // go, ts.
    [
      ['491'],
      {
        message: t('Превышен лимит количества оплат по карте.', { id: 'epay-reason.491' }),
        hint: t('Попробуйте позже или воспользуйтесь другой картой.', { id: 'epay-reason.491.hint' }),
      },
    ],
    // go, ts.
    [
      ['492'],
      {
        message: t('Карта заблокирована из-за неверного ввода PIN-кода.', { id: 'epay-reason.492' }),
        hint: t('Позвоните в банк по номеру на обратной стороне карты.', { id: 'epay-reason.492.hint' }),
      },
    ],
    // go, ts.
    [['493', '494'], { message: t('Банк, выпустивший карту, недоступен.', { id: 'epay-reason.493' }), hint: tryLater }],
    // go, ts.
    [['495'], { message: t('Операция по этой карте запрещена.', { id: 'epay-reason.495' }), hint: otherCard }],
    // go, ts: paying with bonuses is not possible now.
    [['498'], { message: t('Оплата бонусами сейчас невозможна.', { id: 'epay-reason.498' }), hint: tryLater }],
    // go, ts.
    [
      ['501'],
      {
        message: t('Ошибка обслуживания карты.', { id: 'epay-reason.501' }),
        hint: t('Проверьте номер карты. Если ошибка повторяется, обратитесь в службу поддержки.', {
          id: 'epay-reason.501.hint',
        }),
      },
    ],
    // go, ts: record not found, check the card.
    [['522'], { message: t('Данные карты не найдены.', { id: 'epay-reason.522' }), hint: checkCard }],
    // go, ts: a transfer (P2P) over the recipient card's daily limit.
    [
      ['528'],
      {
        message: t('Превышен суточный лимит переводов на карту получателя.', { id: 'epay-reason.528' }),
        hint: t('Укажите другую карту получателя.', { id: 'epay-reason.528.hint' }),
      },
    ],
    // go, ts: the daily limit of the shop's terminal.
    [
      ['529'],
      {
        message: t('Достигнут суточный лимит платежей магазина.', { id: 'epay-reason.529' }),
        hint: t('Попробуйте оплатить позже или обратитесь в магазин.', { id: 'epay-reason.529.hint' }),
      },
    ],
  ];
}
