/** Teams and employees of a tenant: the people every other feature's rows point at. */
import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, updatedAtColumn } from '../../db/columns.ts';
import { tenants } from '../../db/tenants.ts';

export const TEAM_STATUSES = ['active', 'inactive'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

export const teams = sqliteTable(
  'teams',
  {
    id: idColumn(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    name: text('name').notNull(),
    description: text('description'),
    status: text('status', { enum: TEAM_STATUSES }).notNull().default('active'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    // The (tenant_id, id) pair is what child rows reference, so no row can point across tenants.
    uniqueIndex('teams_tenant_id_unique').on(t.tenantId, t.id),
    uniqueIndex('teams_tenant_name_unique').on(t.tenantId, sql`lower(${t.name})`),
    index('teams_tenant_name_idx').on(t.tenantId, t.name, t.id),
  ],
);

export const EMPLOYEE_ROLES = ['agent', 'lead', 'manager', 'director'] as const;
export type EmployeeRole = (typeof EMPLOYEE_ROLES)[number];
export const EMPLOYEE_STATUSES = ['active', 'inactive'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

export const employees = sqliteTable(
  'employees',
  {
    id: idColumn(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    teamId: text('team_id'),
    name: text('name').notNull(),
    /** Stored trimmed and lower-cased; unique within the tenant. */
    email: text('email').notNull(),
    role: text('role', { enum: EMPLOYEE_ROLES }).notNull(),
    status: text('status', { enum: EMPLOYEE_STATUSES }).notNull().default('active'),
    /** Calendar date, YYYY-MM-DD. */
    hiredAt: text('hired_at').notNull(),
    /** Whether the weekly summary emails may be sent to this person. */
    emailOptIn: integer('email_opt_in', { mode: 'boolean' }).notNull().default(true),
    /** Shown in customer-facing widgets (first name and photo only); set by admins. */
    public: integer('public', { mode: 'boolean' }).notNull().default(false),
    /** Optional https photo for widgets. */
    photoUrl: text('photo_url'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    uniqueIndex('employees_tenant_id_unique').on(t.tenantId, t.id),
    uniqueIndex('employees_tenant_email_unique').on(t.tenantId, t.email),
    index('employees_tenant_name_idx').on(t.tenantId, t.name, t.id),
    index('employees_tenant_team_idx').on(t.tenantId, t.teamId, t.name),
  ],
);
