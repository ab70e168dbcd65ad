export const metadata = { title: 'Sem conexão' };

/** What the service worker shows for a page it cannot fetch while offline. */
export default function Offline() {
  return (
    <section className="card">
      <h1>Você está sem conexão</h1>
      <p>Assim que a internet voltar, é só tentar de novo. Seus pagamentos continuam seguros.</p>
      <p><a className="button" href="/">Tentar de novo</a></p>
    </section>
  );
}
