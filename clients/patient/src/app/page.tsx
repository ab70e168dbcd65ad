// Home: rendered on the server with the first results of the search the URL asks for (the public
// catalog, anonymous, which the edge may cache), then live in the browser (search.tsx).
import { queryOnServer } from '@medpay/web/server';
import { Suspense } from 'react';
import { Search } from './search';
import { SearchProcedures, searchVariables } from './search-query';

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = new URLSearchParams(Object.entries(await searchParams).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
  const initial = await queryOnServer(SearchProcedures, searchVariables(params));
  return (
    <Suspense>
      <Search initial={initial} />
    </Suspense>
  );
}
