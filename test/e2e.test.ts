import { expect } from '@open-wc/testing';
import { describeError } from '../src/index.js';
import { dialogOf, mountCheckout, nextEvent, payOnSandbox, recordEvents, sent, shadow, useNetwork } from './helpers.js';

describe('end to end on the sandbox', () => {
  beforeEach(() => useNetwork());

  it('pays with a test card: events, detail and the success view', async () => {
    const element = await mountCheckout({ amount: '1500.50', description: 'Two books' });
    const log = recordEvents(element);
    const success = nextEvent(element, 'ktpay:success');
    const result = element.open();
    await element.updateComplete;
    expect(dialogOf(element)?.open).to.equal(true);
    await payOnSandbox(element);
    const event = await success;
    expect(event.detail.status).to.equal('completed');
    expect(event.detail.orderId).to.equal(element.orderId);
    expect(event.detail.transactionHash).to.match(/^[0-9a-f]{40}$/);
    expect(await result).to.deep.equal({ outcome: 'success', ...event.detail });
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created', 'ktpay:success']);
    expect(sent).to.have.length(1);

    await element.updateComplete;
    const view = shadow(element).querySelector('.result.success')!;
    expect(view.querySelector('.amount')!.textContent!.replace(/\s/g, ' ')).to.match(/1 500,50\s?₸/);
    expect(view.querySelector('.order')!.textContent).to.equal(element.orderId);
    expect(view.querySelector('.hash')!.textContent).to.equal(event.detail.transactionHash);
  });

  it('shows a decline with its Russian message from the catalog', async () => {
    const element = await mountCheckout();
    const failed = nextEvent(element, 'ktpay:failed');
    void element.open();
    await payOnSandbox(element, { cvv: '999' });
    const { detail } = await failed;
    expect(detail.source).to.equal('acquirer');
    expect(detail.code).to.equal('05');
    expect(detail.message).to.equal(describeError('05', 'ru').message);
    expect(detail.message).to.contain('Транзакция отклонена вашим банком');
    await element.updateComplete;
    expect(shadow(element).querySelector('.result.failure .message')!.textContent).to.equal(detail.message);
  });
});
