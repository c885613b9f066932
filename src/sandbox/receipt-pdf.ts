/**
 * The sandbox's stand-in for KTPay's PDF receipt (`GET …/payment/{hash}/pdf`): a small, real PDF
 * (one page, Helvetica, so ASCII only) that says what is known of the transaction and that it is a
 * test. Written by hand because a PDF this small is a few objects and a cross-reference table.
 */
export interface ReceiptFacts {
  transactionHash: string;
  orderId?: string;
  amount?: number;
  status?: string;
  /** When the payment page reported the result, as KTPay writes dates. */
  statusAt?: string;
}

/** Printable ASCII only (Helvetica's standard encoding), and the PDF string's own escapes. */
const pdfText = (text: string) =>
  text
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 120)
    .replace(/[\\()]/g, (c) => `\\${c}`);

export function receiptPdf(facts: ReceiptFacts): Uint8Array {
  const lines = [
    'KTPay sandbox - payment receipt',
    'TEST ONLY: no money moved, not a fiscal document.',
    '',
    ...(facts.orderId !== undefined ? [`Order: ${facts.orderId}`] : []),
    ...(facts.amount !== undefined ? [`Amount: ${facts.amount.toFixed(2)} KZT`] : []),
    ...(facts.status !== undefined ? [`Status: ${facts.status}`] : []),
    ...(facts.statusAt !== undefined ? [`Date: ${facts.statusAt}`] : []),
    `Transaction: ${facts.transactionHash}`,
  ];
  const text = lines.map((line, i) => `${i === 0 ? '' : '0 -18 Td '}(${pdfText(line)}) Tj`).join('\n');
  const content = `BT /F1 12 Tf 56 780 Td\n${text}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character is ASCII, so string offsets are byte offsets.
  return new TextEncoder().encode(body);
}
