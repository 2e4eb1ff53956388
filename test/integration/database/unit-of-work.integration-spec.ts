import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  afterCommit,
  inTransaction,
  managerOf,
  PreparedStatement,
  queryPrepared,
  TypeOrmUnitOfWork,
} from '#libs/database';
import { CreateOrganizationUseCase } from '../../../src/accounts/application/use-cases/create-organization.use-case';
import { TypeOrmAuditLog } from '../../../src/accounts/infrastructure/typeorm/typeorm-audit-log';
import { TypeOrmMembershipRepository } from '../../../src/accounts/infrastructure/typeorm/typeorm-membership.repository';
import { TypeOrmOrganizationRepository } from '../../../src/accounts/infrastructure/typeorm/typeorm-organization.repository';
import { ResourceOwners } from '../../../src/accounts/infrastructure/typeorm/resource-owners';
import { openObserverDataSource } from '../../support/observer-data-source';
import { randomMobile } from '../../support/random';
import { openTestDataSource } from '../../support/test-data-source';

const PROBE_TABLE = 'uow_probe_rows';
const INSERT_PROBE = new PreparedStatement(`INSERT INTO ${PROBE_TABLE} (id, note) VALUES ($1, $2)`);
const SELECT_PROBE = new PreparedStatement(`SELECT note FROM ${PROBE_TABLE} WHERE id = $1`);
const BACKEND = new PreparedStatement('SELECT pg_backend_pid() AS pid, pg_current_xact_id_if_assigned()::text AS xid');

/**
 * The unit of work over the real database: what runs inside one commits together or not at all,
 * whichever way each statement is sent (TypeORM's manager, a repository adapter's own transaction,
 * a named prepared statement), and a run inside a run is the same transaction.
 */
describe('TypeOrmUnitOfWork (PostgreSQL)', () => {
  let dataSource: DataSource;
  let observer: DataSource;
  let uow: TypeOrmUnitOfWork;

  const newUser = async () =>
    (
      (await dataSource.query('INSERT INTO users (phone) VALUES ($1) RETURNING id', [randomMobile()])) as {
        id: string;
      }[]
    )[0]!.id;
  /** Read on another connection: only what is committed. */
  const committedNote = async (id: string) =>
    ((await observer.query(`SELECT note FROM ${PROBE_TABLE} WHERE id = $1`, [id])) as { note: string }[])[0]?.note;
  const insertProbe = (id: string, note: string) =>
    managerOf(dataSource).query(`INSERT INTO ${PROBE_TABLE} (id, note) VALUES ($1, $2)`, [id, note]);

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    observer = await openObserverDataSource();
    uow = new TypeOrmUnitOfWork(dataSource);
    await dataSource.query(
      `CREATE TABLE IF NOT EXISTS ${PROBE_TABLE} (id uuid PRIMARY KEY, note varchar(10) NOT NULL CHECK (note <> 'refused'))`,
    );
  });

  afterAll(async () => {
    await dataSource.query(`DROP TABLE IF EXISTS ${PROBE_TABLE}`);
    await observer?.destroy();
    await dataSource?.destroy();
  });

  it('commits everything written in a run when the work resolves', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await uow.run(async () => {
      await insertProbe(a, 'first');
      await queryPrepared(dataSource, INSERT_PROBE, [b, 'second']);
      expect(await committedNote(a)).toBeUndefined();
    });
    expect([await committedNote(a), await committedNote(b)]).toEqual(['first', 'second']);
  });

  it('rolls back every write of the run when a later write fails', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await expect(
      uow.run(async () => {
        await insertProbe(a, 'kept?');
        await queryPrepared(dataSource, INSERT_PROBE, [b, 'kept?']);
        await insertProbe(c, 'refused');
      }),
    ).rejects.toThrow(/check constraint/);
    expect([await committedNote(a), await committedNote(b), await committedNote(c)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('rolls back when the work throws after its writes', async () => {
    const id = randomUUID();
    await expect(
      uow.run(async () => {
        await queryPrepared(dataSource, INSERT_PROBE, [id, 'written']);
        throw new Error('the use case changed its mind');
      }),
    ).rejects.toThrow('the use case changed its mind');
    expect(await committedNote(id)).toBeUndefined();
  });

  it('runs prepared statements on the transaction’s connection: they see its uncommitted writes', async () => {
    const id = randomUUID();
    await uow.run(async () => {
      await insertProbe(id, 'unseen');
      const { rows } = await queryPrepared<{ note: string }>(dataSource, SELECT_PROBE, [id]);
      expect(rows).toEqual([{ note: 'unseen' }]);
      const manager = (await managerOf(dataSource).query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
      const prepared = await queryPrepared<{ pid: number }>(dataSource, BACKEND, []);
      expect(prepared.rows[0]?.pid).toBe(manager[0]?.pid);
    });
    // Outside a run the statement goes back to the pool, and sees what was committed.
    await expect(queryPrepared(dataSource, SELECT_PROBE, [id])).resolves.toMatchObject({ rows: [{ note: 'unseen' }] });
  });

  it('joins a run inside a run: one connection, one transaction, rolled back whole', async () => {
    const [outer, inner] = [randomUUID(), randomUUID()];
    let outerBackend: { pid: number; xid: string | null } | undefined;
    let innerBackend: typeof outerBackend;
    await expect(
      uow.run(async () => {
        await insertProbe(outer, 'outer');
        outerBackend = (await queryPrepared<{ pid: number; xid: string }>(dataSource, BACKEND, [])).rows[0];
        await uow.run(async () => {
          await queryPrepared(dataSource, INSERT_PROBE, [inner, 'inner']);
          innerBackend = (await queryPrepared<{ pid: number; xid: string }>(dataSource, BACKEND, [])).rows[0];
        });
        // The inner run has returned: its row is still not committed, it waits for the outer run.
        expect(await committedNote(inner)).toBeUndefined();
        throw new Error('outer fails after the inner run');
      }),
    ).rejects.toThrow('outer fails after the inner run');
    expect(innerBackend).toEqual(outerBackend);
    expect(outerBackend?.xid).toEqual(expect.any(String));
    expect([await committedNote(outer), await committedNote(inner)]).toEqual([undefined, undefined]);
  });

  it('makes an adapter’s own transaction join the run (no savepoint, nothing committed early)', async () => {
    const organizations = new TypeOrmOrganizationRepository(dataSource);
    const memberships = new TypeOrmMembershipRepository(dataSource, new ResourceOwners());
    const admin = await newUser();
    const member = await newUser();
    const organization = await organizations.createWithAdmin('پیوستن به تراکنش', admin);
    await memberships.add(organization.id, member, 'EDITOR');

    await expect(
      uow.run(async () => {
        // update() opens its own transaction (row locks on the admins): inside a run it is the run's.
        await memberships.update(organization.id, member, () => 'VIEWER');
        await expect(memberships.findRole(organization.id, member)).resolves.toBe('VIEWER');
        throw new Error('after the adapter committed its part?');
      }),
    ).rejects.toThrow('after the adapter committed its part?');

    await expect(memberships.findRole(organization.id, member)).resolves.toBe('EDITOR');
  });

  it('writes an organization and its audit entry together: an audit insert that fails leaves no organization', async () => {
    const admin = await newUser();
    const name = `audit-refused-${randomUUID().slice(0, 8)}`;
    const createOrganization = new CreateOrganizationUseCase(
      new TypeOrmOrganizationRepository(dataSource),
      new TypeOrmAuditLog(dataSource),
      uow,
    );
    const trigger = `refuse_audit_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await dataSource.query(`
      CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.metadata->>'name' = '${name}' THEN RAISE EXCEPTION 'audit log unavailable'; END IF;
        RETURN NEW;
      END $$`);
    await dataSource.query(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION ${trigger}()`,
    );
    try {
      await expect(createOrganization.execute({ userId: admin }, { name })).rejects.toThrow('audit log unavailable');
    } finally {
      await dataSource.query(`DROP TRIGGER ${trigger} ON audit_log`);
      await dataSource.query(`DROP FUNCTION ${trigger}()`);
    }
    const organizations = (await observer.query('SELECT id FROM organizations WHERE name = $1', [name])) as unknown[];
    const memberships = (await observer.query('SELECT 1 FROM memberships WHERE user_id = $1', [admin])) as unknown[];
    expect({ organizations, memberships }).toEqual({ organizations: [], memberships: [] });

    // The same use case with the audit log available writes all three.
    const created = await createOrganization.execute({ userId: admin }, { name });
    const entries = (await observer.query(
      `SELECT action FROM audit_log WHERE organization_id = $1 AND action = 'organization.created'`,
      [created.id],
    )) as unknown[];
    expect(entries).toHaveLength(1);
  });

  it('runs after-commit effects once the run commits, and never for a run rolled back', async () => {
    const seen: string[] = [];
    await uow.run(async () => {
      afterCommit(dataSource, () => seen.push('committed'));
      expect(seen).toEqual([]);
    });
    await expect(
      inTransaction(dataSource, async () => {
        afterCommit(dataSource, () => seen.push('rolled back'));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    afterCommit(dataSource, () => seen.push('outside a run: at once'));
    expect(seen).toEqual(['committed', 'outside a run: at once']);
  });

  it('sends work left running after the run to the pool, not to the released connection', async () => {
    let late: Promise<unknown> | undefined;
    const id = randomUUID();
    await uow.run(async () => {
      late = (async () => {
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setImmediate(resolve));
        return queryPrepared(dataSource, INSERT_PROBE, [id, 'late']);
      })();
    });
    await late;
    expect(await committedNote(id)).toBe('late');
  });
});
