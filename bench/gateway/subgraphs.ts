// The four subgraphs of The Guild's federation gateway benchmark (graphql-hive/graphql-gateways-benchmark),
// rebuilt in Node: accounts, inventory, products and reviews, with the same static data, entity keys
// and resolvers. One difference: accounts' `me` is @authenticated, so our router's start-up
// self-test has a protected field to probe (the benchmark query does not ask for it).
//
// Run as its own process (`tsx bench/gateway/subgraphs.ts`): serves the four on free ports and prints
// one line `subgraphs {"accounts": "http://…", …}`. Imported, it gives the SDLs for composition.
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const federation = (imports: string[]) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: [${imports.map((i) => `"${i}"`).join(', ')}])`;

interface User { id: string; name: string; username: string; birthday: number }
interface Product { upc: string; name: string; price: number; weight: number }
interface Review { id: string; body: string; product: { upc: string } }

const users: User[] = [
  ['1', 'Uri Goldshtein', 'urigo'],
  ['2', 'Dotan Simha', 'dotansimha'],
  ['3', 'Kamil Kisiela', 'kamilkisiela'],
  ['4', 'Arda Tanrikulu', 'ardatan'],
  ['5', 'Gil Gardosh', 'gilgardosh'],
  ['6', 'Laurin Quast', 'laurin'],
].map(([id, name, username]) => ({ id: id!, name: name!, username: username!, birthday: 1234567890 }));

const products: Product[] = [
  ['1', 'Table', 899, 100], ['2', 'Couch', 1299, 1000], ['3', 'Glass', 15, 20], ['4', 'Chair', 499, 100], ['5', 'TV', 1299, 1000],
  ['6', 'Lamp', 6999, 300], ['7', 'Grill', 3999, 2000], ['8', 'Fridge', 100000, 6000], ['9', 'Sofa', 9999, 800],
].map(([upc, name, price, weight]) => ({ upc: upc as string, name: name as string, price: price as number, weight: weight as number }));

const inStock = new Map(['1', '5', '6', '7', '9'].map((upc) => [upc, true]));

const LOREM = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.';
const SED = 'Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi';
const QUIA = 'sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem.';
const MINIMA = 'Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem';
const VERO = 'At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat.';
const reviews: Review[] = [
  [LOREM, '1'], [SED, '1'], [QUIA, '1'], [MINIMA, '1'], [LOREM, '2'], [SED, '2'], [QUIA, '2'], [MINIMA, '2'], [MINIMA, '3'], [MINIMA, '4'], [VERO, '4'],
].map(([body, upc], index) => ({ id: String(index + 1), body: body!, product: { upc: upc! } }));

type Resolvers = Parameters<typeof buildSubgraphSchema>[0] extends infer M ? (M extends { resolvers?: infer R } ? R : never) : never;

export const subgraphDefinitions: Record<string, { typeDefs: (secured: boolean) => string; resolvers: Resolvers }> = {
  accounts: {
    typeDefs: (secured) => `${federation(secured ? ['@key', '@shareable', '@authenticated'] : ['@key', '@shareable'])}
      type Query { me: User ${secured ? '@authenticated' : ''}  user(id: ID!): User  users: [User] }
      type User @key(fields: "id") { id: ID!  name: String  username: String @shareable  birthday: Int }`,
    resolvers: {
      Query: { me: () => users[0], user: (_: unknown, { id }: { id: string }) => users.find((u) => u.id === id), users: () => users },
      User: { __resolveReference: ({ id }: { id: string }) => users.find((u) => u.id === id) },
    } as Resolvers,
  },
  inventory: {
    typeDefs: () => `${federation(['@key', '@external', '@requires'])}
      type Product @key(fields: "upc") { upc: String!  weight: Int @external  price: Int @external  inStock: Boolean  shippingEstimate: Int @requires(fields: "price weight") }`,
    resolvers: {
      Product: {
        __resolveReference: (product: { upc: string; price?: number; weight?: number }) => ({ ...product, inStock: inStock.get(product.upc) ?? false }),
        shippingEstimate: ({ price, weight }: { price?: number; weight?: number }) => (price === undefined ? null : price > 1000 ? 0 : weight === undefined ? null : Math.floor(weight / 2)),
      },
    } as Resolvers,
  },
  products: {
    typeDefs: () => `${federation(['@key'])}
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String!  name: String  price: Int  weight: Int }`,
    resolvers: {
      Query: { topProducts: (_: unknown, { first }: { first: number }) => products.slice(0, first) },
      Product: { __resolveReference: ({ upc }: { upc: string }) => products.find((p) => p.upc === upc) },
    } as Resolvers,
  },
  reviews: {
    typeDefs: () => `${federation(['@key', '@external', '@provides'])}
      type Review @key(fields: "id") { id: ID!  body: String  product: Product  author: User @provides(fields: "username") }
      type User @key(fields: "id") { id: ID!  username: String @external  reviews: [Review] }
      type Product @key(fields: "upc") { upc: String!  reviews: [Review] }`,
    resolvers: {
      Review: {
        __resolveReference: ({ id }: { id: string }) => reviews.find((r) => r.id === id),
        author: () => ({ id: '1', username: 'urigo', reviews: reviews.slice(0, 2) }),
      },
      User: { __resolveReference: ({ id }: { id: string }) => ({ id, username: 'user', reviews: reviews.slice(0, 2) }) },
      Product: { reviews: ({ upc }: { upc: string }) => reviews.filter((r) => r.product.upc === upc) },
    } as Resolvers,
  },
};

/**
 * The supergraph of the four, composed with @apollo/composition. `secured: false` leaves out the
 * @authenticated on `me`: stock @apollo/gateway refuses to load SECURITY features, and the peers
 * enforce nothing for a field the benchmark never asks for.
 */
export function composeBenchSupergraph(urls: Record<string, string>, secured: boolean): string {
  const result = composeServices(
    Object.entries(subgraphDefinitions).map(([name, { typeDefs }]) => ({
      name,
      url: urls[name]!,
      typeDefs: parse(typeDefs(secured)),
    })),
  );
  if (result.errors) throw new Error(`bench supergraph: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.supergraphSdl;
}

/**
 * A minimal GraphQL-over-HTTP server. For the gateway workload the data is static, so an identical
 * request body gets the answer computed the first time: the subgraphs stay cheap and the gateway
 * under test is what the two cores spend their time on (the benchmark's own subgraphs are Rust for
 * the same reason). `POST /memo` with `on` or `off` switches that; off, every request is parsed
 * (cached), validated once and executed, as a Node subgraph does. A JSON array is a batch, answered
 * in order (our router sends a query's parallel fetches to one subgraph that way).
 */
type Operation = { query: string; variables?: Record<string, unknown>; operationName?: string };

function serve(schema: GraphQLSchema): Promise<string> {
  const answers = new Map<string, string>();
  const documents = new Map<string, DocumentNode>();
  let memo = true;
  /** One operation's answer (JSON), or null when it does not validate. */
  const run = async ({ query, variables, operationName }: Operation): Promise<string | null> => {
    let document = documents.get(query);
    if (!document) {
      document = parse(query);
      if (validate(schema, document).length) return null;
      documents.set(query, document);
    }
    return JSON.stringify(await execute({ schema, document, variableValues: variables, operationName }));
  };
  const server = createServer((req, res) => {
    if (req.url === '/memo') {
      req.once('data', (chunk: Buffer) => (memo = chunk.toString() === 'on'));
      return void req.once('end', () => res.writeHead(204).end());
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let answer = memo ? answers.get(body) : undefined;
      if (answer === undefined) {
        // A JSON array is a batch (what Apollo Server accepts when allowed): answered in order.
        const parsed = JSON.parse(body) as Operation | Operation[];
        const results = await Promise.all((Array.isArray(parsed) ? parsed : [parsed]).map((operation) => run(operation)));
        if (results.some((result) => result === null)) return void res.writeHead(400).end('{"errors":[{"message":"invalid operation"}]}');
        answer = Array.isArray(parsed) ? `[${results.join(',')}]` : results[0]!;
        if (memo && answers.size < 10_000) answers.set(body, answer);
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) }).end(answer);
    });
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const urls: Record<string, string> = {};
  for (const [name, { typeDefs, resolvers }] of Object.entries(subgraphDefinitions)) {
    urls[name] = await serve(buildSubgraphSchema({ typeDefs: parse(typeDefs(true)), resolvers }));
  }
  console.log(`subgraphs ${JSON.stringify(urls)}`);
}
