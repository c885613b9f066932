import { readResults } from '../../../lib/handlers';

export const dynamic = 'force-dynamic';
export const GET = () => Response.json(readResults());
