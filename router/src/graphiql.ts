// The GraphQL sandbox for admins and partner developers: GraphiQL fully inlined (works offline).
// A token can be handed over in the URL fragment (/graphql#token=…), which never reaches a server
// log; it lands in GraphiQL's headers editor and the fragment is cleared.
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

const TOKEN_FROM_FRAGMENT = `<script>
(function () {
  var match = /^#token=([A-Za-z0-9._~-]+)$/.exec(location.hash);
  if (!match) return;
  localStorage.setItem('graphiql:headers', JSON.stringify({ Authorization: 'Bearer ' + match[1] }, null, 2));
  localStorage.removeItem('graphiql:tabState');
  history.replaceState(null, '', location.pathname + location.search);
})();
</script>`;

export function sandboxPage(): string {
  const html = renderGraphiQL({
    endpoint: '/graphql',
    title: 'MedPay Saúde — GraphQL',
    shouldPersistHeaders: true,
    headers: JSON.stringify({ Authorization: 'Bearer <cole seu token de acesso aqui>' }, null, 2),
    defaultQuery: `# Sandbox da MedPay Saúde. Coloque seu token em "Headers" (Authorization: Bearer …)
# ou, para sistemas parceiros, a chave em X-Api-Key.
query Clinicas {
  clinics(first: 5) {
    edges { node { id tradeName address { city state } specialties } }
  }
}
`,
  });
  return html.replace('<head>', `<head>${TOKEN_FROM_FRAGMENT}`);
}
