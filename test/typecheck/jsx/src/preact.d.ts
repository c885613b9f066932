/// <reference types="ktpay-checkout/preact" />
