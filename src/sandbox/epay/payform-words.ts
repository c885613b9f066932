import type { Lang } from '../../i18n/messages.js';

/** The sandbox form's own words (it plays Halyk's page, which speaks the payment's `language`). */
export const PAYFORM_WORDS: Record<Lang, Record<'number' | 'expiry' | 'name' | 'password' | 'pay' | 'hint' | 'paid' | 'declined' | 'back' | 'noPayment', string>> = {
  ru: {
    number: 'Номер карты',
    expiry: 'Срок',
    name: 'Имя владельца',
    password: 'Пароль 3-D Secure',
    pay: 'Оплатить',
    hint: 'Тестовая карта 4111 1111 1111 1111, CVV 123, пароль 12345678. Имя «CODE 457» даёт код отказа 457.',
    paid: 'Оплата прошла',
    declined: 'Платёж отклонён',
    back: 'Вернуться в магазин',
    noPayment: 'Нет данных платежа.',
  },
  kk: {
    number: 'Карта нөмірі',
    expiry: 'Мерзімі',
    name: 'Карта иесінің аты',
    password: '3-D Secure құпиясөзі',
    pay: 'Төлеу',
    hint: 'Тест картасы 4111 1111 1111 1111, CVV 123, құпиясөз 12345678. «CODE 457» аты 457 бас тарту кодын береді.',
    paid: 'Төлем өтті',
    declined: 'Төлем қабылданбады',
    back: 'Дүкенге оралу',
    noPayment: 'Төлем деректері жоқ.',
  },
  en: {
    number: 'Card number',
    expiry: 'Expiry',
    name: 'Cardholder name',
    password: '3-D Secure password',
    pay: 'Pay',
    hint: 'Test card 4111 1111 1111 1111, CVV 123, password 12345678. The name "CODE 457" gives reason code 457.',
    paid: 'Payment successful',
    declined: 'Payment declined',
    back: 'Back to the shop',
    noPayment: 'No payment data.',
  },
};
