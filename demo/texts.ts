// The page's own words in its three languages (the element brings its own for the modal).
import type { KtpayFailureSource } from '../src/events.js';
import { allMessages } from '../src/i18n/all-messages.js';
import type { Lang } from './cart.js';

const books = (lang: Lang, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) => (n: number) =>
  `${n} ${forms[new Intl.PluralRules(lang).select(n)] ?? forms.other}`;

const ru = {
  tagline: 'Казахская литература с доставкой по Алматы',
  sandbox: 'Песочница: без реальных денег',
  provider: 'Платёжный сервис',
  cart: 'Корзина',
  summary: 'Ваш заказ',
  each: (price: string) => `${price} за шт.`,
  quantity: (title: string) => `Количество: ${title}`,
  decrease: (title: string) => `Уменьшить количество: ${title}`,
  increase: (title: string) => `Увеличить количество: ${title}`,
  remove: 'Удалить',
  removeLabel: (title: string) => `Удалить из корзины: ${title}`,
  books: books('ru', { one: 'книга', few: 'книги', many: 'книг', other: 'книги' }),
  delivery: 'Доставка по Алматы',
  free: 'бесплатно',
  freeFrom: (sum: string) => `Бесплатная доставка от ${sum}`,
  total: 'К оплате',
  pay: (sum: string) => `Оплатить ${sum}`,
  empty: 'Корзина пуста. Добавьте книгу, чтобы оплатить заказ.',
  refill: 'Вернуть книги в корзину',
  paid: (id: string) => `Заказ ${id} оплачен`,
  status: (status: string) => `Статус платежа: ${status}.`,
  waiting: 'Мы отправим книги, когда сервер магазина получит подтверждение от KTPay: оно появится в таблице заказов ниже.',
  failed: 'Оплата не прошла',
  failedWhere: (source: string, code: string) => `Источник ошибки: ${source}${code ? `, код ошибки: ${code}` : ''}.`,
  /** Where a failure came from, named for a buyer (the event's `source`). */
  sources: {
    validation: 'настройки оплаты магазина',
    network: 'связь с сервером оплаты',
    crypto: 'шифрование в браузере',
    api: 'сервер оплаты',
    acquirer: 'банк',
    auth: 'сервер магазина',
  } satisfies Record<KtpayFailureSource, string> as Record<KtpayFailureSource, string>,
  kept: 'Корзина сохранена: попробуйте ещё раз или другой картой.',
  cancelled: 'Оплата отменена, корзина сохранена.',
  checking: (id: string) => `Окно оплаты закрыто до ответа банка. Спрашиваем сервер магазина, оплачен ли заказ ${id}…`,
  notPaid: 'Заказ не оплачен, корзина сохранена: можно оплатить снова.',
  unconfirmed: 'Сервер магазина пока не получил ответ по этому заказу. Если деньги списаны, заказ появится в таблице ниже; иначе можно оплатить снова.',
};

/** A transaction status (`completed`…) in the element's own words in `lang`; the token itself if it has none. */
export function statusName(status: string, lang: Lang): string {
  const names: Record<string, string> = allMessages(lang).ui.statuses;
  return Object.hasOwn(names, status) ? names[status]! : status;
}

/** Kazakh and English must say everything Russian says (the type checks it). */
export type Texts = typeof ru;

export const TEXTS: Record<Lang, Texts> = {
  ru,
  kk: {
    tagline: 'Қазақ әдебиеті, Алматы бойынша жеткізу',
    sandbox: 'Тест режимі: нақты ақшасыз',
    provider: 'Төлем қызметі',
    cart: 'Себет',
    summary: 'Тапсырысыңыз',
    each: (price: string) => `${price} / дана`,
    quantity: (title: string) => `Саны: ${title}`,
    decrease: (title: string) => `Санын азайту: ${title}`,
    increase: (title: string) => `Санын көбейту: ${title}`,
    remove: 'Жою',
    removeLabel: (title: string) => `Себеттен жою: ${title}`,
    books: books('kk', { other: 'кітап' }),
    delivery: 'Алматы бойынша жеткізу',
    free: 'тегін',
    freeFrom: (sum: string) => `${sum} және одан жоғары тапсырысқа жеткізу тегін`,
    total: 'Барлығы',
    pay: (sum: string) => `${sum} төлеу`,
    empty: 'Себет бос. Тапсырысты төлеу үшін кітап қосыңыз.',
    refill: 'Кітаптарды себетке қайтару',
    paid: (id: string) => `${id} тапсырысы төленді`,
    status: (status: string) => `Төлем мәртебесі: ${status}.`,
    waiting: 'Дүкен серверіне KTPay растауы келгенде кітаптарды жібереміз: ол төмендегі тапсырыстар кестесінде көрінеді.',
    failed: 'Төлем өтпеді',
    failedWhere: (source: string, code: string) => `Қате көзі: ${source}${code ? `, қате коды: ${code}` : ''}.`,
    sources: {
      validation: 'дүкеннің төлем баптаулары',
      network: 'төлем серверімен қосылым',
      crypto: 'браузердегі шифрлау',
      api: 'төлем сервері',
      acquirer: 'банк',
      auth: 'дүкен сервері',
    },
    kept: 'Себет сақталды: қайталап көріңіз немесе басқа картаны пайдаланыңыз.',
    cancelled: 'Төлем болдырылмады, себет сақталды.',
    checking: (id: string) => `Төлем терезесі банк жауабына дейін жабылды. ${id} тапсырысы төленді ме, дүкен серверінен сұрап жатырмыз…`,
    notPaid: 'Тапсырыс төленбеді, себет сақталды: қайта төлеуге болады.',
    unconfirmed: 'Дүкен сервері бұл тапсырыс бойынша әлі жауап алған жоқ. Ақша алынса, тапсырыс төмендегі кестеде пайда болады; әйтпесе қайта төлеуге болады.',
  },
  en: {
    tagline: 'Kazakh literature, delivered across Almaty',
    sandbox: 'Test mode: no real money',
    provider: 'Payment service',
    cart: 'Cart',
    summary: 'Your order',
    each: (price: string) => `${price} each`,
    quantity: (title: string) => `Quantity: ${title}`,
    decrease: (title: string) => `Decrease quantity: ${title}`,
    increase: (title: string) => `Increase quantity: ${title}`,
    remove: 'Remove',
    removeLabel: (title: string) => `Remove from cart: ${title}`,
    books: books('en', { one: 'book', other: 'books' }),
    delivery: 'Delivery in Almaty',
    free: 'free',
    freeFrom: (sum: string) => `Free delivery from ${sum}`,
    total: 'Total',
    pay: (sum: string) => `Pay ${sum}`,
    empty: 'Your cart is empty. Add a book to pay for an order.',
    refill: 'Put the books back',
    paid: (id: string) => `Order ${id} paid`,
    status: (status: string) => `Payment status: ${status}.`,
    waiting: "We ship once the shop's server has KTPay's confirmation: it shows in the orders table below.",
    failed: 'Payment failed',
    failedWhere: (source: string, code: string) => `Where it failed: ${source}${code ? `, error code: ${code}` : ''}.`,
    sources: {
      validation: "the shop's payment settings",
      network: 'the connection to the payment server',
      crypto: 'encryption in the browser',
      api: 'the payment server',
      acquirer: 'the bank',
      auth: "the shop's server",
    },
    kept: 'Your cart is kept: try again or use another card.',
    cancelled: 'Payment cancelled, your cart is kept.',
    checking: (id: string) => `The payment window closed before the bank answered. Asking the shop's server whether order ${id} was paid…`,
    notPaid: 'The order was not paid; your cart is kept, you can pay again.',
    unconfirmed: "The shop's server has no answer for this order yet. If you were charged, the order will show in the table below; otherwise you can pay again.",
  },
};
