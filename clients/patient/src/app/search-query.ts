// The home search's query and its variables, read from the URL: asked by the page's server (so the
// page arrives with its results) and again by the browser.
import { graphql } from '@medpay/web/graphql';

export const SearchProcedures = graphql(`
  query SearchProcedures($filter: ProcedureFilter, $clinicFilter: ClinicFilter, $first: Int, $after: String) {
    clinics(filter: $clinicFilter, first: 6) { edges { node { id tradeName specialties address { city state } } } }
    procedures(filter: $filter, first: $first, after: $after) {
      edges { node { id name category priceCentavos interestFreeInstallments clinic { id tradeName address { city state } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** The query's variables for the URL's `q`, `cidade` and `especialidade`. */
export function searchVariables(params: { get(name: string): string | null }) {
  const text = params.get('q') || null;
  const city = params.get('cidade') || null;
  const specialty = params.get('especialidade') || null;
  return { filter: { search: text, city, category: specialty }, clinicFilter: { search: text, city, specialty }, first: 20 };
}
