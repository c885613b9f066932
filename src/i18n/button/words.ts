import type { MsgFn, TemplateMap } from '@lit/localize';
import { lazyCatalog } from '../lazy-catalog.js';
import { buttonStrings, type ButtonStrings } from './strings.js';

/**
 * The button's words by id, Russian when a language lacks one: @lit/localize's lookup without
 * its runtime (placeholders, `html`), which these plain strings never need.
 */
function lookup(templates?: TemplateMap): MsgFn {
  return ((template: string, options?: { id?: string }) => {
    const translated = options?.id === undefined ? undefined : templates?.[options.id];
    return typeof translated === 'string' ? translated : template;
  }) as MsgFn;
}

const words = async (chunk: Promise<{ templates: TemplateMap }>) => buttonStrings(lookup((await chunk).templates));

/** The pay button's words: Russian with the element, each other language in a chunk of a few bytes. */
export const buttonWords = lazyCatalog<ButtonStrings>(() => buttonStrings(lookup()), {
  kk: () => words(import('../generated/button/kk.js')),
  en: () => words(import('../generated/button/en.js')),
});
