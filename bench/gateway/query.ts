// The gateway workload's operations: The Guild's benchmark query (nested across the four subgraphs,
// 16 subgraph fetches in @apollo/gateway's plan) and a query the products subgraph answers alone.
export const NESTED_QUERY = `fragment User on User { id username name }
fragment Review on Review { id body }
fragment Product on Product { inStock name price shippingEstimate upc weight }
query TestQuery {
  users { ...User reviews { ...Review product { ...Product reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } } } } }
  topProducts { ...Product reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } } }
}`;

export const SINGLE_SUBGRAPH_QUERY = 'query TopProducts { topProducts(first: 5) { upc name price weight } }';
