// The demo catalog every embedded start seeds, shared so that the users and providers subgraphs
// agree on ids, and so that scripts and docs can name the demo logins.
import { cnpjFromBase, cpfFromBase } from '@medpay/br-documents';

export const DEMO_PASSWORD = 'MedPay@2026';

export interface DemoUser {
  id: string;
  name: string;
  email: string;
  cpf?: string;
  phone?: string;
  roles: ('PATIENT' | 'CLINIC_STAFF' | 'PLATFORM_ADMIN')[];
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const demoAdmin: DemoUser = { id: id(1), name: 'Ana Administradora', email: 'admin@demo.medpay.com.br', roles: ['PLATFORM_ADMIN'] };

export const demoPatients: DemoUser[] = [
  { id: id(101), name: 'Paula Paciente', email: 'paciente@demo.medpay.com.br', cpf: '52998224725', phone: '+5511987654321', roles: ['PATIENT'] },
  { id: id(102), name: 'João Pereira', email: 'joao.pereira@demo.medpay.com.br', cpf: cpfFromBase('123456789'), phone: '+5521998765432', roles: ['PATIENT'] },
  { id: id(103), name: 'Mariana Costa', email: 'mariana.costa@demo.medpay.com.br', cpf: cpfFromBase('987654321'), phone: '+5531997654321', roles: ['PATIENT'] },
];

interface DemoProcedure {
  name: string;
  category: string;
  description: string;
  priceCentavos: number;
  durationMinutes: number;
  interestFreeInstallments: number;
}

export interface DemoClinic {
  id: string;
  legalName: string;
  tradeName: string;
  cnpj: string;
  street: string;
  city: string;
  state: string;
  postalCode: string;
  specialties: string[];
  status: 'ACTIVE' | 'PENDING_REVIEW';
  admin: DemoUser;
  procedures: DemoProcedure[];
}

const p = (name: string, category: string, description: string, reais: number, durationMinutes: number, interestFreeInstallments: number): DemoProcedure => ({
  name, category, description, priceCentavos: reais * 100, durationMinutes, interestFreeInstallments,
});

const clinicAdmin = (n: number, name: string, email: string): DemoUser => ({ id: id(200 + n), name, email, roles: ['CLINIC_STAFF'] });

export const demoClinics: DemoClinic[] = [
  {
    id: id(301), legalName: 'Clínica Sorriso Paulista Ltda', tradeName: 'Sorriso Paulista', cnpj: cnpjFromBase('112223330001'),
    street: 'Av. Paulista, 1000', city: 'São Paulo', state: 'SP', postalCode: '01310-100', specialties: ['Odontologia'], status: 'ACTIVE',
    admin: clinicAdmin(1, 'Carla Clínica', 'clinica@demo.medpay.com.br'),
    procedures: [
      p('Clareamento dental', 'Odontologia', 'Clareamento a laser em consultório, duas sessões.', 1200, 90, 6),
      p('Implante dentário unitário', 'Odontologia', 'Implante de titânio com coroa de porcelana.', 4500, 120, 10),
      p('Limpeza e profilaxia', 'Odontologia', 'Remoção de tártaro e polimento.', 250, 45, 1),
      p('Aparelho ortodôntico autoligado', 'Odontologia', 'Instalação e primeira manutenção.', 3800, 60, 12),
      p('Tratamento de canal (molar)', 'Odontologia', 'Endodontia em dente molar, até três sessões.', 1400, 90, 6),
      p('Lente de contato dental (unidade)', 'Odontologia', 'Faceta ultrafina de porcelana.', 1900, 60, 10),
    ],
  },
  {
    id: id(302), legalName: 'Instituto de Olhos Carioca S.A.', tradeName: 'Olhos Carioca', cnpj: cnpjFromBase('12ABC34501DE'),
    street: 'Rua Voluntários da Pátria, 450', city: 'Rio de Janeiro', state: 'RJ', postalCode: '22270-010', specialties: ['Oftalmologia'], status: 'ACTIVE',
    admin: clinicAdmin(2, 'Rafael Rocha', 'olhos.carioca@demo.medpay.com.br'),
    procedures: [
      p('Cirurgia refrativa a laser (LASIK)', 'Oftalmologia', 'Correção de miopia e astigmatismo, ambos os olhos.', 7800, 60, 12),
      p('Cirurgia de catarata', 'Oftalmologia', 'Facoemulsificação com lente intraocular monofocal.', 5200, 45, 10),
      p('Consulta oftalmológica completa', 'Oftalmologia', 'Refração, tonometria e mapeamento de retina.', 380, 40, 1),
      p('Crosslinking de córnea', 'Oftalmologia', 'Tratamento do ceratocone.', 4200, 60, 10),
      p('Tratamento de glaucoma (SLT)', 'Oftalmologia', 'Trabeculoplastia seletiva a laser.', 2600, 30, 6),
    ],
  },
  {
    id: id(303), legalName: 'Centro de Dermatologia Mineiro Ltda', tradeName: 'Derma Minas', cnpj: cnpjFromBase('445556660001'),
    street: 'Av. do Contorno, 6000', city: 'Belo Horizonte', state: 'MG', postalCode: '30110-042', specialties: ['Dermatologia', 'Estética'], status: 'ACTIVE',
    admin: clinicAdmin(3, 'Beatriz Lima', 'derma.minas@demo.medpay.com.br'),
    procedures: [
      p('Remoção de sinais (até 3)', 'Dermatologia', 'Exérese com anatomopatológico incluso.', 900, 45, 3),
      p('Peeling químico', 'Estética', 'Peeling médio de ácido tricloroacético.', 650, 40, 3),
      p('Laser fracionado CO2', 'Estética', 'Sessão única para cicatrizes de acne.', 2200, 60, 6),
      p('Toxina botulínica (terço superior)', 'Estética', 'Aplicação em testa, glabela e pés de galinha.', 1500, 30, 6),
      p('Consulta dermatológica', 'Dermatologia', 'Avaliação com dermatoscopia digital.', 420, 30, 1),
    ],
  },
  {
    id: id(304), legalName: 'Hospital Ortopédico Gaúcho S.A.', tradeName: 'Orto Sul', cnpj: cnpjFromBase('778889990001'),
    street: 'Av. Ipiranga, 6690', city: 'Porto Alegre', state: 'RS', postalCode: '90610-000', specialties: ['Ortopedia', 'Fisioterapia'], status: 'ACTIVE',
    admin: clinicAdmin(4, 'Gustavo Becker', 'orto.sul@demo.medpay.com.br'),
    procedures: [
      p('Artroscopia de joelho', 'Ortopedia', 'Meniscectomia parcial por vídeo.', 14500, 120, 12),
      p('Reconstrução de LCA', 'Ortopedia', 'Ligamento cruzado anterior com enxerto autólogo.', 22000, 150, 12),
      p('Infiltração articular', 'Ortopedia', 'Ácido hialurônico guiado por ultrassom.', 1800, 30, 3),
      p('Pacote de fisioterapia (10 sessões)', 'Fisioterapia', 'Reabilitação pós-operatória.', 1200, 50, 6),
    ],
  },
  {
    id: id(305), legalName: 'Clínica Bem Nascer Recife Ltda', tradeName: 'Bem Nascer', cnpj: cnpjFromBase('334445550001'),
    street: 'Rua da Aurora, 325', city: 'Recife', state: 'PE', postalCode: '50050-000', specialties: ['Ginecologia', 'Obstetrícia'], status: 'PENDING_REVIEW',
    admin: clinicAdmin(5, 'Fernanda Albuquerque', 'bem.nascer@demo.medpay.com.br'),
    procedures: [
      p('Parto normal humanizado', 'Obstetrícia', 'Equipe completa e dois dias de internação.', 9800, 480, 12),
      p('Ultrassom morfológico', 'Obstetrícia', 'Avaliação morfológica do segundo trimestre.', 450, 40, 1),
      p('Inserção de DIU hormonal', 'Ginecologia', 'Dispositivo e procedimento guiado por ultrassom.', 1600, 30, 6),
    ],
  },
];

/** Procedure ids are derived from the clinic id and position, so that every seed agrees. */
export const demoProcedureId = (clinicIndex: number, procedureIndex: number) => id(1000 + clinicIndex * 100 + procedureIndex);

export const demoUsers: DemoUser[] = [demoAdmin, ...demoPatients, ...demoClinics.map((clinic) => clinic.admin)];

/**
 * Sorriso Paulista's NinSaúde account, connected in the demo: the refresh token the simulator seeds
 * (single use: it rotates at the first sync), and the ERP's service code of each catalog procedure, in
 * the catalog's order (the simulator's services and the connection's mapping both come from here).
 */
export const demoNinSaude = {
  clinicIndex: 0,
  refreshToken: 'ns-demo-refresh-sorriso-paulista',
  /** the unit the simulator lists for the account */
  accountId: 'sorrisopaulista/1',
  procedureCodes: ['ODT-CLAR', 'ODT-IMPL', 'ODT-PROF', 'ODT-ORTO', 'ODT-ENDO', 'ODT-LENT'],
} as const;
