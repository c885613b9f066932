import { expect } from '@open-wc/testing';
import { describeError } from '../src/index.js';
import { acquirerErrorText, apiErrorText, normalizeAcquirerCode } from '../src/i18n/catalog.js';
import { MESSAGES } from '../src/i18n/locales/index.js';
import ru from '../src/i18n/locales/ru.js';

const LANGS = ['ru', 'kk', 'en'] as const;

const API_CODES = [5000001, 5000105, 5000106, 5000107, 5000110, 5000109, 4010103, 4220002, 4220101, 4220102, 4220104];

/** Every acquirer code listed in seed 000 («Ошибки транзакции», part 2). */
const SEED_ACQUIRER_CODES = [
  '-22', '-21', '21', '-19', '-17', '-9', '-8', '-4', '8', '-3', '-2', '77', '1A', '01', '02', '05', '37',
  '04', '07', '36', '46', '62', '75', '86', '12', '14', '15', '19', '20', '30', '33', '54', '41', '43', '45',
  '51', '57', '58', '59', '78', '88', '94', '61', '63', '65', '82', '91', '93', '96', '189', '190', '198',
  '199', '191', '192', '193', '194', '195', '196', '961', '216', '962',
];

/** Seed 000 text, verbatim, for entries the seed spells without typos. */
const SEED_RU: Record<string, { message: string; hint?: string }> = {
  '51': { message: 'Недостаточно средств на карте.' },
  '61': { message: 'Сумма превышает допустимый лимит.' },
  '-9': { message: 'Некорректно введен срок действия карты.' },
  '33': { message: 'Срок действия карты истек.' },
  '1A': {
    message:
      'Транзакция отклонена вашим банком. Для уточнения причины отказа необходимо обратиться по контактам, указанным на обратной стороне вашей карты.',
  },
  '04': {
    message:
      'Карта заблокирована. Для уточнения необходимо обратиться по контактам, указанным на обратной стороне вашей карты.',
  },
  '75': {
    message:
      'Карта заблокирована по причине неверного ввода пин-кода, за дополнительной информацией обратитесь по контактам, указанным на обратной стороне вашей карты.',
  },
  '191': { message: '3DSecure/Securecode не введен или введен неверно.' },
  '4010103': {
    message: 'Неверный/несуществующий идентификатор приложения мерчанта.',
    hint: 'Для решения проблемы обратитесь в тех. поддержку с указанием кода ошибки.',
  },
  '4220002': { message: 'Ошибка валидации параметров запроса.', hint: 'Исправьте указанные замечания по валидации.' },
  '4220104': {
    message: 'Используемый крипто-ключ истек по сроку использования.',
    hint: 'Необходимо обновить крипто-ключ, для решения проблемы обратитесь в тех. поддержку с указанием кода ошибки.',
  },
};

describe('acquirer codes', () => {
  it('"05", "5" and 5 are one code', () => {
    const text = describeError('05', 'en');
    expect(describeError('5', 'en')).to.deep.equal(text);
    expect(describeError(5, 'en')).to.deep.equal(text);
    expect(normalizeAcquirerCode('05')).to.equal(normalizeAcquirerCode(5));
  });

  it('"05" is the bank-declined text, not the generic one', () => {
    expect(describeError('05', 'ru').message).to.equal(SEED_RU['1A']!.message);
  });

  it('"-4" differs from "04"', () => {
    expect(describeError('-4', 'ru').message).to.equal('Сервер не отвечает. Попробуйте попозже.');
    expect(describeError('04', 'ru').message).to.equal(SEED_RU['04']!.message);
    expect(normalizeAcquirerCode('-4')).to.not.equal(normalizeAcquirerCode('04'));
  });

  it('-4 as a number is "-4"', () => {
    expect(describeError(-4, 'en')).to.deep.equal(describeError('-4', 'en'));
  });

  it('"1a" equals "1A"', () => {
    expect(describeError('1a', 'kk')).to.deep.equal(describeError('1A', 'kk'));
    expect(describeError('1a', 'ru').message).to.equal(SEED_RU['1A']!.message);
  });

  it('75 gives the PIN-specific text in every language', () => {
    expect(describeError(75, 'ru').message).to.equal(SEED_RU['75']!.message);
    expect(describeError('75', 'en').message).to.match(/PIN/);
    expect(describeError('75', 'kk').message).to.match(/PIN/);
    for (const lang of LANGS) {
      expect(describeError('75', lang).message, lang).to.not.equal(describeError('04', lang).message);
    }
  });

  it('ignores surrounding spaces', () => {
    expect(describeError(' 51 ', 'ru').message).to.equal('Недостаточно средств на карте.');
  });

  it('gives an unknown code a generic message showing it in each language', () => {
    for (const lang of LANGS) {
      const text = describeError('999', lang);
      expect(text.message, lang).to.contain('999');
      expect(text.hint, lang).to.be.a('string').and.not.equal('');
      expect(describeError('X7', lang).message, lang).to.contain('X7');
    }
    expect(describeError('999', 'ru').message).to.equal('Банк отклонил платёж (код 999).');
    expect(describeError('999', 'en').message).to.equal('The bank declined the payment (code 999).');
  });

  it('knows every acquirer code of the seed in Russian', () => {
    const generic = (code: string) => describeError(code, 'ru').message === `Банк отклонил платёж (код ${code}).`;
    expect(SEED_ACQUIRER_CODES.filter(generic)).to.deep.equal([]);
  });

  it('has every Russian acquirer code in Kazakh and English, translated', () => {
    const missing: string[] = [];
    for (const [codes, ruText] of ru.acquirerErrors) {
      for (const code of codes) {
        for (const lang of ['kk', 'en'] as const) {
          const text = acquirerErrorText(MESSAGES[lang], code);
          if (!text || text.message === '' || text.message === ruText.message) missing.push(`${lang}:${code}`);
        }
      }
    }
    expect(missing).to.deep.equal([]);
  });

  it('gives each code the same meaning in every language (codes sharing a Russian text share one elsewhere)', () => {
    const mismatched: string[] = [];
    for (const [codes] of ru.acquirerErrors) {
      for (const lang of ['kk', 'en'] as const) {
        const texts = new Set(codes.map((code) => acquirerErrorText(MESSAGES[lang], code)?.message));
        if (texts.size !== 1) mismatched.push(`${lang}:${codes.join(',')}`);
      }
    }
    expect(mismatched).to.deep.equal([]);
  });
});

describe('API codes', () => {
  it('has a message and a hint for every seed code in ru, kk and en', () => {
    for (const lang of LANGS) {
      for (const code of API_CODES) {
        const text = describeError(code, lang);
        const generic = MESSAGES[lang].ui.unknownApiError(code);
        expect(text.message, `${lang} ${code}`).to.be.a('string').and.not.equal('');
        expect(text.hint, `${lang} ${code}`).to.be.a('string').and.not.equal('');
        expect(text.message, `${lang} ${code}`).to.not.equal(generic.message);
        expect(apiErrorText(MESSAGES[lang], String(code)), `${lang} ${code}`).to.deep.equal(text);
      }
    }
  });

  it('translates API messages', () => {
    for (const code of API_CODES) {
      expect(describeError(code, 'kk').message, String(code)).to.not.equal(describeError(code, 'ru').message);
      expect(describeError(code, 'en').message, String(code)).to.not.equal(describeError(code, 'ru').message);
    }
  });

  it('accepts a code given as a string', () => {
    expect(describeError('4010103', 'ru')).to.deep.equal(describeError(4010103, 'ru'));
  });

  it('gives an unknown API code a generic message showing it in each language', () => {
    for (const lang of LANGS) {
      expect(describeError(1234567, lang).message, lang).to.contain('1234567');
    }
    expect(describeError(1234567, 'ru').message).to.equal('Сервер оплаты вернул ошибку с кодом 1234567.');
  });
});

describe('Russian equals the seed', () => {
  for (const [code, seed] of Object.entries(SEED_RU)) {
    it(`code ${code}`, () => {
      const text = describeError(code, 'ru');
      expect(text.message).to.equal(seed.message);
      if (seed.hint) expect(text.hint).to.equal(seed.hint);
    });
  }

  it('mends the seed typo in the 4220101 hint', () => {
    // Seed: «Проверки корректность данных, их формат и содержимое или обратиться в тех. поддержку.»
    expect(describeError(4220101, 'ru').hint).to.equal(
      'Проверьте корректность данных, их формат и содержимое или обратитесь в тех. поддержку.',
    );
  });
});

describe('language', () => {
  it('accepts kz for Kazakh', () => {
    expect(describeError('51', 'kz')).to.deep.equal(describeError('51', 'kk'));
    expect(describeError('51', 'kk-KZ')).to.deep.equal(describeError('51', 'kk'));
    expect(describeError('51', 'kk').message).to.not.equal(describeError('51', 'ru').message);
  });

  it('reads en and region tags', () => {
    expect(describeError('51', 'en').message).to.match(/insufficient funds/i);
    expect(describeError('51', 'EN-us')).to.deep.equal(describeError('51', 'en'));
  });

  it('falls back to Russian', () => {
    const russian = describeError('51', 'ru');
    expect(russian.message).to.equal('Недостаточно средств на карте.');
    expect(describeError('51')).to.deep.equal(russian);
    expect(describeError('51', 'fr')).to.deep.equal(russian);
    expect(describeError('51', '')).to.deep.equal(russian);
  });
});
