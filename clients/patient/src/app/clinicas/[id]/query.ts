// A clinic's public page's query: asked by the page's server and again by the browser.
import { graphql } from '@medpay/web/graphql';

export const ClinicPage = graphql(`
  query ClinicPage($id: ID!) {
    clinic(id: $id) {
      id tradeName legalName cnpj specialties status
      address { street city state postalCode }
      procedures(first: 50) { edges { node { id name category priceCentavos durationMinutes interestFreeInstallments active } } }
    }
  }
`);
