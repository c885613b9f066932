/// <reference types="ktpay-checkout/react" />
