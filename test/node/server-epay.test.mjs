// Halyk ePay's postLink bodies (seed 003), read the way a merchant's server reads them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeError, parseEpayPostLink } from 'ktpay-checkout/server';
import { clone, fixture } from './server-helpers.mjs';

const paid = fixture('epay-post-link-success');
// The reading of the body, apart from its secret (checked in the tests below).
const SKIP = { skipSecretHashCheck: true };
const declined = fixture('epay-post-link-failure');

test("reads seed 003's success body: paid, amount and order typed", () => {
  const parsed = parseEpayPostLink(JSON.stringify(paid), SKIP);
  assert.equal(parsed.ok, true);
  assert.equal(parsed.postLink.code, 'ok');
  assert.equal(parsed.postLink.reasonCode, 0);
  assert.equal(parsed.postLink.invoiceId, '191111111');
  assert.equal(parsed.postLink.amount, 100);
  assert.equal(parsed.postLink.approvalCode, '157911');
  assert.equal(parsed.postLink.dateTime, '2024-07-29T10:50:56.765674319+05:00');
});

test("reads seed 003's failure body, and describeError words its reasonCode", () => {
  const parsed = parseEpayPostLink(Buffer.from(JSON.stringify(declined)), SKIP);
  assert.equal(parsed.ok, true);
  assert.equal(parsed.postLink.code, 'error');
  assert.equal(parsed.postLink.reasonCode, -498);
  assert.equal(parsed.postLink.tokenRecipient, '');
  assert.deepEqual(describeError(parsed.postLink.reasonCode, 'en'), describeError('-498', 'en'));
  assert.match(describeError(parsed.postLink.reasonCode, 'en').message, /-498/);

  // A code the acquirer catalog knows gets its words in each language.
  const secure = parseEpayPostLink({ ...clone(declined), reasonCode: '-19' }, SKIP);
  assert.equal(secure.postLink.reasonCode, -19);
  assert.match(describeError(secure.postLink.reasonCode, 'ru').message, /3DSecure/);
  assert.notEqual(describeError(secure.postLink.reasonCode, 'kk').message, describeError(secure.postLink.reasonCode, 'ru').message);

  // A code of ePay's own table (0, 454 … 529) gets our words for it in each language.
  const poor = parseEpayPostLink({ ...clone(declined), reasonCode: 484 }, SKIP);
  assert.equal(poor.postLink.reasonCode, 484);
  assert.match(describeError(poor.postLink.reasonCode, 'en').message, /insufficient funds/i);
  assert.equal(describeError(poor.postLink.reasonCode, 'ru').message, 'Недостаточно средств на карте.');
  assert.equal(describeError(poor.postLink.reasonCode, 'kk').message, 'Картада қаражат жеткіліксіз.');
});

test('lists every bad field', () => {
  const parsed = parseEpayPostLink({ ...clone(declined), invoiceId: 'A-1', currency: 'kzt', code: 'declined', reasonCode: 'x', amount: null }, SKIP);
  assert.equal(parsed.ok, false);
  assert.deepEqual(
    parsed.problems.map((p) => p.field),
    ['invoiceId', 'amount', 'currency', 'code', 'reasonCode'],
  );
  assert.deepEqual(parseEpayPostLink('<xml/>', SKIP).problems, [{ field: '', message: 'is not JSON' }]);
});

test('with the secret_hash the shop generated, only a body carrying it is taken', () => {
  const secretHash = 'JDKCNDDGGDTPSKJD';
  assert.equal(parseEpayPostLink({ ...clone(paid), secret_hash: secretHash }, { secretHash }).ok, true);
  assert.deepEqual(parseEpayPostLink({ ...clone(paid), secret_hash: 'JDKCNDDGGDTPSKJ' }, { secretHash }).problems, [
    { field: 'secret_hash', message: 'does not match' },
  ]);
  assert.deepEqual(parseEpayPostLink(clone(paid), { secretHash }).problems, [{ field: 'secret_hash', message: 'is required' }]);
});

test('a secret that is missing or empty is an error, not a check turned off', () => {
  const body = { ...clone(paid), secret_hash: '' };
  for (const options of [undefined, {}, { secretHash: undefined }, { secretHash: '' }, { secretHash: null }, { secretHash: undefined, skipSecretHashCheck: true }, { skipSecretHashCheck: 'yes' }]) {
    assert.throws(() => parseEpayPostLink(body, options), TypeError, JSON.stringify(options) ?? 'undefined');
  }
  // An empty secret_hash in the body is no secret either.
  assert.deepEqual(parseEpayPostLink(body, { secretHash: 'JDKCNDDGGDTPSKJD' }).problems, [{ field: 'secret_hash', message: 'is required' }]);
  // Skipping the check is said by name.
  assert.equal(parseEpayPostLink(body, { skipSecretHashCheck: true }).ok, true);
});
