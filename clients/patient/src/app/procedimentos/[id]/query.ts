// A procedure's public page's query: asked by the page's server (with the default due day) and again by the browser.
import { graphql } from '@medpay/web/graphql';

/** the crediário's due day the page opens with */
export const DEFAULT_DUE_DAY = 10;

export const ProcedurePage = graphql(`
  query ProcedurePage($id: ID!, $firstDueDay: Int) {
    procedure(id: $id) {
      id name description category priceCentavos durationMinutes interestFreeInstallments active
      clinic { id tradeName status address { city state } }
    }
    paymentPlans(procedureId: $id, firstDueDay: $firstDueDay) { ...PlanFields }
  }
`);
