// One Russian term, one Kazakh term (../shared/KAZAKH.md, "Terms"): every unit of both Kazakh
// catalogs whose Russian uses a term says it with the listed Kazakh word, in any of its forms.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const CATALOGS = ['xliff/kk.xlf', 'xliff/button/kk.xlf'];

/** [Russian, as a pattern over its forms; Kazakh, likewise]. */
const TERMS = [
  [/подключени/i, /қосылым/i],
  [/запрос/i, /сұрау/i],
  [/карт(?!очк)/i, /карт/i],
  [/магазин/i, /дүкен/i],
  [/ошибк/i, /қате/i],
  [/статус/i, /мәртебе/i],
  [/пароль/i, /құпиясөз/i],
  [/поддержк/i, /қолдау қызмет/i],
  [/недостаточно средств/i, /қаражат жеткіліксіз/i],
  [/срок действия/i, /жарамдылық мерзім/i],
  [/заблокирован/i, /бұғатта/i],
  [/отклон/i, /қабылда(н)?[бм]а/i], // қабылданбады, қабылдамады
  [/(^|[^а-яё])чек/i, /түбірте[кг]/i], // түбіртек, түбіртегі
  [/настройк/i, /баптау/i],
  [/воспользуйтесь/i, /пайдаланыңыз/i],
];

const text = (xml) => xml.replace(/<x [^>]*\/>/g, '{}').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function units(file) {
  const xml = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  return [...xml.matchAll(/<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>\s*<target>([\s\S]*?)<\/target>/g)].map(
    ([, id, source, target]) => ({ id, source: text(source), target: text(target) }),
  );
}

test('both Kazakh catalogs use the term list', () => {
  const all = CATALOGS.flatMap(units);
  assert.ok(all.length > 150, `read ${all.length} units`);
  const off = [];
  for (const { id, source, target } of all) {
    for (const [ru, kk] of TERMS) if (ru.test(source) && !kk.test(target)) off.push(`${id}: ${ru} → ${kk}: ${target}`);
  }
  assert.deepEqual(off, []);
});
