import { expect } from '@open-wc/testing';
import { describeError } from '../src/index.js';
import { allMessages } from '../src/i18n/all-messages.js';
import { epayReasonText, normalizeAcquirerCode } from '../src/i18n/catalog.js';
import { describeFailure } from '../src/checkout/describe-failure.js';
import { SEED_CATALOG, type SeedEntry } from './fixtures/seed-catalog.js';

// Both catalogs of the KTWidget guide, code by code, in every language. The Russian is compared
// with the seed's own text (test/fixtures/seed-catalog.ts, read from seed 000 by
// tools/seed-catalog.js); the only differences allowed are the mends listed here.

const LANGS = ['ru', 'kk', 'en'] as const;

/** Plain typos of the seed and how our Russian mends them, applied in order. Each must be used. */
const MENDS: ReadonlyArray<readonly [seed: string, ours: string]> = [
  ['в работе модуле генерации', 'в работе модуля генерации'],
  ['Проверки корректность', 'Проверьте корректность'],
  ['или обратиться в тех. поддержку', 'или обратитесь в тех. поддержку'],
  ['сервера, обратиться в тех. поддержку', 'сервера, обратитесь в тех. поддержку'],
  ['3DSecure/Securecode введен или введен некорректно', '3DSecure/Securecode не введен или введен некорректно'],
  ['позже, если ошибка повторяется обратитесь', 'позже. Если ошибка повторяется, обратитесь'],
  ['Если ошибка повторяется обратитесь', 'Если ошибка повторяется, обратитесь'],
  ['обратитесь службу', 'обратитесь в службу'],
  ['перепроверить введенные', 'перепроверьте введенные'],
  ['банк выпустивший', 'банк, выпустивший'],
  ['Halyk -установите3DSecure', 'Halyk - установите 3DSecure'],
  ['пожалуйста воспользуйтесь', 'пожалуйста, воспользуйтесь'],
  ['Qazkom, Halyk установить 3D -код', 'Qazkom, Halyk, установить 3D-код'],
  ['банков просим', 'банков, просим'],
  ['обратится', 'обратиться'],
];
const mendsUsed = new Set<string>();

function mended(text: string): string {
  let result = text;
  for (const [seed, ours] of MENDS) {
    if (result.includes(seed)) mendsUsed.add(seed);
    result = result.replaceAll(seed, ours);
  }
  return result;
}

/** 75 is listed twice in the seed; we give it the second, more specific text (see acquirer-errors.ts). */
function seedTextFor(code: string, entry: SeedEntry): SeedEntry | undefined {
  if (code !== '75') return entry;
  return entry.codes.length === 1 ? entry : undefined;
}

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
const CYRILLIC = /[а-яё]/i;

describe('the seed catalogs, code by code', () => {
  const groups = { api: SEED_CATALOG.api, acquirer: SEED_CATALOG.acquirer };
  for (const [kind, entries] of Object.entries(groups)) {
    for (const entry of entries) {
      for (const code of entry.codes) {
        const seed = seedTextFor(code, entry);
        if (!seed) continue;
        describe(`${kind} ${code}`, () => {
          it('is the seed text in Russian', () => {
            const text = describeError(code, 'ru');
            expect(text.message).to.equal(mended(seed.message));
            expect(text.hint).to.equal(seed.hint === undefined ? undefined : mended(seed.hint));
          });

          it('is written in Kazakh', () => {
            const kk = describeError(code, 'kk');
            const ru = describeError(code, 'ru');
            expect(kk.message).to.not.equal(ru.message);
            expect(kk.message).to.match(KAZAKH_LETTERS);
            if (ru.hint) expect(kk.hint).to.match(KAZAKH_LETTERS);
          });

          it('is written in English', () => {
            const en = describeError(code, 'en');
            expect(en.message).to.not.match(CYRILLIC);
            expect(en.message.length).to.be.greaterThan(5);
            if (describeError(code, 'ru').hint) expect(en.hint).to.be.a('string').and.not.match(CYRILLIC);
          });

          it('is not the generic unknown-code text', () => {
            for (const lang of LANGS) {
              const generic = describeError(kind === 'api' ? '9999999' : 'ZZZ', lang).message;
              expect(describeError(code, lang).message, lang).to.not.equal(generic.replace(/9999999|ZZZ/, code));
            }
          });
        });
      }
    }
  }

  it('uses every listed mend (a stale mend means the seed or our text moved)', () => {
    const all = [...SEED_CATALOG.api, ...SEED_CATALOG.acquirer];
    for (const entry of all) {
      mended(entry.message);
      if (entry.hint) mended(entry.hint);
    }
    expect(MENDS.map(([seed]) => seed).filter((seed) => !mendsUsed.has(seed))).to.deep.equal([]);
  });

  it('has counted the codes: 11 of KTPay, 62 of the acquirer (75 listed twice)', () => {
    const api = new Set(SEED_CATALOG.api.flatMap((entry) => entry.codes));
    const acquirer = new Set(SEED_CATALOG.acquirer.flatMap((entry) => entry.codes));
    expect([api.size, acquirer.size]).to.deep.equal([11, 62]);
  });

  it('gives 75 the PIN-specific text, not the generic «card blocked», in every language', () => {
    for (const lang of LANGS) {
      expect(describeError('75', lang).message, lang).to.not.equal(describeError('04', lang).message);
    }
    expect(describeError('75', 'en').message).to.match(/PIN/);
    expect(describeError('75', 'kk').message).to.match(/PIN/);
  });

  it('keeps codes that share a text together in every language', () => {
    const split: string[] = [];
    for (const entry of SEED_CATALOG.acquirer) {
      const codes = entry.codes.filter((code) => code !== '75');
      for (const lang of LANGS) {
        if (new Set(codes.map((code) => describeError(code, lang).message)).size > 1) split.push(`${lang}:${codes.join(',')}`);
      }
    }
    expect(split).to.deep.equal([]);
  });

  it('has no code in our catalogs that the seed lacks', () => {
    const seedCodes = new Set(
      [...SEED_CATALOG.api, ...SEED_CATALOG.acquirer].flatMap((entry) => entry.codes.map(normalizeAcquirerCode)),
    );
    for (const lang of LANGS) {
      const ours = [
        ...Object.keys(allMessages(lang).apiErrors),
        ...allMessages(lang).acquirerErrors.flatMap(([codes]) => codes),
      ].map(normalizeAcquirerCode);
      expect(ours.filter((code) => !seedCodes.has(code)), lang).to.deep.equal([]);
    }
  });
});

describe('acquirer codes as they arrive', () => {
  it('"05", "5" and 5 are one code', () => {
    for (const lang of LANGS) {
      const text = describeError('05', lang);
      expect(describeError('5', lang), lang).to.deep.equal(text);
      expect(describeError(5, lang), lang).to.deep.equal(text);
    }
  });

  it('"-4" is not "04", and -4 as a number is "-4"', () => {
    expect(describeError('-4', 'ru').message).to.equal('Сервер не отвечает. Попробуйте попозже.');
    expect(describeError('04', 'ru').message).to.match(/^Карта заблокирована\./);
    expect(describeError(-4, 'en')).to.deep.equal(describeError('-4', 'en'));
  });

  it('"1a" is "1A"', () => {
    for (const lang of LANGS) expect(describeError('1a', lang), lang).to.deep.equal(describeError('1A', lang));
  });

  it('ignores surrounding spaces', () => {
    expect(describeError(' 51 ', 'ru').message).to.equal('Недостаточно средств на карте.');
  });

  it('gives an unknown code a generic message that shows it, in each language', () => {
    expect(describeError('999', 'ru')).to.deep.equal({
      message: 'Банк отклонил платёж (код 999).',
      hint: 'Для уточнения причины обратитесь по контактам, указанным на обратной стороне вашей карты.',
    });
    expect(describeError('999', 'en').message).to.equal('The bank declined the payment (code 999).');
    expect(describeError('999', 'kk').message).to.equal('Банк төлемді қабылдамады (қате коды: 999).');
    for (const lang of LANGS) expect(describeError('X7', lang).message, lang).to.contain('X7');
  });
});

describe('API codes as they arrive', () => {
  it('accepts a code given as a string', () => {
    expect(describeError('4010103', 'ru')).to.deep.equal(describeError(4010103, 'ru'));
  });

  it('gives an unknown API code a generic message that shows it, in each language', () => {
    expect(describeError(1234567, 'ru').message).to.equal('Сервер оплаты вернул ошибку с кодом 1234567.');
    expect(describeError(1234567, 'kk').message).to.equal('Төлем сервері қате қайтарды (қате коды: 1234567).');
    expect(describeError(1234567, 'en').message).to.equal('The payment server returned error code 1234567.');
  });
});

describe('describeError language', () => {
  it('accepts kz and kk-KZ for Kazakh', () => {
    expect(describeError('51', 'kz')).to.deep.equal(describeError('51', 'kk'));
    expect(describeError('51', 'kk-KZ')).to.deep.equal(describeError('51', 'kk'));
  });

  it('reads en and region tags', () => {
    expect(describeError('51', 'en').message).to.match(/insufficient funds/i);
    expect(describeError('51', 'EN-us')).to.deep.equal(describeError('51', 'en'));
  });

  it('falls back to Russian', () => {
    const russian = describeError('51', 'ru');
    expect(describeError('51')).to.deep.equal(russian);
    expect(describeError('51', 'fr')).to.deep.equal(russian);
    expect(describeError('51', '')).to.deep.equal(russian);
  });
});

// Halyk ePay's own reason codes (src/i18n/strings/epay-reasons.ts): worded by us, not a seed's
// text, so each is checked for words in every language rather than against a source.
const EPAY_CODES = [
  '0', '454', '455', '456', '457', '458', '459', '460', '461', '462', '463', '464', '465', '466', '467', '468',
  '469', '470', '471', '472', '473', '475', '476', '477', '478', '479', '480', '481', '482', '483', '484', '485',
  '486', '487', '488', '489', '490', '491', '492', '493', '494', '495', '496', '497', '498', '499', '501', '502',
  '521', '522', '523', '524', '525', '526', '527', '528', '529',
];

describe('ePay reason codes, code by code', () => {
  it('words exactly the listed codes, in every language', () => {
    for (const lang of LANGS) {
      const ours = allMessages(lang).epayReasons.flatMap(([codes]) => codes.map(normalizeAcquirerCode));
      expect([...ours].sort(), lang).to.deep.equal([...EPAY_CODES].sort());
      expect(new Set(ours).size, `${lang}: a code listed twice`).to.equal(ours.length);
    }
  });

  it('shares no code with the acquirer catalog of seed 000, and none is seven digits like KTPay\'s', () => {
    const acquirer = new Set(SEED_CATALOG.acquirer.flatMap((entry) => entry.codes.map(normalizeAcquirerCode)));
    expect(EPAY_CODES.filter((code) => acquirer.has(code))).to.deep.equal([]);
    expect(EPAY_CODES.filter((code) => /^\d{7}$/.test(code))).to.deep.equal([]);
  });

  for (const code of EPAY_CODES) {
    describe(`ePay ${code}`, () => {
      it('has words in Russian', () => {
        const ru = epayReasonText(allMessages('ru'), code)!;
        expect(ru.message).to.match(CYRILLIC);
        expect(ru.message.trim().length).to.be.greaterThan(5);
        if (ru.hint !== undefined) expect(ru.hint.trim().length).to.be.greaterThan(5);
      });

      it('is translated into Kazakh', () => {
        const ru = epayReasonText(allMessages('ru'), code)!;
        const kk = epayReasonText(allMessages('kk'), code)!;
        expect(kk.message).to.not.equal(ru.message);
        expect(`${kk.message} ${kk.hint ?? ''}`).to.match(KAZAKH_LETTERS);
        expect(kk.hint === undefined, 'a hint in both or in neither').to.equal(ru.hint === undefined);
        if (ru.hint) expect(kk.hint).to.not.equal(ru.hint);
      });

      it('is translated into English', () => {
        const ru = epayReasonText(allMessages('ru'), code)!;
        const en = epayReasonText(allMessages('en'), code)!;
        expect(en.message).to.not.match(CYRILLIC);
        expect(en.message.length).to.be.greaterThan(5);
        expect(en.hint === undefined, 'a hint in both or in neither').to.equal(ru.hint === undefined);
        if (ru.hint) expect(en.hint).to.be.a('string').and.not.match(CYRILLIC);
      });

      it('is what describeError says, and not the generic unknown-code text', () => {
        for (const lang of LANGS) {
          expect(describeError(code, lang), lang).to.deep.equal(epayReasonText(allMessages(lang), code));
          const generic = describeError('ZZZ', lang).message.replace('ZZZ', code);
          expect(describeError(code, lang).message, lang).to.not.equal(generic);
        }
      });
    });
  }

  it('keeps codes that share a text together in every language', () => {
    const split: string[] = [];
    for (const [codes] of allMessages('ru').epayReasons) {
      for (const lang of LANGS) {
        const texts = new Set(codes.map((code) => JSON.stringify(describeError(code, lang))));
        if (texts.size > 1) split.push(`${lang}:${codes.join(',')}`);
      }
    }
    expect(split).to.deep.equal([]);
  });
});

describe('describeError and ePay reason codes', () => {
  it('words a few of them in each language', () => {
    expect(describeError(457, 'ru').message).to.equal('Срок действия карты введён неверно.');
    expect(describeError('484', 'ru')).to.deep.equal({
      message: 'Недостаточно средств на карте.',
      hint: 'Пополните карту или воспользуйтесь другой картой.',
    });
    expect(describeError(484, 'en').message).to.match(/insufficient funds/i);
    expect(describeError(484, 'kk').message).to.equal('Картада қаражат жеткіліксіз.');
    expect(describeError(478, 'en').message).to.match(/expired/);
    expect(describeError(473, 'kk').message).to.contain('3-D Secure');
    expect(describeError(454, 'en').message).to.match(/not known yet/);
    expect(describeError(0, 'en').message).to.match(/went through/);
    for (const lang of LANGS) {
      expect(describeError(465, lang), lang).to.deep.equal(describeError(467, lang));
      expect(describeError(465, lang).message, lang).to.not.equal(describeError(484, lang).message);
    }
  });

  it('takes them as numbers, strings, padded or spaced alike', () => {
    for (const lang of LANGS) {
      const text = describeError(488, lang);
      expect(describeError('488', lang), lang).to.deep.equal(text);
      expect(describeError(' 0488 ', lang), lang).to.deep.equal(text);
    }
  });

  it('gives an unknown three-digit code, and ePay\'s negative -498, the generic message that shows it', () => {
    for (const code of ['474', '510', '999', '-498']) {
      expect(describeError(code, 'ru').message, code).to.equal(`Банк отклонил платёж (код ${code}).`);
      expect(describeError(code, 'en').message, code).to.equal(`The bank declined the payment (code ${code}).`);
      expect(describeError(code, 'kk').message, code).to.equal(`Банк төлемді қабылдамады (қате коды: ${code}).`);
    }
  });

  it('leaves every acquirer code its own words', () => {
    for (const lang of LANGS) {
      for (const [codes, message] of allMessages(lang).acquirerErrors) {
        for (const code of codes) expect(describeError(code, lang), `${lang} ${code}`).to.deep.equal({ message });
      }
    }
  });
});

describe('an acquirer failure carrying an ePay reason code', () => {
  it("is worded by ePay's table", () => {
    for (const lang of LANGS) {
      const messages = allMessages(lang);
      const detail = describeFailure({ source: 'acquirer', code: '484' }, messages);
      expect(detail, lang).to.include({ source: 'acquirer', code: '484', ...epayReasonText(messages, 484) });
    }
  });

  it("never in the words of ePay's success (0)", () => {
    const detail = describeFailure({ source: 'acquirer', code: '0' }, allMessages('en'));
    expect(detail.message).to.equal('The bank declined the payment (code 0).');
  });
});
