import { LegalVersions, MarketingConsent } from '../../components/legal-terms';

export const metadata = { title: 'Privacidade' };

/** The privacy notice (LGPD art. 9 and 18): who controls the data, what for, and how to exercise each right. */
export default function Privacy() {
  return (
    <article className="card privacy">
      <h1>Privacidade e seus dados</h1>
      <p>
        A <strong>MedPay Saúde</strong> é a controladora dos dados pessoais tratados neste aplicativo, nos termos da Lei Geral de
        Proteção de Dados (Lei nº 13.709/2018, LGPD).
      </p>

      <h2>Encarregado (DPO)</h2>
      <p>
        Fale com o nosso encarregado pelo tratamento de dados pessoais em <a href="mailto:dpo@medpay.com.br">dpo@medpay.com.br</a>.
      </p>

      <h2>Quais dados tratamos e para quê</h2>
      <ul>
        <li><strong>Cadastro</strong> (nome, e-mail, telefone, CPF): identificar você, emitir cobranças e cumprir obrigações legais.</li>
        <li><strong>Pagamentos e crediário</strong> (valores, parcelas, contratos): executar o contrato com você e a clínica e cumprir a regulação financeira.</li>
        <li><strong>Dados de saúde</strong> (o procedimento pago): somente para a prestação do serviço de saúde contratado e para a prevenção de fraudes (LGPD, art. 11).</li>
        <li><strong>Comunicações de marketing</strong>: só com o seu consentimento, que você pode revogar quando quiser.</li>
      </ul>

      <h2>Com quem compartilhamos</h2>
      <p>
        Com a clínica onde você faz o procedimento, com o nosso parceiro de pagamentos (Celcoin) e, no crediário, com o serviço de
        assinatura digital do contrato. Não vendemos dados pessoais.
      </p>

      <h2>Como protegemos</h2>
      <p>
        O CPF e os dados de saúde ficam cifrados no banco de dados; o número do cartão nunca chega aos nossos servidores. O acesso de
        equipes a dados sensíveis é registrado.
      </p>

      <h2>Por quanto tempo guardamos</h2>
      <p>
        Enquanto sua conta estiver ativa. Registros financeiros e contratos são mantidos por 5 anos, como exige a lei, de forma
        pseudonimizada e fora do alcance do aplicativo.
      </p>

      <h2>Seus direitos</h2>
      <ul>
        <li>confirmar que tratamos seus dados e acessá-los;</li>
        <li>corrigir dados incompletos, inexatos ou desatualizados;</li>
        <li>pedir anonimização, bloqueio ou eliminação de dados desnecessários ou tratados em desconformidade com a lei;</li>
        <li>receber seus dados em formato legível por máquina (portabilidade);</li>
        <li>saber com quem compartilhamos seus dados;</li>
        <li>revogar o consentimento e pedir a eliminação dos dados tratados com base nele.</li>
      </ul>
      <p>
        Com a sua conta, peça uma cópia dos seus dados em <a href="/meus-dados">Meus dados</a>.
      </p>
      <p>
        Para exercer qualquer direito, escreva para <a href="mailto:dpo@medpay.com.br">dpo@medpay.com.br</a> a partir do e-mail da sua
        conta. Respondemos em até 15 dias. Você também pode reclamar à Autoridade Nacional de Proteção de Dados (ANPD).
      </p>

      <h2 id="versoes">Versões em vigor</h2>
      <p>
        Ao criar a conta você aceita os Termos de Uso e esta Política de Privacidade; quando uma nova versão entra em vigor, pedimos
        que você a aceite de novo antes de continuar. Registramos qual versão você aceitou, quando e de qual endereço.
      </p>
      <LegalVersions />
      <MarketingConsent />
    </article>
  );
}
