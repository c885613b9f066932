import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { buttonWords } from '../i18n/button/words.js';
import type { ButtonStrings } from '../i18n/button/strings.js';
import { DEFAULT_LANG, resolveLang } from '../i18n/lang.js';
import type { LazyCatalog } from '../i18n/lazy-catalog.js';
import type { Lang } from '../i18n/messages.js';
import { deadline } from '../util/deadline.js';
import { documentLang, watchDocumentLang } from './document-lang.js';

/** A Pay pressed while a language loads waits at most this long, then goes on in the current one. */
export const LANGUAGE_WAIT_MS = 8000;

export interface LocaleHost extends ReactiveControllerHost, Element {}

/**
 * The element's language: its `lang` attribute, else `<html lang>`, else Russian. Each element has
 * its own, so a page can show a Russian and a Kazakh button side by side.
 *
 * A language switches only once its words are here: until then the element keeps speaking the
 * previous one (Russian at first), so what it shows and what its events say always agree.
 */
export class LocaleController implements ReactiveController {
  /** The language the element is speaking now. */
  lang: Lang = DEFAULT_LANG;
  /** True while the wanted language is still loading. */
  pending = false;

  #ready: Promise<void> = Promise.resolve();
  #unwatch: (() => void) | undefined;
  /** Whose words a language needs before the element speaks it: the button's, then the modal's. */
  readonly #catalogs: LazyCatalog<unknown>[] = [buttonWords];

  constructor(private readonly host: LocaleHost) {
    host.addController(this);
  }

  /** The button's words in `lang` (always loaded: a language is only taken once it is). */
  get buttonWords(): ButtonStrings {
    return buttonWords.ifLoaded(this.lang)!;
  }

  /** The default label waits, hidden, for the words of a language the element has not spoken yet. */
  get labelWaiting(): boolean {
    return this.pending && this.lang !== this.wanted;
  }

  /** From now on a language is taken only once `catalog` has its words too (the modal's, loaded with it). */
  require(catalog: LazyCatalog<unknown>): void {
    if (this.#catalogs.includes(catalog)) return;
    this.#catalogs.push(catalog);
    this.sync();
  }

  /** The language asked for, whether or not it has loaded. */
  get wanted(): Lang {
    return resolveLang(this.host.getAttribute('lang'), documentLang());
  }

  /** Settles when the element speaks the language asked for (or gave up loading it). */
  get ready(): Promise<void> {
    return this.#ready;
  }

  hostConnected(): void {
    this.#unwatch = watchDocumentLang(() => this.sync());
    this.sync();
  }

  hostDisconnected(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  /** Call when `lang` may have changed. */
  sync(): void {
    const wanted = this.wanted;
    if (this.#hasWords(wanted)) {
      this.#ready = Promise.resolve();
      this.#use(wanted);
      return;
    }
    this.pending = true;
    // The chunk did not load (offline, blocked) or stalls: keep the current language rather than
    // leave the buyer with nothing; a later change of `lang` asks again, a late chunk still counts.
    const giveUp = (why: unknown) => {
      if (this.wanted !== wanted || !this.pending) return;
      this.pending = false;
      this.host.requestUpdate();
      console.warn(`<${this.host.localName}>: could not load the "${wanted}" translations`, why);
    };
    // Taken only with every catalog's words: one required meanwhile (the modal's) has its own load.
    const loading = Promise.all(this.#catalogs.map((catalog) => catalog.load(wanted))).then(() => {
      if (this.wanted === wanted && this.#hasWords(wanted)) this.#use(wanted);
    });
    this.#ready = deadline(loading, LANGUAGE_WAIT_MS).catch(giveUp);
  }

  #hasWords(lang: Lang): boolean {
    return this.#catalogs.every((catalog) => catalog.ifLoaded(lang));
  }

  #use(lang: Lang): void {
    this.pending = false;
    if (lang === this.lang) return;
    this.lang = lang;
    this.host.requestUpdate();
  }
}
