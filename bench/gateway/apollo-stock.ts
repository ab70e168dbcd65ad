// The stock peer: @apollo/gateway behind @apollo/server's standalone server, defaults throughout.
// Run as its own process: `tsx bench/gateway/apollo-stock.ts <supergraph file>`; prints its URL.
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { readFileSync } from 'node:fs';

const gateway = new ApolloGateway({ supergraphSdl: readFileSync(process.argv[2]!, 'utf8') });
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
console.log(`stock gateway listening on ${url.replace(/\/$/, '')}`);
