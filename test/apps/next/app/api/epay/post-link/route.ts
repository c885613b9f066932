import { epayPostLink } from '../../../../lib/handlers';

export const POST = epayPostLink.fetch;
