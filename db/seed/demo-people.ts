/**
 * Demo tenants for local development: a coffee-shop chain and an appliance retailer. Plain data;
 * db/seed/demo.ts writes it. Ids are fixed so re-seeding never duplicates anything.
 */
import type { EmployeeRole } from '../../features/people/tables.ts';
import type { TenantTrade } from '../tenants.ts';

export interface DemoTeam {
  key: string;
  name: string;
  description: string;
  /** [name, role, hired (YYYY-MM-DD)] */
  members: [string, EmployeeRole, string][];
}

export interface DemoTenant {
  slug: string;
  /** Which trade pack its theme taxonomy starts from. */
  trade: TenantTrade;
  name: string;
  emailDomain: string;
  /** People above the teams (directors), with no team. */
  leadership: [string, EmployeeRole, string][];
  teams: DemoTeam[];
}

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: 'brewline',
    name: 'Brewline Coffee',
    trade: 'cafe',
    emailDomain: 'brewline.example',
    leadership: [
      ['Margaret Okafor', 'director', '2016-03-01'],
      ['Tomás Herrera', 'director', '2018-09-17'],
    ],
    teams: [
      {
        key: 'harbour',
        name: 'Harbour Street Café',
        description: 'Flagship café by the ferry terminal; the early commuter rush.',
        members: [
          ['Priya Raman', 'lead', '2019-05-06'],
          ['Jonas Weber', 'agent', '2022-02-14'],
          ['Aisha Bello', 'agent', '2023-06-01'],
          ['Liam O’Connor', 'agent', '2024-01-08'],
          ['Mei Chen', 'agent', '2021-10-11'],
        ],
      },
      {
        key: 'riverside',
        name: 'Riverside Kiosk',
        description: 'Walk-up kiosk in the riverside park; seasonal staff in summer.',
        members: [
          ['Diego Alvarez', 'lead', '2020-04-20'],
          ['Sofia Rossi', 'agent', '2023-03-27'],
          ['Kwame Mensah', 'agent', '2024-05-13'],
          ['Hannah Lindqvist', 'agent', '2022-08-22'],
        ],
      },
      {
        key: 'roastery',
        name: 'Old Town Roastery',
        description: 'Roastery and tasting bar; runs the Saturday cupping sessions.',
        members: [
          ['Ewa Kowalska', 'manager', '2017-11-02'],
          ['Rahul Mehta', 'lead', '2019-01-14'],
          ['Chloé Martin', 'agent', '2021-07-05'],
          ['Samuel Adeyemi', 'agent', '2023-09-18'],
          ['Yuki Tanaka', 'agent', '2024-02-26'],
        ],
      },
      {
        key: 'events',
        name: 'Mobile & Events',
        description: 'Coffee cart for offices, weddings and markets.',
        members: [
          ['Fatima Zahra', 'lead', '2020-06-29'],
          ['Oliver Brooks', 'agent', '2022-11-07'],
          ['Lucía Fernández', 'agent', '2023-04-03'],
        ],
      },
      {
        key: 'care',
        name: 'Customer Care',
        description: 'Phone, chat and loyalty-app support for every shop.',
        members: [
          ['Grace Mwangi', 'manager', '2018-02-12'],
          ['Noah Schmidt', 'lead', '2020-10-05'],
          ['Amara Nwosu', 'agent', '2022-05-16'],
          ['Ben Carter', 'agent', '2023-12-04'],
          ['Ingrid Haugen', 'agent', '2021-03-22'],
        ],
      },
    ],
  },
  {
    slug: 'voltmart',
    name: 'Voltmart Appliances',
    trade: 'appliances',
    emailDomain: 'voltmart.example',
    leadership: [
      ['Robert Kimani', 'director', '2012-06-04'],
      ['Anneke de Vries', 'director', '2015-01-19'],
    ],
    teams: [
      {
        key: 'showroom-north',
        name: 'Showroom North',
        description: 'Large-format showroom: kitchens, laundry and cooling.',
        members: [
          ['Carlos Mendoza', 'manager', '2014-08-11'],
          ['Julia Novak', 'lead', '2018-03-05'],
          ['Ahmed Hassan', 'agent', '2021-06-14'],
          ['Emily Parker', 'agent', '2022-09-26'],
          ['Tariq Khan', 'agent', '2023-11-13'],
        ],
      },
      {
        key: 'showroom-south',
        name: 'Showroom South',
        description: 'Mall showroom: small appliances, TV and audio.',
        members: [
          ['Nadia Petrova', 'lead', '2019-02-18'],
          ['Kenji Watanabe', 'agent', '2022-01-10'],
          ['Olivia Dubois', 'agent', '2023-05-22'],
          ['Marcus Johnson', 'agent', '2024-03-04'],
        ],
      },
      {
        key: 'delivery',
        name: 'Delivery & Installation',
        description: 'Two-person crews who deliver, install and take away old appliances.',
        members: [
          ['Pedro Santos', 'lead', '2017-07-24'],
          ['Viktor Horvath', 'agent', '2020-09-14'],
          ['Daniel Osei', 'agent', '2021-11-29'],
          ['Ruth Abebe', 'agent', '2023-02-06'],
        ],
      },
      {
        key: 'repairs',
        name: 'Repairs & Warranty',
        description: 'Field technicians and the warranty desk.',
        members: [
          ['Helen Walsh', 'manager', '2013-04-15'],
          ['Arjun Nair', 'lead', '2016-10-03'],
          ['Matteo Bianchi', 'agent', '2019-08-19'],
          ['Zanele Dlamini', 'agent', '2022-04-25'],
        ],
      },
      {
        key: 'care',
        name: 'Customer Care',
        description: 'Phone and chat: orders, delivery slots, warranty claims.',
        members: [
          ['Laura Jensen', 'lead', '2018-12-10'],
          ['Omar Farouk', 'agent', '2021-02-01'],
          ['Isabel Costa', 'agent', '2022-07-18'],
          ['Patrick Byrne', 'agent', '2024-06-10'],
          ['Leila Ahmadi', 'agent', '2023-08-28'],
        ],
      },
    ],
  },
];

/** The documented local keys: `fl_sk_dev_<slug>_<role>`. They exist only in the local seed. */
export const DEV_KEY_ROLES = ['admin', 'manager', 'reader'] as const;
export const devKey = (slug: string, role: (typeof DEV_KEY_ROLES)[number]) => `fl_sk_dev_${slug}_${role}`;
