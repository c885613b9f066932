// The one line a Vue + TypeScript app adds to type-check `<KtpayCheckout>` and `<ktpay-checkout>`
// in every template, whether or not a component imports the wrapper.
/// <reference types="ktpay-checkout/vue" />
