import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { dialogOf, frameOf, mountCheckout, nextEvent, payButton, sandboxPage, shadow, useNetwork, waitUntil } from './helpers.js';

function describeNode(el: Element | null): string {
  if (!el) return 'null';
  return `${el.localName}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''}`;
}
function deepPath(): string[] {
  const path: string[] = [];
  let active: Element | null = document.activeElement;
  while (active) {
    path.push(describeNode(active));
    if (active.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    else if (active instanceof HTMLIFrameElement && active.contentDocument) { active = active.contentDocument.activeElement; if (active) path.push('|'); }
    else break;
  }
  return path;
}

describe('explore', () => {
  beforeEach(() => useNetwork());
  it('tab', async () => {
    const element = await mountCheckout();
    const before = document.createElement('button'); before.id = 'before'; before.textContent = 'b';
    const after = document.createElement('button'); after.id = 'after'; after.textContent = 'a';
    element.before(before); element.after(after);
    payButton(element).focus();
    payButton(element).click();
    await sandboxPage(element);
    await waitUntil(() => !frameOf(element)!.classList.contains('pending'));
    const lines: string[] = [];
    lines.push('start ' + deepPath().join(' > ') + ' hasFocus=' + document.hasFocus());
    for (let i = 0; i < 14; i++) { await sendKeys({ press: 'Tab' }); lines.push('Tab ' + deepPath().join(' > ') + ' hasFocus=' + document.hasFocus()); }
    for (let i = 0; i < 14; i++) { await sendKeys({ press: 'Shift+Tab' }); lines.push('STab ' + deepPath().join(' > ')+ ' hasFocus=' + document.hasFocus()); }
    console.log(lines.join('\n'));
    element.close();
  });
  it('tab loading', async () => {
    const element = await mountCheckout({amount: '-1'});
    const before = document.createElement('button'); before.id = 'before'; before.textContent = 'b';
    const after = document.createElement('button'); after.id = 'after'; after.textContent = 'a';
    element.before(before); element.after(after);
    payButton(element).focus();
    void element.open();
    await nextEvent(element, 'ktpay:open');
    await element.updateComplete;
    const lines: string[] = [];
    lines.push('start ' + deepPath().join(' > '));
    for (let i = 0; i < 6; i++) { await sendKeys({ press: 'Tab' }); lines.push('Tab ' + deepPath().join(' > ')); }
    for (let i = 0; i < 6; i++) { await sendKeys({ press: 'Shift+Tab' }); lines.push('STab ' + deepPath().join(' > ')); }
    console.log(lines.join('\n'));
    element.close();
  });
});
