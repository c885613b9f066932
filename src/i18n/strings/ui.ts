import { str, type MsgFn } from '@lit/localize';
import type { UiStrings } from '../messages.js';

/**
 * The interface's words, in Russian (the source locale). `t` is a `msg` bound to one language (see
 * `translator.ts`); typed `MsgFn`, so `lit-localize extract` finds every call and puts it in the
 * XLIFF files under `xliff/`. Ids are stable names, so a reworded Russian text keeps its
 * translations until a translator updates them.
 */
export function uiStrings(t: MsgFn): UiStrings {
  return {
    title: t('Оплата картой', { id: 'ui.title', desc: "The modal's title and accessible name." }),
    close: t('Закрыть', { id: 'ui.close' }),
    steps: {
      sending: t('Отправка параметров транзакции', { id: 'ui.step.sending', desc: 'Loading steps of the KTWidget guide.' }),
      creating: t('Создание транзакции', { id: 'ui.step.creating' }),
      acquirer: t('Получение параметров эквайринга', { id: 'ui.step.acquirer' }),
      opening: t('Открытие страницы оплаты', { id: 'ui.step.opening' }),
    },
    paymentFrameTitle: t('Страница оплаты банка', { id: 'ui.frame-title', desc: "The payment iframe's title." }),
    successTitle: t('Оплата прошла успешно', { id: 'ui.success-title' }),
    failedTitle: t('Оплата не прошла', { id: 'ui.failed-title' }),
    amount: t('Сумма', { id: 'ui.amount' }),
    order: t('Заказ', { id: 'ui.order' }),
    transaction: t('Транзакция', { id: 'ui.transaction' }),
    status: t('Статус', { id: 'ui.status', desc: "Label of the transaction's status in the receipt." }),
    continue: t('Продолжить', { id: 'ui.continue' }),
    receipt: t('Чек об оплате (PDF)', { id: 'ui.receipt', desc: "Link in the success view: KTPay's PDF receipt of the transaction, opened in a new tab." }),
    tryAgain: t('Попробовать снова', { id: 'ui.try-again' }),
    statuses: {
      pending: t('Ожидает оплаты', { id: 'ui.status.pending', desc: 'Transaction statuses (seed 000, «Статусы транзакции»).' }),
      authorized: t('Авторизована', { id: 'ui.status.authorized', desc: 'Money held on the card, not yet cleared.' }),
      success: t('Успешна', { id: 'ui.status.success' }),
      error: t('Ошибка', { id: 'ui.status.error' }),
      denied: t('Отклонена', { id: 'ui.status.denied' }),
      completed: t('Завершена', { id: 'ui.status.completed', desc: 'Paid and cleared.' }),
    },
    errorTypes: {
      ERROR_PAYMENT: t('Ошибка при проведении платежа', { id: 'ui.error-type.payment' }),
      ERROR_INPUT: t('Ошибка ввода данных карты', { id: 'ui.error-type.input' }),
      ERROR_SYSTEM: t('Системная ошибка KTPay', { id: 'ui.error-type.system' }),
    },
    validation: {
      message: t('Платёж не может быть создан: в настройках оплаты магазина есть ошибки.', { id: 'ui.validation.message' }),
      hint: t('Сообщите об этом магазину. Владельцу сайта: исправьте параметры, указанные ниже.', {
        id: 'ui.validation.hint',
      }),
      fieldsLabel: t('Параметры с ошибками', { id: 'ui.validation.fields-label' }),
      problems: {
        required: t('Обязательный параметр не задан.', { id: 'ui.problem.required' }),
        amount: t('Сумма должна быть числом больше 0, не более двух знаков после точки.', { id: 'ui.problem.amount' }),
        type: t('Тип должен быть «ecom» или «service».', { id: 'ui.problem.type' }),
        'service-id': t('Идентификатор сервиса должен быть целым положительным числом.', { id: 'ui.problem.service-id' }),
        'app-key': t('Ключ должен быть base64-записью открытого ключа длиной 32 байта.', { id: 'ui.problem.app-key' }),
        url: t('Нужен полный адрес, начинающийся с http:// или https://.', { id: 'ui.problem.url' }),
        email: t('Некорректный адрес электронной почты.', { id: 'ui.problem.email' }),
        timeout: t('Время ожидания должно быть положительным числом секунд.', { id: 'ui.problem.timeout' }),
        mode: t('Режим должен быть «modal» или «redirect».', { id: 'ui.problem.mode' }),
        'already-paid': t('Заказ с этим номером уже оплачен на этой странице.', { id: 'ui.problem.already-paid' }),
        provider: t('Провайдер должен быть «ktpay» или «epay».', { id: 'ui.problem.provider' }),
        'invoice-id': t('Для Halyk ePay номер заказа — только цифры, от 6 до 15.', { id: 'ui.problem.invoice-id' }),
        currency: t('Валюта — трёхбуквенный код ISO 4217, например KZT.', { id: 'ui.problem.currency' }),
        'epay-operation': t('Операция должна быть «pay» или «p2p».', { id: 'ui.problem.epay-operation' }),
      },
    },
    network: {
      offline: {
        message: t('Нет подключения к интернету.', { id: 'ui.network.offline' }),
        hint: t('Проверьте подключение и попробуйте снова.', { id: 'ui.hint.check-connection' }),
      },
      timeout: {
        message: t('Сервер оплаты не ответил вовремя.', { id: 'ui.network.timeout' }),
        hint: t('Попробуйте снова через минуту.', { id: 'ui.network.timeout.hint' }),
      },
      unreachable: {
        message: t('Не удалось связаться с сервером оплаты.', { id: 'ui.network.unreachable' }),
        hint: t('Проверьте подключение и попробуйте снова.', { id: 'ui.hint.check-connection' }),
      },
      http: (status) => ({
        message: t(str`Сервер оплаты ответил ошибкой (HTTP ${status}).`, { id: 'ui.network.http' }),
        hint: t('Попробуйте снова позже.', { id: 'ui.network.http.hint' }),
      }),
      busy: {
        message: t('Сервер оплаты получил слишком много запросов.', { id: 'ui.network.busy' }),
        hint: t('Подождите минуту и попробуйте снова.', { id: 'ui.network.busy.hint' }),
      },
      badAnswer: {
        message: t('Сервер оплаты вернул непонятный ответ.', { id: 'ui.network.bad-answer' }),
        hint: t('Попробуйте снова позже или обратитесь в магазин.', { id: 'ui.network.bad-answer.hint' }),
      },
      'unverified-form': {
        message: t('Форма оплаты банка открылась не так, как ожидалось, и закрыта из соображений безопасности.', {
          id: 'ui.network.unverified-form',
          desc: "Halyk ePay's script showed its widget without the one payment frame the element can check, so the element took it down.",
        }),
        hint: t('Обратитесь в магазин. Владельцу сайта: epay-script-url должен указывать на payment-api.js Halyk ePay.', {
          id: 'ui.network.unverified-form.hint',
        }),
      },
      'trusted-types': {
        message: t('Политика безопасности страницы (Trusted Types) не разрешает загрузить платёжный скрипт банка.', {
          id: 'ui.network.trusted-types',
          desc: "Halyk ePay: the page enforces Trusted Types and its trusted-types directive does not list the element's policy.",
        }),
        hint: t('Владельцу сайта: добавьте ktpay-checkout в директиву trusted-types заголовка Content-Security-Policy.', {
          id: 'ui.network.trusted-types.hint',
        }),
      },
    },
    alreadyPaid: {
      message: t('Этот заказ уже оплачен.', { id: 'ui.already-paid' }),
      hint: t('Повторная оплата не нужна. Для новой покупки оформите новый заказ.', { id: 'ui.already-paid.hint' }),
    },
    fallback: {
      prompt: t('Страница оплаты не открывается?', {
        id: 'ui.fallback.prompt',
        desc: 'Shown under the payment frame when the page gives no sign of life.',
      }),
      link: t('Открыть её в этом окне', { id: 'ui.fallback.link', desc: 'Link: opens the payment page in the whole window.' }),
    },
    redirecting: t('Переход на страницу оплаты…', { id: 'ui.redirecting', desc: 'mode="redirect": the page leaves for the payment page.' }),
    crypto: {
      csp: {
        message: t(
          'Политика безопасности страницы (CSP) запрещает WebAssembly, без которого данные платежа нельзя зашифровать.',
          { id: 'ui.crypto.csp' },
        ),
        hint: t("Владельцу сайта: добавьте 'wasm-unsafe-eval' в директиву script-src заголовка Content-Security-Policy.", {
          id: 'ui.crypto.csp.hint',
        }),
      },
      timeout: {
        message: t('Модуль шифрования не загрузился вовремя.', { id: 'ui.crypto.timeout' }),
        hint: t('Проверьте подключение и попробуйте снова.', { id: 'ui.hint.check-connection' }),
      },
      load: {
        message: t('Не удалось загрузить модуль шифрования.', { id: 'ui.crypto.load' }),
        hint: t(
          'Проверьте подключение и попробуйте снова. Владельцу сайта: файлы виджета должны лежать рядом с ktpay-checkout.js и быть разрешены в script-src.',
          { id: 'ui.crypto.load.hint' },
        ),
      },
    },
    unknownApiError: (code) => ({
      message:
        code === null
          ? t('Сервер оплаты вернул ошибку.', { id: 'ui.api-unknown' })
          : t(str`Сервер оплаты вернул ошибку с кодом ${code}.`, { id: 'ui.api-unknown.with-code' }),
      hint: t('Попробуйте позже или обратитесь в тех. поддержку с указанием кода ошибки.', { id: 'ui.api-unknown.hint' }),
    }),
    unknownAcquirerError: (code) => ({
      message: t(str`Банк отклонил платёж (код ${code}).`, { id: 'ui.acquirer-unknown' }),
      hint: t('Для уточнения причины обратитесь по контактам, указанным на обратной стороне вашей карты.', {
        id: 'ui.acquirer-unknown.hint',
      }),
    }),
    pageElsewhere: {
      message: t('Сервер оплаты указал страницу оплаты на незнакомом адресе. Из соображений безопасности она не открыта.', {
        id: 'ui.page-elsewhere',
        desc: "KTPay's answer named a payment page outside KTPay's widget (or widget-url) origin.",
      }),
      hint: t('Попробуйте снова позже или обратитесь в магазин.', { id: 'ui.network.bad-answer.hint' }),
    },
    auth: {
      'unknown-order': {
        message: t('Магазин не нашёл этот заказ.', { id: 'ui.auth.unknown-order' }),
        hint: t('Обновите страницу и оформите заказ заново.', { id: 'ui.auth.unknown-order.hint' }),
      },
      amount: {
        message: t('Сумма на странице не совпадает с суммой заказа в магазине.', { id: 'ui.auth.amount' }),
        hint: t('Обновите страницу: вы оплатите сумму, которую назначил магазин.', { id: 'ui.auth.amount.hint' }),
      },
      http: (status) => ({
        message: t(str`Сервер магазина не смог подготовить оплату (HTTP ${status}).`, { id: 'ui.auth.http' }),
        hint: t('Попробуйте снова позже или обратитесь в магазин.', { id: 'ui.network.bad-answer.hint' }),
      }),
      'bad-answer': {
        message: t('Сервер магазина вернул непонятный ответ при подготовке оплаты.', { id: 'ui.auth.bad-answer' }),
        hint: t('Попробуйте снова позже или обратитесь в магазин.', { id: 'ui.network.bad-answer.hint' }),
      },
    },
    declinedWithoutCode: {
      message: t('Платёж отклонён.', { id: 'ui.declined' }),
      hint: t('Попробуйте другую карту или обратитесь в магазин.', { id: 'ui.declined.hint' }),
    },
  };
}
