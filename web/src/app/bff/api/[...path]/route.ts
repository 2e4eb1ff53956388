import type { NextRequest } from 'next/server';
import { proxyToApi } from '@/server/api-proxy';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ path: string[] }> };

const handle = async (request: NextRequest, context: Context) => proxyToApi(request, (await context.params).path);

export { handle as GET, handle as POST, handle as PATCH, handle as PUT, handle as DELETE };
