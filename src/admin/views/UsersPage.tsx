import type { StaffUser } from '../../core/staff.js';
import { ROLE_NAMES, STAFF_ROLES } from '../../core/staff.js';
import type { AdminContext } from './AdminLayout.js';
import { AdminLayout, Csrf, Messages } from './AdminLayout.js';

export function UsersPage({ ctx, users, errors, notice }: { ctx: AdminContext; users: StaffUser[]; errors?: string[]; notice?: string | undefined }) {
  return (
    <AdminLayout ctx={ctx} title="People">
      <h1>People</h1>
      <Messages errors={errors} notice={notice} />
      <table class="admin-table">
        <caption>Newsroom accounts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <form method="post" action={`/admin/users/${u.id}/role`} class="inline-form">
                  <Csrf ctx={ctx} />
                  <label class="visually-hidden" for={`role-${u.id}`}>
                    Role of {u.name}
                  </label>
                  <select id={`role-${u.id}`} name="role">
                    {STAFF_ROLES.map((r) => (
                      <option key={r} value={r} selected={u.role === r}>
                        {ROLE_NAMES[r]}
                      </option>
                    ))}
                  </select>
                  <button type="submit">Change</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="invite-title">
        <h2 id="invite-title">Invite someone</h2>
        <form method="post" action="/admin/users/invite" class="inline-form">
          <Csrf ctx={ctx} />
          <label for="invite-email">Email</label>
          <input id="invite-email" name="email" type="email" required />
          <label for="invite-role">Role</label>
          <select id="invite-role" name="role">
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r} selected={r === 'contributor'}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
          <button type="submit" class="primary">Send invitation</button>
        </form>
      </section>
    </AdminLayout>
  );
}
