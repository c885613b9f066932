import { ktpayCallback } from '../../../../lib/handlers';

export const POST = ktpayCallback.fetch;
